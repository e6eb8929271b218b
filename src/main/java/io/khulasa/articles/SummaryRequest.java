package io.khulasa.articles;

import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.extractive.SummaryLength;
import io.khulasa.tasks.SummaryFormat;
import io.khulasa.tasks.SummaryOptions;

/**
 * {@code POST /v1/summaries}: an article to summarise in Arabic.
 *
 * @param text          the article as plain text; exclusive with {@code html}
 * @param html          the article as HTML; exclusive with {@code text}
 * @param title         optional title
 * @param promptVersion optional prompt version, e.g. {@code v1}; the task's default otherwise
 * @param length        optional length, default {@code medium}
 * @param format        optional format, default {@code paragraph}
 * @param allowExtractive true to accept the extractive summary when the LLM is unavailable; default false
 * @param requireSupport  true to refuse (after one reprompt) a summary with an unsupported sentence; default false
 * @param includeCleanedText true to get the cleaned article back as {@code cleaning.text}
 */
@Schema(name = "SummaryRequest", description = ArticleFields.DESCRIPTION)
public record SummaryRequest(
        @Schema(description = ArticleFields.TEXT_DESCRIPTION) String text,
        @Schema(description = ArticleFields.HTML_DESCRIPTION)
        String html,
        @Schema(description = ArticleFields.TITLE_DESCRIPTION) String title,
        @Schema(description = PromptVersions.SUMMARIZE, pattern = PromptVersions.PATTERN, examples = PromptVersions.EXAMPLE)
        @Pattern(regexp = PromptVersions.PATTERN, message = PromptVersions.MESSAGE) String promptVersion,
        @Schema(description = "Summary length (default `medium`).") SummaryLength length,
        @Schema(description = "Summary format (default `paragraph`).") SummaryFormat format,
        @Schema(description = ALLOW_EXTRACTIVE) Boolean allowExtractive,
        @Schema(description = SummaryRequest.REQUIRE_SUPPORT) Boolean requireSupport,
        @Schema(description = ArticleFields.INCLUDE_CLEANED_TEXT) Boolean includeCleanedText) implements ArticleFields {

    static final String REQUIRE_SUPPORT = "Strict mode, for automated publishing: when true, an answer with a sentence "
            + "the article does not support is reprompted once naming that sentence, then refused with 502 "
            + "`output-unsupported` (the problem carries `sentence` and `sentenceIndex`); streamed, text already sent "
            + "is never reprompted: an `error` event with that code. Default false: a warning "
            + "`unsupported-sentence: …` in the provenance.";

    static final String ALLOW_EXTRACTIVE = "When true and the language model is unavailable (unreachable, timeout, "
            + "5xx, rate-limited, saturated, circuit open), answer 200 with the deterministic extractive summary "
            + "(verbatim sentences of the cleaned article, as many as `length` asks: 2/4/6) marked "
            + "`provenance.engine: extractive` and a warning, instead of the 5xx error. Default false: never silent.";

    /** @param support the check strict mode holds answers to, or null (warn only) */
    SummaryOptions options(io.khulasa.tasks.SupportCheck support) {
        return new SummaryOptions(promptVersion, length, format, Boolean.TRUE.equals(allowExtractive),
                Boolean.TRUE.equals(requireSupport) ? support : null);
    }
}
