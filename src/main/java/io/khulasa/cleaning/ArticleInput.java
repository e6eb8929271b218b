package io.khulasa.cleaning;

/**
 * One article to clean: exactly one of {@code text} (plain or pasted text) or {@code html} (a scraped page),
 * and optionally the {@code title} the caller already knows.
 *
 * @param text  plain article text, paragraphs separated by line breaks; {@code null} when {@code html} is given
 * @param html  a whole HTML page or fragment; {@code null} when {@code text} is given
 * @param title the known title (cleaned with the same character rules), or {@code null}
 */
public record ArticleInput(String text, String html, String title) {
}
