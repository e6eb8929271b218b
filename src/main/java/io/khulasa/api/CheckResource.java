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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.khulasa.articles.ArticleChecks;
import io.khulasa.articles.CheckRequest;
import io.khulasa.articles.CheckResponse;

/**
 * Checks a summary or translation written elsewhere against its article, without calling the LLM; the decision is
 * {@link ArticleChecks}'s, this only maps it.
 *
 * <pre>
 * curl -s localhost:8080/v1/checks -H 'Content-Type: application/json' \
 *      -d '{"text": "أعلنت وزارة الصحة تسجيل 120 إصابة جديدة.", "summary": "سجلت الوزارة 130 إصابة."}'
 * </pre>
 */
@Path("/v1/checks")
@Tag(name = "Cleaning")
public class CheckResource {

    private final ArticleChecks checks;

    public CheckResource(ArticleChecks checks) {
        this.checks = checks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkArticle", summary = "Check a summary or translation written elsewhere",
            description = OperationDocs.CHECK)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "edited", value = OperationDocs.CHECK_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What the checks found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckResponse.class),
                    examples = @ExampleObject(name = "findings", value = OperationDocs.CHECK_RESPONSE_EXAMPLE)))
    public CheckResponse check(CheckRequest request) {
        return checks.check(request);
    }
}
