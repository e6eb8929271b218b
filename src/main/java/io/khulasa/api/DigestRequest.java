package io.khulasa.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/digests}: summary and translation of one article in one call.
 *
 * @param text           the article as plain text; exclusive with {@code html}
 * @param html           the article as HTML; exclusive with {@code text}
 * @param title          optional title
 * @param promptVersions optional prompt version per task
 * @param length         summary length, default {@code medium}
 * @param format         summary format, default {@code paragraph}
 * @param glossary       optional entries for this article's translation, added to the house glossary (they win on
 *                       a clash)
 */
@Schema(name = "DigestRequest", description = "Exactly one of `text` or `html`.")
public record DigestRequest(
        @Schema(description = "Article as plain text, one paragraph per line. Exclusive with `html`.") String text,
        @Schema(description = "Article as HTML. Exclusive with `text`.") String html,
        @Schema(description = "Optional title; translated too. When absent, it is detected.") String title,
        @Schema(description = "Optional prompt version per task.") @Valid DigestPromptVersions promptVersions,
        @Schema(description = "Summary length (default `medium`).") SummaryLength length,
        @Schema(description = "Summary format (default `paragraph`).") SummaryFormat format,
        @Schema(description = GlossaryEntryJson.REQUEST_DESCRIPTION) List<GlossaryEntryJson> glossary) implements ArticleFields {

    /**
     * Prompt versions for the two parts of a digest.
     *
     * @param summarize version of task {@code summarize}
     * @param translate version of task {@code translate}
     */
    @Schema(name = "DigestPromptVersions")
    public record DigestPromptVersions(
            @Schema(pattern = PromptVersions.PATTERN, examples = "v1")
            @Pattern(regexp = PromptVersions.PATTERN, message = PromptVersions.MESSAGE) String summarize,
            @Schema(pattern = PromptVersions.PATTERN, examples = "v1")
            @Pattern(regexp = PromptVersions.PATTERN, message = PromptVersions.MESSAGE) String translate) {
    }
}
