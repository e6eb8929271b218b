package io.khulasa.articles;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.cleaning.CleaningReport;

/**
 * What the checks found in a text written elsewhere.
 *
 * @param sentences  the summary's sentences with their sources, when a summary was sent
 * @param paragraphs the translation's paragraphs aligned to the article, when a translation was sent
 * @param findings   every check that failed, summary's first; empty when none
 * @param cleaning   what the cleaner did to the article
 */
@Schema(name = "CheckResponse")
public record CheckResponse(
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = SummarySentence.LIST
                + ". Absent when no `summary` was sent") List<SummarySentence> sentences,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = TranslationParagraph.LIST
                + ". Absent when no `translation` was sent") List<TranslationParagraph> paragraphs,
        @Schema(description = "Every output check applied to the text that failed, as `{code, detail}`: the guards "
                + "an LLM answer passes (`output-number-mismatch`, `output-wrong-language`, `output-echo`, "
                + "`output-empty`, `output-missing-names` for the house glossary), `output-unsupported` for summary "
                + "sentences the article does not support, `paragraph-number-mismatch` and `untranslated-paragraph` "
                + "for a translation. None of them fails the request; empty when every check passed")
        List<Finding> findings,
        CleaningReport cleaning) {
}
