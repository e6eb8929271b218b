package io.khulasa.api;

import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article of {@code POST /v1/summaries/batch}: a {@link SummaryRequest} with an {@code id}. */
@Schema(name = "SummaryBatchItem", description = "Exactly one of `text` or `html`, and a unique `id`.")
public record SummaryBatchItem(
        @Schema(description = "The client's id for the article, unique in the batch.", required = true, examples = "afp-0193") String id,
        @Schema(description = "Article as plain text, one paragraph per line. Exclusive with `html`.") String text,
        @Schema(description = "Article as HTML. Exclusive with `text`.") String html,
        @Schema(description = "Optional title. When absent, it is detected.") String title,
        @Schema(description = "Prompt version of task `summarize`.", pattern = PromptVersions.PATTERN, examples = "v1")
        @Pattern(regexp = PromptVersions.PATTERN, message = PromptVersions.MESSAGE) String promptVersion,
        @Schema(description = "Summary length (default `medium`).") SummaryLength length,
        @Schema(description = "Summary format (default `paragraph`).") SummaryFormat format,
        @Schema(description = SummaryRequest.ALLOW_EXTRACTIVE) Boolean allowExtractive) implements BatchItem {

    /** The single-article request this item stands for. */
    public SummaryRequest toRequest() {
        return new SummaryRequest(text, html, title, promptVersion, length, format, allowExtractive);
    }
}
