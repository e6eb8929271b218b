package io.khulasa.articles;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.khulasa.cleaning.CleaningReport;
import io.khulasa.tasks.Provenance;

/**
 * The last event of a streamed answer ({@code event: done}); documented in the OpenAPI document as part of the
 * {@code text/event-stream} example, since an event stream has no JSON schema.
 *
 * @param title      translation: the English title (null when none); summary: the article's title
 * @param sentences  summary: its sentences with their sources (as in a summary response); absent for a translation
 * @param paragraphs translation: its paragraphs aligned to the article; absent for a summary
 * @param provenance model, prompt versions, usage, timing and chunks
 * @param cleaning   what the cleaner did to the input
 */
public record StreamDone(String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SummarySentence> sentences,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TranslationParagraph> paragraphs,
        Provenance provenance, CleaningReport cleaning) {
}
