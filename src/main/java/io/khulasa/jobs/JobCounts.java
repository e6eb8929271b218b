package io.khulasa.jobs;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a job's articles stand.
 *
 * @param succeeded articles with a result
 * @param failed    articles with a problem (cancelled ones not included)
 * @param pending   articles not finished yet (queued or running)
 * @param cancelled articles that had not started when the job was cancelled
 */
@Schema(name = "JobCounts")
public record JobCounts(int succeeded, int failed, int pending, int cancelled) {
}
