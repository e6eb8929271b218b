package io.khulasa.api;

import java.util.List;

import jakarta.validation.Valid;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article of {@code POST /v1/digests/batch}: a {@link DigestRequest} with an {@code id}. */
@Schema(name = "DigestBatchItem", description = "Exactly one of `text` or `html`, and a unique `id`.")
public record DigestBatchItem(
        @Schema(description = "The client's id for the article, unique in the batch.", required = true, examples = "afp-0193") String id,
        @Schema(description = "Article as plain text, one paragraph per line. Exclusive with `html`.") String text,
        @Schema(description = "Article as HTML. Exclusive with `text`.") String html,
        @Schema(description = "Optional title; translated too. When absent, it is detected.") String title,
        @Schema(description = "Optional prompt version per task.") @Valid DigestRequest.DigestPromptVersions promptVersions,
        @Schema(description = "Summary length (default `medium`).") SummaryLength length,
        @Schema(description = "Summary format (default `paragraph`).") SummaryFormat format,
        @Schema(description = GlossaryEntryJson.REQUEST_DESCRIPTION) List<GlossaryEntryJson> glossary,
        @Schema(description = SummaryRequest.ALLOW_EXTRACTIVE + " Applies to the summary part.") Boolean allowExtractive)
        implements BatchItem {

    /** The single-article request this item stands for. */
    public DigestRequest toRequest() {
        return new DigestRequest(text, html, title, promptVersions, length, format, glossary, allowExtractive);
    }
}
