package io.khulasa.cleaning;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** TEMPORARY stand-in until the cleaner branch lands: whitespace only. */
@ApplicationScoped
public class ArticleCleaner {

    public CleanedArticle clean(ArticleInput input) {
        String raw = input.text() != null ? input.text() : org.jsoup.Jsoup.parse(input.html()).text();
        String text = raw.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
        long arabic = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        if (arabic < 20) {
            throw new ArticleRejectedException("no-arabic-text", "No Arabic article found in the input");
        }
        return new CleanedArticle(input.title(), text,
                new CleaningReport(raw.length(), text.length(), List.of(), List.of(), List.of(), null, Map.of()));
    }
}
