package io.khulasa.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * {@code POST /v1/digests/batch}: many articles (e.g. a wire feed) in one request, each processed as
 * {@code POST /v1/digests} would, concurrently; one result per {@code id}, in input order.
 */
@Path("/v1/digests/batch")
@Tag(name = "Batches")
public class DigestBatchResource {

    private final BatchRunner batches;
    private final DigestResource single;

    public DigestBatchResource(BatchRunner batches, DigestResource single) {
        this.batches = batches;
        this.single = single;
    }

    @POST
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Digest of many articles in one request",
            description = BatchDocs.DESCRIPTION + " Each result is the answer of `POST /v1/digests` for that article.")
    @APIResponse(responseCode = "200", description = "One result or problem per article, in input order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class),
                    examples = @ExampleObject(name = "one-bad-article", value = BatchDocs.EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ApiResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiResponses.MISSING_API_KEY)
    @APIResponse(responseCode = "403", ref = ApiResponses.INVALID_API_KEY)
    @APIResponse(responseCode = "413", description = "More articles than `khulasa.batch.max-articles` (`batch-too-large`), or the body is over the HTTP limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", ref = ApiResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = ApiResponses.RATE_LIMITED)
    public BatchResponse digestBatch(BatchRequest<DigestBatchItem> request) {
        return batches.run(request, item -> single.digest(item.toRequest(), null));
    }
}
