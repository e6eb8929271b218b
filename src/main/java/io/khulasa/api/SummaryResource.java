package io.khulasa.api;

import java.util.concurrent.CompletionStage;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.khulasa.articles.ArticleTasks;
import io.khulasa.articles.BatchRequest;
import io.khulasa.articles.BatchResponse;
import io.khulasa.articles.SummaryRequest;
import io.khulasa.articles.SummaryResponse;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Summarises an Arabic article in Modern Standard Arabic; the error responses are documented by
 * {@link OpenApiDocument}.
 *
 * <pre>
 * curl -s localhost:8080/v1/summaries -H 'Content-Type: application/json' \
 *      -d "$(jq -Rs '{text: ., length: "short"}' article.txt)"
 * </pre>
 */
@Path("/v1/summaries")
@Tag(name = "Tasks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    private final ArticleTasks tasks;

    public SummaryResource(ArticleTasks tasks) {
        this.tasks = tasks;
    }

    @POST
    @Operation(operationId = "summarizeArticle", summary = "Summarise an Arabic article in Arabic", description = OperationDocs.SUMMARY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reference-article", ref = "#/components/examples/ReferenceArticleSummaryRequest")))
    @APIResponse(responseCode = "200", description = "The Arabic summary (JSON), or its event stream",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryResponse.class),
                            examples = {
                                    @ExampleObject(name = "summary", ref = "#/components/examples/ReferenceArticleSummary"),
                                    @ExampleObject(name = "extractive", ref = "#/components/examples/ExtractiveSummary") }),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(type = SchemaType.STRING, description = "Server-Sent Events: delta, done, error"),
                            examples = @ExampleObject(name = "event-stream", value = OperationDocs.SUMMARY_EVENTS)) })
    public CompletionStage<SummaryResponse> summarize(@Valid SummaryRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) @Parameter(ref = CacheControlHeader.PARAMETER) String cacheControl) {
        // The plain JSON request (a small JSON body, a JSON answer) is answered by SummaryRoute before it gets here, with
        // the same checks and parts; this method answers the others (a weighted Accept, another charset, a streamed body).
        // Non-blocking: starts on the event loop, which makes the model call itself when it can (ArticleTasks).
        return LeavingClients.stopCallsOnLeave(() -> tasks.summaryAsync(request, CacheControlHeader.noCache(cacheControl)));
    }

    /** The same summary as Server-Sent Events (documented on {@link #summarize}). */
    @POST
    @RunOnVirtualThread
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamSummary", hidden = true)
    public Response summarizeStream(@Valid SummaryRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return EventStream.response(tasks.summaryStream(request, CacheControlHeader.noCache(cacheControl)));
    }

    /** Many articles in one request; documented by {@link OpenApiDocument}. */
    @POST
    @RunOnVirtualThread
    @Path("batch")
    @Tag(name = "Batches")
    @Operation(operationId = "summarizeBatch")
    public BatchResponse summarizeBatch(BatchRequest<SummaryRequest> request) {
        return LeavingClients.stopOnLeave(() -> tasks.batch(request, item -> tasks.summary(item, false)));
    }
}
