package io.khulasa.api;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.RunOnVirtualThread;

import io.khulasa.articles.ArticleTasks;
import io.khulasa.articles.BatchRequest;
import io.khulasa.articles.BatchResponse;
import io.khulasa.articles.DigestRequest;
import io.khulasa.articles.DigestResponse;

/**
 * Arabic summary and English translation of one article in one call, of any length; the two parts run concurrently.
 * The error responses are documented by {@link OpenApiDocument}.
 *
 * <pre>
 * curl -s localhost:8080/v1/digests -H 'Content-Type: application/json' \
 *      -d "$(jq -Rs '{text: ., length: "short"}' article.txt)"
 * </pre>
 */
@Path("/v1/digests")
@Tag(name = "Tasks")
@RunOnVirtualThread
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    private final ArticleTasks tasks;

    public DigestResource(ArticleTasks tasks) {
        this.tasks = tasks;
    }

    @POST
    @Operation(operationId = "digestArticle", summary = "Summarise and translate an Arabic article in one call", description = OperationDocs.DIGEST)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reference-article", ref = "#/components/examples/ReferenceArticleDigestRequest")))
    @APIResponse(responseCode = "200", description = "Both parts, or one part and `errors`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DigestResponse.class),
                    examples = {
                            @ExampleObject(name = "digest", ref = "#/components/examples/ReferenceArticleDigest"),
                            @ExampleObject(name = "partial", ref = "#/components/examples/PartialDigest") }))
    public DigestResponse digest(@Valid DigestRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) @Parameter(ref = CacheControlHeader.PARAMETER) String cacheControl) {
        return LeavingClients.stopOnLeave(() -> tasks.digest(request, CacheControlHeader.noCache(cacheControl)));
    }

    /** Many articles in one request; documented by {@link OpenApiDocument}. */
    @POST
    @Path("batch")
    @Tag(name = "Batches")
    @Operation(operationId = "digestBatch")
    public BatchResponse digestBatch(BatchRequest<DigestRequest> request) {
        return LeavingClients.stopOnLeave(() -> tasks.batch(request, item -> tasks.digest(item, false)));
    }
}
