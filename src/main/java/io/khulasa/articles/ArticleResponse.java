package io.khulasa.articles;

import io.khulasa.tasks.Provenance;

/**
 * The answer of one article task: what a batch item or a job article holds as its {@code result}. Sealed, so a reader
 * (the job worker reading {@code provenance.model} for the Kafka headers, a test) gets the typed answer and its
 * provenance without going through JSON.
 */
public sealed interface ArticleResponse permits SummaryResponse, TranslationResponse, DigestResponse {

    /** Model, prompt versions, usage and timing of the answer. */
    Provenance provenance();
}
