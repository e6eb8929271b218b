package io.khulasa.articles;

/** The article part every request shares: exactly one of {@code text} or {@code html}, and an optional title. */
public interface ArticleFields {

    String text();

    String html();

    String title();

    String INCLUDE_CLEANED_TEXT = "When true, the cleaned article comes back as `cleaning.text`: exactly the `text` "
            + "POST /v1/clean returns for the same input, the text every `start`/`end` offset indexes. Default false.";

    /** True to get the cleaned article back as {@code cleaning.text}; null or false otherwise. */
    default Boolean includeCleanedText() {
        return null;
    }
}
