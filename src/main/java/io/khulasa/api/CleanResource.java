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

import io.khulasa.articles.ArticleIntake;
import io.khulasa.articles.CleanRequest;
import io.khulasa.articles.CleanResponse;
import io.khulasa.cleaning.CleanedArticle;

/**
 * Cleans an Arabic article without calling the LLM: the same step every task endpoint runs first.
 *
 * <pre>
 * curl -s localhost:8080/v1/clean -H 'Content-Type: application/json' \
 *      -d '{"text": "العنوان\nالعنوان\nطيف بوست – فريق التحرير\nتسوية الصـ.ـراع في الإقليم."}'
 * </pre>
 */
@Path("/v1/clean")
@Tag(name = "Cleaning")
public class CleanResource {

    private final ArticleIntake intake;

    public CleanResource(ArticleIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cleanArticle", summary = "Clean an Arabic article",
            description = OperationDocs.CLEAN)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reference-article", ref = "#/components/examples/ReferenceArticleText")))
    @APIResponse(responseCode = "200", description = "The cleaned article and the cleaner's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CleanResponse.class),
                    examples = @ExampleObject(name = "cleaned", ref = "#/components/examples/CleanedReferenceArticle")))
    public CleanResponse clean(CleanRequest request) {
        CleanedArticle article = intake.accept(request);
        return new CleanResponse(article.title(), article.text(), article.report());
    }
}
