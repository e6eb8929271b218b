package io.khulasa.cleaning;

/**
 * A cleaned article.
 *
 * @param title  the given or detected title, cleaned; null when there is none
 * @param text   the body, one paragraph per line
 * @param report what the cleaner removed, repaired and flagged
 */
public record CleanedArticle(String title, String text, CleaningReport report) {
}
