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
 */
@RegisterForReflection
public record JobRecord(String id, String owner, JobTask task, Instant createdAt, List<String> articleIds) {
}
