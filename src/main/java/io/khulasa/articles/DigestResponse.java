package io.khulasa.articles;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.cleaning.CleaningReport;
import io.khulasa.problems.Problem;
import io.khulasa.tasks.Provenance;

/**
 * Summary and translation of one article. When one part failed, it is absent and {@code errors} names it with its
 * problem; the request as a whole fails only when both parts fail.
 *
 * @param summary         the Arabic summary, or null when that part failed
 * @param translation     the English translation, or null when that part failed
 * @param title           the article's Arabic title, null when none
 * @param translatedTitle the English title, null when none or when the translation failed
 * @param summarySentences      the summary's sentences with their sources, null when the summary failed
 * @param translationParagraphs the translation's paragraphs aligned to the article, null when the translation failed
 * @param provenance      model, prompt versions, usage and timing of the parts that succeeded
 * @param cleaning        what the cleaner did to the input
 * @param errors          failed parts ({@code summary}, {@code translation}) with their problems; absent when none failed
 */
@Schema(name = "DigestResponse")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DigestResponse(String summary, String translation, String title, String translatedTitle,
        @Schema(description = SummarySentence.LIST + ". Absent when the summary failed")
        List<SummarySentence> summarySentences,
        @Schema(description = TranslationParagraph.LIST + ". Absent when the translation failed")
        List<TranslationParagraph> translationParagraphs,
        Provenance provenance, CleaningReport cleaning, Map<String, Problem> errors)
        implements ArticleResponse {
}
