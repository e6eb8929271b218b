package io.khulasa.articles;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.extractive.SummaryLength;
import io.khulasa.tasks.SummaryFormat;
import io.khulasa.tasks.SummaryOptions;
import io.khulasa.tasks.TranslationOptions;

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
 * @param allowExtractive true to accept the extractive summary when the LLM is unavailable; default false
 * @param requireSupport  true to refuse (after one reprompt) a summary with an unsupported sentence; default false
 * @param includeCleanedText true to get the cleaned article back as {@code cleaning.text}
 */
@Schema(name = "DigestRequest", description = ArticleFields.DESCRIPTION)
public record DigestRequest(
        @Schema(description = ArticleFields.TEXT_DESCRIPTION) String text,
        @Schema(description = ArticleFields.HTML_DESCRIPTION)
        String html,
        @Schema(description = ArticleFields.TRANSLATED_TITLE_DESCRIPTION) String title,
        @Schema(description = "Optional prompt version per task.") @Valid DigestPromptVersions promptVersions,
        @Schema(description = "Summary length (default `medium`).") SummaryLength length,
        @Schema(description = "Summary format (default `paragraph`).") SummaryFormat format,
        @Schema(description = GlossaryEntryJson.REQUEST_DESCRIPTION) List<GlossaryEntryJson> glossary,
        @Schema(description = SummaryRequest.ALLOW_EXTRACTIVE + " Applies to the summary part.") Boolean allowExtractive,
        @Schema(description = SummaryRequest.REQUIRE_SUPPORT + " Applies to the summary part (a refused summary is "
                + "in `errors`).") Boolean requireSupport,
        @Schema(description = ArticleFields.INCLUDE_CLEANED_TEXT) Boolean includeCleanedText)
        implements ArticleFields {

    /** @param support the check strict mode holds the summary to, or null (warn only) */
    SummaryOptions summaryOptions(io.khulasa.tasks.SupportCheck support) {
        return new SummaryOptions(promptVersions == null ? null : promptVersions.summarize(), length, format,
                Boolean.TRUE.equals(allowExtractive), Boolean.TRUE.equals(requireSupport) ? support : null);
    }

    /** The translation part's options, the glossary validated (400 {@code invalid-glossary} before anything else). */
    static TranslationOptions translationOptions(DigestRequest request) {
        return request == null ? new TranslationOptions(null, List.of())
                : new TranslationOptions(request.promptVersions() == null ? null : request.promptVersions().translate(),
                        GlossaryEntryJson.validated(request.glossary()));
    }

    /**
     * Prompt versions for the two parts of a digest.
     *
     * @param summarize version of task {@code summarize}
     * @param translate version of task {@code translate}
     */
    @Schema(name = "DigestPromptVersions")
    public record DigestPromptVersions(
            @Schema(pattern = PromptVersions.PATTERN, examples = PromptVersions.EXAMPLE)
            @Pattern(regexp = PromptVersions.PATTERN, message = PromptVersions.MESSAGE) String summarize,
            @Schema(pattern = PromptVersions.PATTERN, examples = PromptVersions.EXAMPLE)
            @Pattern(regexp = PromptVersions.PATTERN, message = PromptVersions.MESSAGE) String translate) {
    }
}
