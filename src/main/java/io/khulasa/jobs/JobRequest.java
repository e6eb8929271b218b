package io.khulasa.jobs;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/jobs}: one task for many articles. The articles stay JSON until each is run, so one invalid article
 * becomes that article's problem (as in a batch) instead of failing the job.
 *
 * @param task     {@code summary}, {@code translation} or {@code digest}
 * @param articles the articles, each exactly as the task's batch endpoint takes it (with a unique {@code id})
 */
@Schema(name = "JobRequest")
public record JobRequest(
        @Schema(description = "The work done on every article.", required = true) JobTask task,
        @Schema(description = "The articles, each as the task's batch endpoint takes it: `id` (unique in the job) plus "
                + "the single request's fields (`text` or `html`, `title`, ...). At most `khulasa.jobs.max-articles`.",
                required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                implementation = Object.class) List<JsonNode> articles) {
}
