package io.khulasa.jobs;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.khulasa.api.Problem;
import io.khulasa.api.RequestIdFilter;
import io.khulasa.security.AccessGuard;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Asynchronous jobs: many articles, one task, results collected later. A job is visible only to the API key that
 * created it.
 *
 * <pre>
 * curl -s -i localhost:8080/v1/jobs -H 'Content-Type: application/json' \
 *      -d "$(jq -Rs '{task: "summary", articles: [{id: "afp-1", text: .}]}' article.txt)"
 * curl -s localhost:8080/v1/jobs/$JOB_ID | jq '{status, counts}'
 * curl -s -X DELETE localhost:8080/v1/jobs/$JOB_ID | jq '{status, counts}'
 * </pre>
 */
@Path("/v1/jobs")
@Tag(name = "Jobs", description = "Asynchronous jobs: many articles, one task, results collected later (through Kafka when enabled)")
public class JobResource {

    static final String DESCRIPTION = "A job runs one task (`summary`, `translation` or `digest`) on up to "
            + "`khulasa.jobs.max-articles` articles (default 1,000), each given exactly as the task's batch endpoint takes "
            + "it (an `id` unique in the job plus the single request's fields). The answer is 202 as soon as the job is "
            + "recorded and, with Kafka, every article is acknowledged on the topic `khulasa-requests`; then poll "
            + "`GET /v1/jobs/{id}` (the `Location` header). Each finished article is in `results` exactly as a batch "
            + "item: `{\"id\", \"status\", \"result\"}` or `{\"id\", \"status\", \"problem\"}`; an invalid article is its own "
            + "4xx problem and the others still run. An LLM outage (503/504) does not fail articles: work pauses and "
            + "they are tried again. The whole job is one HTTP body, so `quarkus.http.limits.max-body-size` bounds it "
            + "too. Jobs expire `khulasa.jobs.ttl` (24 h) after their last change.";

    static final String REQUEST_EXAMPLE = """
            {"task": "summary", "articles": [
              {"id": "afp-1", "text": "بحث وزير الدفاع التركي خلوصي آكار ونظيره الروسي سيرغي شويغو في اتصال هاتفي التطورات في سوريا.", "length": "short"},
              {"id": "afp-2", "html": "<article><h1>أسعار النفط</h1><p>ارتفعت أسعار النفط اليوم بنسبة 2 في المئة.</p></article>"}
            ]}
            """;

    static final String ACCEPTED_EXAMPLE = """
            {"id": "5b0c2f4e-8d7a-4b55-9b8e-0f3c2a61d0aa", "task": "summary", "status": "queued",
             "counts": {"succeeded": 0, "failed": 0, "pending": 2, "cancelled": 0}, "results": [],
             "createdAt": "2026-11-29T10:15:30Z", "expiresAt": "2026-11-30T10:15:30Z"}
            """;

    static final String DONE_EXAMPLE = """
            {"id": "5b0c2f4e-8d7a-4b55-9b8e-0f3c2a61d0aa", "task": "summary", "status": "done",
             "counts": {"succeeded": 1, "failed": 1, "pending": 0, "cancelled": 0},
             "results": [
               {"id": "afp-1", "status": 200, "result": {"summary": "…", "title": null, "provenance": {"model": "qwen2.5:7b-instruct", "prompts": {"summarize": "v2"}, "llmCalls": 1}, "cleaning": {}}},
               {"id": "afp-2", "status": 422, "problem": {"type": "urn:khulasa:problem:no-arabic-text", "title": "No Arabic article in the input", "status": 422, "detail": "…", "code": "no-arabic-text"}}
             ],
             "createdAt": "2026-11-29T10:15:30Z", "expiresAt": "2026-11-30T10:16:02Z"}
            """;

    static final String UNKNOWN_JOB = "No such job, an expired one, or another API key's (`unknown-job`)";
    static final String STORE_UNAVAILABLE = "The job store cannot be reached (`jobs-unavailable`)";

    private final JobService jobs;
    private final AccessGuard guard;

    public JobResource(JobService jobs, AccessGuard guard) {
        this.jobs = jobs;
        this.guard = guard;
    }

    @POST
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an asynchronous job", description = DESCRIPTION)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRequest.class),
            examples = @ExampleObject(name = "two-articles", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "The job, accepted: every article pending",
            headers = @Header(name = "Location", description = "The job's URL", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed job: no `task` or `articles`, an empty list, an article "
            + "without a string `id`, a duplicate `id` (`missing-task`, `missing-articles`, `empty-job`, `missing-id`, "
            + "`duplicate-id`), or unreadable JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", ref = "#/components/responses/MissingApiKey")
    @APIResponse(responseCode = "403", ref = "#/components/responses/InvalidApiKey")
    @APIResponse(responseCode = "413", description = "More articles than `khulasa.jobs.max-articles` (`job-too-large`), or the "
            + "body is over the HTTP limit (`request-too-large`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "#/components/responses/RateLimited")
    @APIResponse(responseCode = "503", description = "The job store (Redis) or the queue (Kafka) cannot be reached: nothing "
            + "was accepted (`jobs-unavailable`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(JobRequest request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
            @HeaderParam(AccessGuard.API_KEY_HEADER) @Parameter(hidden = true) String apiKey) {
        JobView job = jobs.submit(guard.owner(authorization, apiKey), request, RequestIdFilter.current());
        return Response.accepted(job).location(URI.create("/v1/jobs/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @RunOnVirtualThread
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A job's status and results",
            description = "`status` is `queued` (no article started), `running`, `done` (every article has a result or a "
                    + "problem) or `cancelled`. `results` lists the finished articles in input order, each exactly as a "
                    + "batch item; `counts.pending` says how many are still to come.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "done", value = DONE_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "#/components/responses/MissingApiKey")
    @APIResponse(responseCode = "403", ref = "#/components/responses/InvalidApiKey")
    @APIResponse(responseCode = "404", description = UNKNOWN_JOB,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", ref = "#/components/responses/RateLimited")
    @APIResponse(responseCode = "503", description = STORE_UNAVAILABLE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobView get(@PathParam("id") @Parameter(description = "The job's id", example = "5b0c2f4e-8d7a-4b55-9b8e-0f3c2a61d0aa") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
            @HeaderParam(AccessGuard.API_KEY_HEADER) @Parameter(hidden = true) String apiKey) {
        return jobs.get(guard.owner(authorization, apiKey), id);
    }

    @DELETE
    @Path("/{id}")
    @RunOnVirtualThread
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a job",
            description = "Articles not started yet are cancelled (each listed with a 409 `job-cancelled` problem and "
                    + "counted in `counts.cancelled`); articles already running finish and keep their results. The job's "
                    + "status becomes `cancelled`. Cancelling twice is harmless.")
    @APIResponse(responseCode = "200", description = "The cancelled job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "401", ref = "#/components/responses/MissingApiKey")
    @APIResponse(responseCode = "403", ref = "#/components/responses/InvalidApiKey")
    @APIResponse(responseCode = "404", description = UNKNOWN_JOB,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", ref = "#/components/responses/RateLimited")
    @APIResponse(responseCode = "503", description = STORE_UNAVAILABLE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobView cancel(@PathParam("id") @Parameter(description = "The job's id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
            @HeaderParam(AccessGuard.API_KEY_HEADER) @Parameter(hidden = true) String apiKey) {
        return jobs.cancel(guard.owner(authorization, apiKey), id);
    }
}
