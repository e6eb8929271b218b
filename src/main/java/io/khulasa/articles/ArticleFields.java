package io.khulasa.articles;

/** The article part every request shares: exactly one of {@code text} or {@code html}, and an optional title. */
public interface ArticleFields {

    String text();

    String html();

    String title();
}
