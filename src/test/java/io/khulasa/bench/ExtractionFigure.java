package io.khulasa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.khulasa.cleaning.ArticleCleaner;
import io.khulasa.cleaning.ArticleInput;
import io.khulasa.cleaning.ArticleRejectedException;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.cleaning.NewsPages;
import io.khulasa.cleaning.RemovedLine;
import io.khulasa.cleaning.TokenScore;

/**
 * Figure 7: main-content extraction on the news-page fixtures, khulasa beside Mozilla Readability. Run by
 * {@code bench/extraction.sh}, which first runs Readability (Node, jsdom) over the same pages and passes its output
 * file here.
 * <p>
 * Usage: {@code ExtractionFigure <readability.json|-> <results.json> [--debug <page>]}. Prints a table per page (F1,
 * precision, recall, lost paragraphs, for both) and the means of real and templated pages.
 */
public final class ExtractionFigure {

    private ExtractionFigure() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, JsonNode> readability = new HashMap<>();
        if (args.length > 0 && !args[0].equals("-")) {
            JsonNode root = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
            root.fields().forEachRemaining(e -> readability.put(e.getKey(), e.getValue()));
        }
        String debug = args.length > 3 && args[2].equals("--debug") ? args[3] : null;
        ArticleCleaner cleaner = new ArticleCleaner();
        List<Map<String, Object>> rows = new ArrayList<>();
        System.out.printf("%-32s %-9s | %-22s | %-22s%n", "page", "kind", "khulasa F1 (P/R) lost",
                "Readability F1 (P/R) lost");
        // khulasa.pages: the fixture folder, "pages" (the pages the rules were written and tuned on) or
        // "pages-blind" (pages never tuned on, scored blind).
        String folder = System.getProperty("khulasa.pages", "pages");
        for (NewsPages.Page page : NewsPages.all(folder)) {
            CleanedArticle out;
            try {
                out = cleaner.clean(new ArticleInput(null, page.html(), null));
            } catch (ArticleRejectedException e) {
                out = null; // nothing extracted: scored as an empty article
            }
            NewsPages.Result k = out == null ? NewsPages.score(page, "", "")
                    : NewsPages.score(page, out.title(), out.text());
            NewsPages.Result r = null;
            JsonNode rd = readability.get(page.name());
            if (rd != null) {
                r = NewsPages.score(page, rd.path("title").asText(""), rd.path("text").asText(""));
            }
            System.out.printf("%-32s %-9s | %s | %s%n", page.name(), page.kind(), cell(k), r == null ? "" : cell(r));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("page", page.name());
            row.put("kind", page.kind());
            row.put("bytes", page.html().getBytes(StandardCharsets.UTF_8).length);
            row.put("khulasa", scores(k));
            if (r != null) {
                row.put("readability", scores(r));
            }
            rows.add(row);
            if (page.name().equals(debug) && out != null) {
                debug(page, out, k);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String kind : new String[] {"real", "templated", "blind", "all"}) {
            List<Map<String, Object>> subset = rows.stream()
                    .filter(r -> kind.equals("all") || kind.equals(r.get("kind"))).toList();
            if (subset.isEmpty()) {
                if (kind.equals("blind") != folder.equals("pages-blind")) {
                    continue;
                }
                System.out.printf("%-42s | (no %s pages)%n", "mean, " + kind, kind);
                continue;
            }
            Map<String, Object> means = new LinkedHashMap<>();
            means.put("pages", subset.size());
            means.put("khulasa", mean(subset, "khulasa"));
            if (subset.stream().allMatch(r -> r.containsKey("readability"))) {
                means.put("readability", mean(subset, "readability"));
            }
            summary.put(kind, means);
            @SuppressWarnings("unchecked")
            Map<String, Double> km = (Map<String, Double>) means.get("khulasa");
            @SuppressWarnings("unchecked")
            Map<String, Double> rm = (Map<String, Double>) means.get("readability");
            System.out.printf("%-42s | %s | %s%n", "mean, " + kind + " (" + subset.size() + ")", meanCell(km),
                    rm == null ? "" : meanCell(rm));
        }
        if (args.length > 1) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("figure", "9. main-content extraction, khulasa vs Mozilla Readability");
            result.put("measure", "bag-of-tokens P/R/F1 over title + text (NFC, tatweel and Cf removed, punctuation "
                    + "to spaces, whitespace tokens); lost = expected paragraphs of >= 10 tokens with < 80 % kept");
            result.put("date", Instant.now().toString());
            result.put("commit", System.getProperty("khulasa.commit", ""));
            result.put("pages_folder", "src/test/resources/" + folder);
            result.put("summary", summary);
            result.put("pages", rows);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(Path.of(args[1]), mapper.writeValueAsString(result) + "\n");
        }
    }

    private static String cell(NewsPages.Result r) {
        TokenScore.Prf s = r.score();
        return String.format(Locale.ROOT, "%.3f (%.2f/%.2f) %d", s.f1(), s.precision(), s.recall(),
                r.lostParagraphs().size());
    }

    private static String meanCell(Map<String, Double> m) {
        return String.format(Locale.ROOT, "%.3f (%.2f/%.2f) %d", m.get("f1"), m.get("precision"), m.get("recall"),
                m.get("lost").intValue());
    }

    private static Map<String, Object> scores(NewsPages.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f1", round(r.score().f1()));
        m.put("precision", round(r.score().precision()));
        m.put("recall", round(r.score().recall()));
        m.put("lostParagraphs", r.lostParagraphs().size());
        m.put("title", r.title());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> mean(List<Map<String, Object>> rows, String side) {
        double f = 0;
        double p = 0;
        double r = 0;
        double lost = 0;
        for (Map<String, Object> row : rows) {
            Map<String, Object> s = (Map<String, Object>) row.get(side);
            f += (double) s.get("f1");
            p += (double) s.get("precision");
            r += (double) s.get("recall");
            lost += (int) s.get("lostParagraphs");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("f1", round(f / rows.size()));
        m.put("precision", round(p / rows.size()));
        m.put("recall", round(r / rows.size()));
        m.put("lost", lost);
        return m;
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }

    private static void debug(NewsPages.Page page, CleanedArticle out, NewsPages.Result k) {
        System.out.println("--- title: " + out.title() + " | site: " + out.report().siteName());
        System.out.println("--- text:\n" + out.text());
        System.out.println("--- removed:");
        for (RemovedLine l : out.report().removedLines()) {
            System.out.println("  [" + l.rule() + "] " + l.line());
        }
        System.out.println("--- rules: " + out.report().rules());
        Map<String, Integer> got = TokenScore.bag(out.title() + "\n" + out.text());
        Map<String, Integer> want = TokenScore.bag(page.expected());
        StringBuilder extra = new StringBuilder();
        StringBuilder missing = new StringBuilder();
        got.forEach((t, n) -> {
            int d = n - want.getOrDefault(t, 0);
            if (d > 0) {
                extra.append(t).append(d > 1 ? "×" + d : "").append(' ');
            }
        });
        want.forEach((t, n) -> {
            int d = n - got.getOrDefault(t, 0);
            if (d > 0) {
                missing.append(t).append(d > 1 ? "×" + d : "").append(' ');
            }
        });
        System.out.println("--- extra: " + extra);
        System.out.println("--- missing: " + missing);
        System.out.println("--- lost paragraphs: " + k.lostParagraphs());
    }
}
