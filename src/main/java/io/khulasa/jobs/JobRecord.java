package io.khulasa.jobs;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What is stored of a job when it is accepted (the articles themselves travel on the work queue).
 *
 * @param id         the job's id
 * @param owner      who may see it: {@code key:<sha-256 of the API key>}, or {@code anonymous} without keys
 * @param task       the task
 * @param createdAt  when it was accepted
 * @param articleIds the articles' ids in input order
 * @param traceContext the submitting request's trace context (W3C {@code traceparent}, {@code tracestate}): each
 *                   article's processing span links to it, on whichever replica runs it; empty outside a trace
 */
@RegisterForReflection
public record JobRecord(String id, String owner, JobTask task, Instant createdAt, List<String> articleIds,
        java.util.Map<String, String> traceContext) {

    public JobRecord {
        traceContext = traceContext == null ? java.util.Map.of() : java.util.Map.copyOf(traceContext);
    }
}
