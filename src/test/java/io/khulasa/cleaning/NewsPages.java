package io.khulasa.cleaning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The news-page fixtures under {@code src/test/resources/pages/}: {@code manifest.json} lists each page with its kind
 * ({@code real} or {@code templated}), and {@code <name>.expected.txt} holds its hand-checked article (line 1 the
 * headline, then one paragraph per line).
 */
public final class NewsPages {

    /** One fixture page. */
    public record Page(String name, String kind, String template, String html, String expected) {

        public String expectedTitle() {
            return expected.lines().findFirst().orElse("");
        }

        public List<String> expectedParagraphs() {
            return expected.lines().skip(1).filter(l -> !l.isBlank()).toList();
        }
    }

    /** What khulasa extracted from a page: headline and body, and the score against the expected article. */
    public record Result(Page page, String title, String text, TokenScore.Prf score, List<String> lostParagraphs) {
    }

    private NewsPages() {
    }

    public static List<Page> all() {
        return all("pages");
    }

    /** The pages of a fixture folder on the test classpath: {@code pages} (tuned on) or {@code pages-blind} (never). */
    public static List<Page> all(String folder) {
        try {
            JsonNode manifest = new ObjectMapper().readTree(read(folder, "manifest.json"));
            List<Page> pages = new ArrayList<>();
            for (JsonNode p : manifest.get("pages")) {
                String name = p.get("name").asText();
                pages.add(new Page(name, p.get("kind").asText(), p.get("template").asText(),
                        read(folder, name + ".html"), read(folder, name + ".expected.txt")));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String name) {
        return read("pages", name);
    }

    public static String read(String folder, String name) {
        try (InputStream in = NewsPages.class.getResourceAsStream("/" + folder + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no page fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores an extraction (title and text) of a page: bag-of-tokens P/R/F1 and the paragraphs it lost. */
    public static Result score(Page page, String title, String text) {
        String extracted = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
        TokenScore.Prf prf = TokenScore.score(extracted, page.expected());
        Map<String, Integer> bag = TokenScore.bag(extracted);
        List<String> lost = new ArrayList<>();
        for (String paragraph : page.expectedParagraphs()) {
            if (TokenScore.tokens(paragraph).size() >= 10 && TokenScore.kept(paragraph, bag) < 0.8) {
                lost.add(paragraph);
            }
        }
        return new Result(page, title, text, prf, lost);
    }

    /** Runs khulasa's cleaner on a page. */
    public static Result khulasa(ArticleCleaner cleaner, Page page) {
        CleanedArticle out = cleaner.clean(new ArticleInput(null, page.html(), null));
        return score(page, out.title(), out.text());
    }
}
