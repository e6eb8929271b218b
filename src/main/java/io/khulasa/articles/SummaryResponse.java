package io.khulasa.articles;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.cleaning.CleaningReport;
import io.khulasa.tasks.Provenance;

/**
 * An Arabic summary.
 *
 * @param summary    the summary, Modern Standard Arabic, plain text
 * @param title      the article's title (given or detected, cleaned), null when none
 * @param sentences  one entry per sentence of the summary, in order, with its source spans in the cleaned article
 * @param provenance model, prompt version, usage and timing
 * @param cleaning   what the cleaner did to the input before it was summarised
 */
@Schema(name = "SummaryResponse")
public record SummaryResponse(String summary, String title,
        @Schema(description = SummarySentence.LIST) List<SummarySentence> sentences, Provenance provenance,
        CleaningReport cleaning) implements ArticleResponse {
}
