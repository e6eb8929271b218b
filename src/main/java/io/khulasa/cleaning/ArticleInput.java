package io.khulasa.cleaning;

/** What a client sent: exactly one of {@code text} or {@code html}, and an optional title. */
public record ArticleInput(String text, String html, String title) {
}
