package io.khulasa.articles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.cleaning.CleaningReport;

/**
 * The cleaned article.
 *
 * @param title  the given or detected title, cleaned (null when none)
 * @param text   the cleaned body, one paragraph per line
 * @param report what was removed, repaired and flagged
 */
@Schema(name = "CleanResponse")
public record CleanResponse(String title, String text, CleaningReport report) {
}
