package io.khulasa.api;

import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article of {@code POST /v1/translations/batch}: a {@link TranslationRequest} with an {@code id}. */
@Schema(name = "TranslationBatchItem", description = "Exactly one of `text` or `html`, and a unique `id`.")
public record TranslationBatchItem(
        @Schema(description = "The client's id for the article, unique in the batch.", required = true, examples = "afp-0193") String id,
        @Schema(description = "Article as plain text, one paragraph per line. Exclusive with `html`.") String text,
        @Schema(description = "Article as HTML. Exclusive with `text`.") String html,
        @Schema(description = "Optional title; translated too. When absent, it is detected.") String title,
        @Schema(description = "Prompt version of task `translate`.", pattern = PromptVersions.PATTERN, examples = "v1")
        @Pattern(regexp = PromptVersions.PATTERN, message = PromptVersions.MESSAGE) String promptVersion,
        @Schema(description = GlossaryEntryJson.REQUEST_DESCRIPTION) List<GlossaryEntryJson> glossary) implements BatchItem {

    /** The single-article request this item stands for. */
    public TranslationRequest toRequest() {
        return new TranslationRequest(text, html, title, promptVersion, glossary);
    }
}
