package io.khulasa.articles;

import io.khulasa.cleaning.CleaningReport;
import io.khulasa.tasks.Provenance;

/**
 * The last event of a streamed answer ({@code event: done}); documented in the OpenAPI document as part of the
 * {@code text/event-stream} example, since an event stream has no JSON schema.
 *
 * @param title      translation: the English title (null when none); summary: the article's title
 * @param provenance model, prompt versions, usage, timing and chunks
 * @param cleaning   what the cleaner did to the input
 */
public record StreamDone(String title, Provenance provenance, CleaningReport cleaning) {
}
