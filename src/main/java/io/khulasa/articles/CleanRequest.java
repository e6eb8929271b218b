package io.khulasa.articles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/clean}: an article to clean, as plain text or HTML.
 *
 * @param text  the article as plain text (one paragraph per line); exclusive with {@code html}
 * @param html  the article as an HTML page or fragment; exclusive with {@code text}
 * @param title optional title; when absent, a repeated first line or the page's title is detected
 */
@Schema(name = "CleanRequest", description = ArticleFields.DESCRIPTION)
public record CleanRequest(
        @Schema(description = ArticleFields.TEXT_DESCRIPTION) String text,
        @Schema(description = ArticleFields.HTML_DESCRIPTION)
        String html,
        @Schema(description = ArticleFields.TITLE_DESCRIPTION) String title) implements ArticleFields {
}
