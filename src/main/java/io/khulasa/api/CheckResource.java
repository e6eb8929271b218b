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

    static final String REQUEST_EXAMPLE = """
            {"text": "أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس.\\nوقال الوزير إن المستشفيات مستعدة.",
             "summary": "سجلت وزارة الصحة 120 إصابة جديدة. ورفعت الحكومة أسعار الوقود.",
             "translation": "The Ministry of Health announced 130 new cases of the virus today."}""";

    static final String RESPONSE_EXAMPLE = """
            {"sentences": [
               {"text": "سجلت وزارة الصحة 120 إصابة جديدة.", "supported": true, "score": 0.855,
                "sources": [{"start": 0, "end": 55, "text": "أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس."}]},
               {"text": "ورفعت الحكومة أسعار الوقود.", "supported": false, "score": 0.0, "sources": []}],
             "paragraphs": [
               {"text": "The Ministry of Health announced 130 new cases of the virus today.",
                "source": {"start": 0, "end": 89,
                           "text": "أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس.\\nوقال الوزير إن المستشفيات مستعدة."}}],
             "findings": [
               {"code": "output-unsupported", "detail": "sentence 1 «ورفعت الحكومة أسعار الوقود.» (of 2) is not supported by the article"},
               {"code": "output-number-mismatch", "detail": "numbers not in the source: 130"},
               {"code": "paragraph-number-mismatch", "detail": "paragraph 0 has numbers not in its source: 130"}],
             "cleaning": {"charsIn": 89, "charsOut": 89, "removedLines": [], "repairedWords": [], "flagged": [],
               "source": null, "siteName": null, "rules": {}}}""";


    private final ArticleChecks checks;

    public CheckResource(ArticleChecks checks) {
        this.checks = checks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkArticle", summary = "Check a summary or translation written elsewhere",
            description = "Holds a summary and/or a translation that someone else wrote (an editor's rewrite, another "
                    + "tool's output, a wire service's English version) to the checks an LLM answer passes, against "
                    + "the article (`text` or `html`, cleaned as POST /v1/clean cleans it). Answers the summary's "
                    + "`sentences` with their source spans, the translation's `paragraphs` aligned to the article, and "
                    + "`findings`: every check that failed, none of them an error of the request. No LLM call.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "edited", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What the checks found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckResponse.class),
                    examples = @ExampleObject(name = "findings", value = RESPONSE_EXAMPLE)))
    public CheckResponse check(CheckRequest request) {
        return checks.check(request);
    }
}
