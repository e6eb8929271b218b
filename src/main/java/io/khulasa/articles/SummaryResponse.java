package io.khulasa.articles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.cleaning.CleaningReport;
import io.khulasa.tasks.Provenance;

/**
 * An Arabic summary.
 *
 * @param summary    the summary, Modern Standard Arabic, plain text
 * @param title      the article's title (given or detected, cleaned), null when none
 * @param provenance model, prompt version, usage and timing
 * @param cleaning   what the cleaner did to the input before it was summarised
 */
@Schema(name = "SummaryResponse")
public record SummaryResponse(String summary, String title, Provenance provenance, CleaningReport cleaning)
        implements ArticleResponse {
}
