package io.khulasa.cleaning;

/**
 * The result of {@link ArticleCleaner#clean(ArticleInput)}.
 *
 * @param title  the given title (cleaned) or the detected one (duplicated first line, {@code <h1>},
 *               {@code og:title} or {@code <title>}); may be {@code null}
 * @param text   the cleaned body, one paragraph per line ({@code "\n"} separated), no empty lines
 * @param report what was removed, repaired and flagged, and why
 */
public record CleanedArticle(String title, String text, CleaningReport report) {
}
