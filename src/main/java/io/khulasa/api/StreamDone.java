package io.khulasa.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.cleaning.CleaningReport;
import io.khulasa.tasks.Provenance;

/**
 * The last event of a streamed answer ({@code event: done}).
 *
 * @param title      translation: the English title (null when none); summary: the article's title
 * @param provenance model, prompt versions, usage, timing and chunks
 * @param cleaning   what the cleaner did to the input
 */
@Schema(name = "StreamDone")
public record StreamDone(String title, Provenance provenance, CleaningReport cleaning) {
}
