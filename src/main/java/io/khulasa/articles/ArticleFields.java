package io.khulasa.articles;

/** The article part every request shares: exactly one of {@code text} or {@code html}, and an optional title. */
public interface ArticleFields {

    /** The rule every request that takes an article states; {@link #DESCRIPTION} is the OpenAPI description of most. */
    String ONE_ARTICLE = "Exactly one of `text` or `html`";
    /** The OpenAPI description of a request that takes an article and nothing else required. */
    String DESCRIPTION = ONE_ARTICLE + ".";

    /** The OpenAPI description of {@code text}, the same on every request that takes an article. */
    String TEXT_DESCRIPTION = "Article as plain text, one paragraph per line (up to `KHULASA_LIMITS_MAX_ARTICLE_BYTES`, "
            + "256 KiB by default). Exclusive with `html`.";
    /** The OpenAPI description of {@code html}. */
    String HTML_DESCRIPTION = "Article as HTML: a fragment, or a whole page as published (scripts and styles included, "
            + "up to `KHULASA_LIMITS_MAX_HTML_BYTES`, 5 MiB by default); the story is found in it. Exclusive with `text`.";

    /** The OpenAPI description of {@code title} where it is only evidence (summaries, cleaning, checks). */
    String TITLE_DESCRIPTION = "Optional title. When absent, it is detected.";
    /** The OpenAPI description of {@code title} where the answer carries its English translation. */
    String TRANSLATED_TITLE_DESCRIPTION = "Optional title; translated too. When absent, it is detected.";

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
