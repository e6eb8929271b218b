package io.khulasa.jobs;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.khulasa.articles.BatchResult;


/**
 * A job as {@code POST}, {@code GET} and {@code DELETE /v1/jobs/{id}} answer it.
 *
 * @param id        the job's id
 * @param task      the task
 * @param status    queued, running, done or cancelled
 * @param counts    succeeded, failed, pending, cancelled
 * @param results   one entry per finished article, in input order, exactly as a batch item:
 *                  {@code {id, status, result}} or {@code {id, status, problem}}
 * @param createdAt when the job was accepted
 * @param expiresAt when it will be forgotten unless it changes again
 */
@Schema(name = "Job")
public record JobView(
        @Schema(examples = "5b0c2f4e-8d7a-4b55-9b8e-0f3c2a61d0aa") String id,
        JobTask task,
        JobStatus status,
        JobCounts counts,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                implementation = BatchResult.class) List<JsonNode> results,
        Instant createdAt,
        Instant expiresAt) {
}
