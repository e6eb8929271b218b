package io.khulasa.articles;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.cleaning.CleaningReport;
import io.khulasa.tasks.Provenance;

/**
 * An English translation.
 *
 * @param translation the translated body, paragraphs separated by blank lines
 * @param title       the English title when a title was given or detected, else null
 * @param paragraphs  one entry per paragraph of the translation, aligned to the article paragraphs it translates
 * @param provenance  model, prompt version, usage and timing
 * @param cleaning    what the cleaner did to the input before it was translated
 */
@Schema(name = "TranslationResponse")
public record TranslationResponse(String translation, String title,
        @Schema(description = TranslationParagraph.LIST) List<TranslationParagraph> paragraphs, Provenance provenance,
        CleaningReport cleaning) implements ArticleResponse {
}
