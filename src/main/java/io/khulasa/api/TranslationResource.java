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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.tasks.ChunkPlan;
import io.khulasa.tasks.ChunkedOutcome;
import io.khulasa.tasks.ChunkedTranslationService;
import io.khulasa.tasks.PreparedCall;
import io.khulasa.tasks.StreamedCalls;
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
 *
 * A long article (over {@code khulasa.chunking.max-input-tokens}) is translated in chunks, concurrently, and
 * reassembled in order. With {@code Accept: text/event-stream} the translation is streamed as Server-Sent Events.
 */
@Path("/v1/translations")
@Tag(name = "Tasks")
public class TranslationResource {

    static final String EVENT_STREAM_EXAMPLE = """
            event: chunk
            data: {"index":0,"of":2}

            event: delta
            data: {"text":"Russian and Turkish"}

            event: delta
            data: {"text":" officials met in Ankara"}

            event: chunk
            data: {"index":1,"of":2}

            event: delta
            data: {"text":"\\n\\nThe talks will resume next week."}

            event: done
            data: {"title":"New Russian-Turkish talks on Syria","provenance":{"model":"qwen2.5:7b-instruct","prompts":{"translate-chunk":"v1"},"chunks":2,"chunkUsage":[{"task":"translate-chunk","index":0,"inputTokens":2950,"outputTokens":1200,"durationMs":41000,"llmCalls":1},{"task":"translate-chunk","index":1,"inputTokens":2100,"outputTokens":800,"durationMs":30000,"llmCalls":1}]},"cleaning":{}}
            """;

    private final ArticleIntake intake;
    private final TranslationService translations;
    private final ChunkedTranslationService chunked;
    private final StreamedCalls streamed;
    private final ObjectMapper json;

    public TranslationResource(ArticleIntake intake, TranslationService translations, ChunkedTranslationService chunked,
            StreamedCalls streamed, ObjectMapper json) {
        this.intake = intake;
        this.translations = translations;
        this.chunked = chunked;
        this.streamed = streamed;
        this.json = json;
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
                    + "`provenance.warnings` (`output-missing-names`).\n\n"
                    + "A long article (over `khulasa.chunking.max-input-tokens` estimated tokens) is split at paragraph, "
                    + "then sentence boundaries and translated in chunks concurrently with the `translate-chunk` prompt, "
                    + "the title and the article's names travelling with every chunk; `provenance.chunks` and "
                    + "`provenance.chunkUsage` then describe the chunks.\n\n"
                    + "With `Accept: text/event-stream` the translation is streamed as Server-Sent Events while the "
                    + "model writes it: `delta` events (`{\"text\": \"...\"}`; their concatenation is the translation), "
                    + "`chunk` markers (`{\"index\": 0, \"of\": 5}`) for a long article, emitted in article order, and a "
                    + "final `done` event (`{\"title\", \"provenance\", \"cleaning\"}`) or `error` event (a problem). "
                    + "Bad input is refused with a normal error response before the stream opens.\n\n"
                    + "The answer passes the output guards (English, not the Arabic given back, numbers from the article, "
                    + "not empty; one reprompt on a failure, then 502 with the guard's code). Answers are cached by "
                    + "cleaned text, prompt, model and glossary entries (`provenance.cached`; `Cache-Control: no-cache` "
                    + "asks again).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reference-article", ref = "#/components/examples/ReferenceArticleText")))
    @APIResponse(responseCode = "200", description = "The English translation (JSON), or its event stream",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationResponse.class),
                            examples = @ExampleObject(name = "translation", ref = "#/components/examples/ReferenceArticleTranslation")),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(type = SchemaType.STRING, description = "Server-Sent Events: delta, chunk, done, error"),
                            examples = @ExampleObject(name = "event-stream", value = EVENT_STREAM_EXAMPLE)) })
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
        ChunkPlan plan = chunked.plan(article, request.promptVersion(), glossary);
        if (plan != null) {
            ChunkedOutcome outcome = chunked.translate(plan);
            return new TranslationResponse(outcome.text(), outcome.title(),
                    Provenance.of(List.of(), List.of(outcome), SummaryResource.elapsedMs(start)), article.report());
        }
        TaskOutcome outcome = translations.run(translations.prepare(article, request.promptVersion(), glossary)
                .refreshingCache(CacheControlHeader.noCache(cacheControl)));
        return new TranslationResponse(outcome.text(), outcome.title(),
                Provenance.of(List.of(outcome), SummaryResource.elapsedMs(start)), article.report());
    }
    /**
     * The same translation as Server-Sent Events (documented on {@link #translate}). Validation, cleaning and prompt
     * resolution happen before the stream opens, so their failures are normal problem responses.
     */
    @POST
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Response translateStream(@Valid TranslationRequest request) {
        long start = System.nanoTime();
        List<GlossaryEntry> glossary = GlossaryEntryJson.validated(request == null ? null : request.glossary());
        CleanedArticle article = intake.accept(request);
        ChunkPlan plan = chunked.plan(article, request.promptVersion(), glossary);
        PreparedCall single = plan == null ? translations.prepare(article, request.promptVersion(), glossary) : null;
        return EventStream.response(json, events -> {
            if (plan != null) {
                ChunkedOutcome outcome = chunked.stream(plan, events);
                return new StreamDone(outcome.title(), Provenance.of(List.of(), List.of(outcome),
                        SummaryResource.elapsedMs(start)), article.report());
            }
            TaskOutcome outcome = translations.checked(single, streamed.stream(single, events));
            return new StreamDone(outcome.title(), Provenance.of(List.of(outcome), SummaryResource.elapsedMs(start)),
                    article.report());
        });
    }
}
