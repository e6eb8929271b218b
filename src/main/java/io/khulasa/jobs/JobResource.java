package io.khulasa.jobs;

import java.net.URI;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import io.khulasa.problems.RequestIds;
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
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobService jobs;
    private final AccessGuard guard;

    public JobResource(JobService jobs, AccessGuard guard) {
        this.jobs = jobs;
        this.guard = guard;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitJob", summary = "Start an asynchronous job", description = JobDocs.DESCRIPTION)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRequest.class),
            examples = @ExampleObject(name = "two-articles", value = JobDocs.REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "The job, accepted: every article pending",
            headers = @Header(name = "Location", description = "The job's URL", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "accepted", value = JobDocs.ACCEPTED_EXAMPLE)))
    public Response submit(JobRequest request, @BeanParam Caller caller) {
        JobView job = jobs.submit(caller.owner(guard), request, RequestIds.current());
        return Response.accepted(job).location(URI.create("/v1/jobs/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJob", summary = "A job's status and results",
            description = JobDocs.STATUS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "done", value = JobDocs.DONE_EXAMPLE)))
    public JobView get(@PathParam("id") @Parameter(description = "The job's id", example = "5b0c2f4e-8d7a-4b55-9b8e-0f3c2a61d0aa") String id,
            @BeanParam Caller caller) {
        return jobs.get(caller.owner(guard), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "cancelJob", summary = "Cancel a job",
            description = JobDocs.CANCEL_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The cancelled job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public JobView cancel(@PathParam("id") @Parameter(description = "The job's id") String id, @BeanParam Caller caller) {
        return jobs.cancel(caller.owner(guard), id);
    }
}
