package io.khulasa.api;

import java.util.List;

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

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.tasks.Provenance;
import io.khulasa.tasks.TaskOutcome;
import io.khulasa.tasks.TranslationService;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Translates an Arabic article (and its title) into English.
 *
 * <pre>
 * curl -s localhost:8080/v1/translations -H 'Content-Type: application/json' \
 *      -d "$(jq -Rs '{text: .}' article.txt)"
 * </pre>
 */
@Path("/v1/translations")
@Tag(name = "Tasks")
public class TranslationResource {

    private final ArticleIntake intake;
    private final TranslationService translations;

    public TranslationResource(ArticleIntake intake, TranslationService translations) {
        this.intake = intake;
        this.translations = translations;
    }

    @POST
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Translate an Arabic article into English",
            description = "Cleans the article, renders the `translate` prompt (default or `promptVersion`) and asks the "
                    + "configured LLM for a complete, faithful English translation in news register, paragraphs kept. "
                    + "When a title is given or detected, `title` is its English translation. Glossary entries (house glossary "
                    + "and the request's `glossary`) found in the article are given to the model; they are listed in "
                    + "`provenance.glossary`, and a rendering missing from the translation is a warning in "
                    + "`provenance.warnings` (`output-missing-names`). The answer passes the output guards (English, not "
                    + "the Arabic given back, numbers from the article, not empty; one reprompt on a failure, then 502 "
                    + "with the guard's code). Answers are cached by cleaned text, prompt, model and glossary entries "
                    + "(`provenance.cached`; `Cache-Control: no-cache` asks again).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reference-article", ref = "#/components/examples/ReferenceArticleText")))
    @APIResponse(responseCode = "200", description = "The English translation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationResponse.class),
                    examples = @ExampleObject(name = "translation", ref = "#/components/examples/ReferenceArticleTranslation")))
    @APIResponse(responseCode = "400", ref = ApiResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiResponses.MISSING_API_KEY)
    @APIResponse(responseCode = "403", ref = ApiResponses.INVALID_API_KEY)
    @APIResponse(responseCode = "404", ref = ApiResponses.PROMPT_NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ApiResponses.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ApiResponses.NO_ARTICLE)
    @APIResponse(responseCode = "429", ref = ApiResponses.RATE_LIMITED)
    @APIResponse(responseCode = "502", ref = ApiResponses.LLM_FAILED)
    @APIResponse(responseCode = "503", ref = ApiResponses.LLM_UNAVAILABLE)
    @APIResponse(responseCode = "504", ref = ApiResponses.LLM_TIMEOUT)
    public TranslationResponse translate(@Valid TranslationRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) @Parameter(ref = CacheControlHeader.PARAMETER) String cacheControl) {
        long start = System.nanoTime();
        List<GlossaryEntry> glossary = GlossaryEntryJson.validated(request == null ? null : request.glossary());
        CleanedArticle article = intake.accept(request);
        TaskOutcome outcome = translations.run(translations.prepare(article, request.promptVersion(), glossary)
                .refreshingCache(CacheControlHeader.noCache(cacheControl)));
        return new TranslationResponse(outcome.text(), outcome.title(),
                Provenance.of(List.of(outcome), SummaryResource.elapsedMs(start)), article.report());
    }
}
