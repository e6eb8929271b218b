package io.khulasa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.khulasa.cleaning.ArticleCleaner;
import io.khulasa.cleaning.ArticleInput;
import io.khulasa.cleaning.ArticleRejectedException;

/**
 * Every cleaning fixture's whole output (title, text, report with each removed line and its rule) as one JSON file,
 * so a refactoring of the cleaner can be shown to change nothing: write a snapshot before, one after, and diff them.
 * Fixtures: src/test/resources/pages, pages-blind (the html pages) and articles (text and html articles).
 * Usage (test classpath): java io.khulasa.bench.CleaningSnapshot out.json
 */
public final class CleaningSnapshot {

    private CleaningSnapshot() {
    }

    public static void main(String[] args) throws IOException {
        ArticleCleaner cleaner = new ArticleCleaner();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String folder : new String[] {"pages", "pages-blind", "articles"}) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources", folder))) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    boolean html = name.endsWith(".html");
                    if (!html && !(folder.equals("articles") && name.endsWith(".txt") && !name.contains(".cleaned."))) {
                        continue;
                    }
                    String content = Files.readString(f, StandardCharsets.UTF_8);
                    Object result;
                    try {
                        result = cleaner.clean(html ? new ArticleInput(null, content, null)
                                : new ArticleInput(content, null, null));
                    } catch (ArticleRejectedException e) {
                        result = "rejected: " + e.getMessage();
                    }
                    out.put(folder + "/" + name, result);
                }
            }
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args[0]).toFile(), out);
        System.out.println(out.size() + " fixtures -> " + args[0]);
    }
}
