package io.khulasa.articles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/checks}: an article and a summary and/or a translation written elsewhere, to check against it.
 *
 * @param text               the article as plain text; exclusive with {@code html}
 * @param html               the article as HTML; exclusive with {@code text}
 * @param title              optional title (evidence, never a span)
 * @param summary            an Arabic summary of the article to check; at least one of {@code summary},
 *                           {@code translation}
 * @param translation        an English translation of the article to check, paragraphs one per line
 * @param includeCleanedText true to get the cleaned article back as {@code cleaning.text}
 */
@Schema(name = "CheckRequest", description = ArticleFields.ONE_ARTICLE + ", and at least one of `summary` or "
        + "`translation`.")
public record CheckRequest(
        @Schema(description = ArticleFields.TEXT_DESCRIPTION) String text,
        @Schema(description = ArticleFields.HTML_DESCRIPTION)
        String html,
        @Schema(description = ArticleFields.TITLE_DESCRIPTION) String title,
        @Schema(description = "An Arabic summary written elsewhere (an editor's rewrite, another tool's output), up to "
                + "the `text` limit: each sentence is checked against the article", examples = "سجلت وزارة الصحة 120 إصابة جديدة.")
        String summary,
        @Schema(description = "An English translation written elsewhere (a wire service's English version), one "
                + "paragraph per line, up to the `text` limit: its paragraphs are aligned to the article's",
                examples = "The Ministry of Health announced 120 new cases of the virus today.") String translation,
        @Schema(description = ArticleFields.INCLUDE_CLEANED_TEXT) Boolean includeCleanedText) implements ArticleFields {
}
