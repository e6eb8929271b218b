package io.khulasa.api;

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
import io.khulasa.articles.TranslationRequest;
import io.khulasa.articles.TranslationResponse;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Translates an Arabic article (and its title) into English; the error responses are documented by
 * {@link OpenApiDocument}.
 *
 * <pre>
 * curl -s localhost:8080/v1/translations -H 'Content-Type: application/json' \
 *      -d "$(jq -Rs '{text: .}' article.txt)"
 * </pre>
 */
@Path("/v1/translations")
@Tag(name = "Tasks")
@RunOnVirtualThread
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TranslationResource {

    private final ArticleTasks tasks;

    public TranslationResource(ArticleTasks tasks) {
        this.tasks = tasks;
    }

    @POST
    @Operation(operationId = "translateArticle", summary = "Translate an Arabic article into English", description = OperationDocs.TRANSLATION)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reference-article", ref = "#/components/examples/ReferenceArticleText")))
    @APIResponse(responseCode = "200", description = "The English translation (JSON), or its event stream",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationResponse.class),
                            examples = @ExampleObject(name = "translation", ref = "#/components/examples/ReferenceArticleTranslation")),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(type = SchemaType.STRING, description = "Server-Sent Events: delta, chunk, done, error"),
                            examples = @ExampleObject(name = "event-stream", value = OperationDocs.TRANSLATION_EVENTS)) })
    public TranslationResponse translate(@Valid TranslationRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) @Parameter(ref = CacheControlHeader.PARAMETER) String cacheControl) {
        return LeavingClients.stopOnLeave(() -> tasks.translation(request, CacheControlHeader.noCache(cacheControl)));
    }

    /** The same translation as Server-Sent Events (documented on {@link #translate}). */
    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamTranslation", hidden = true)
    public Response translateStream(@Valid TranslationRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return EventStream.response(tasks.translationStream(request, CacheControlHeader.noCache(cacheControl)));
    }

    /** Many articles in one request; documented by {@link OpenApiDocument}. */
    @POST
    @Path("batch")
    @Tag(name = "Batches")
    @Operation(operationId = "translateBatch")
    public BatchResponse translateBatch(BatchRequest<TranslationRequest> request) {
        return LeavingClients.stopOnLeave(() -> tasks.batch(request, item -> tasks.translation(item, false)));
    }
}
