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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.llm.LlmException;
import io.khulasa.tasks.ChunkedOutcome;
import io.khulasa.tasks.ChunkedSummaryService;
import io.khulasa.tasks.PreparedCall;
import io.khulasa.tasks.Provenance;
import io.khulasa.tasks.StreamedCalls;
import io.khulasa.tasks.SummaryOptions;
import io.khulasa.tasks.SummaryService;
import io.khulasa.tasks.TaskOutcome;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Summarises an Arabic article in Modern Standard Arabic.
 *
 * <pre>
 * curl -s localhost:8080/v1/summaries -H 'Content-Type: application/json' \
 *      -d "$(jq -Rs '{text: ., length: "short"}' article.txt)"
 * </pre>
 */
@Path("/v1/summaries")
@Tag(name = "Tasks")
public class SummaryResource {

    static final String EVENT_STREAM_EXAMPLE = """
            event: delta
            data: {"text":"أجرى مسؤولون روس وأتراك"}

            event: delta
            data: {"text":" محادثات جديدة في أنقرة"}

            event: done
            data: {"title":"محادثات روسية تركية جديدة","provenance":{"model":"qwen2.5:7b-instruct","prompts":{"summarize":"v1"},"llmCalls":1},"cleaning":{}}
            """;

    private final ArticleIntake intake;
    private final SummaryService summaries;
    private final ChunkedSummaryService chunked;
    private final StreamedCalls streamed;
    private final ObjectMapper json;

    public SummaryResource(ArticleIntake intake, SummaryService summaries, ChunkedSummaryService chunked,
            StreamedCalls streamed, ObjectMapper json) {
        this.intake = intake;
        this.summaries = summaries;
        this.chunked = chunked;
        this.streamed = streamed;
        this.json = json;
    }

    @POST
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summarise an Arabic article in Arabic",
            description = "Cleans the article, renders the `summarize` prompt (default or `promptVersion`) and asks the "
                    + "configured LLM for a neutral summary in Modern Standard Arabic that keeps names and numbers as "
                    + "written. The answer carries the provenance (model, prompt version, tokens, time) and the "
                    + "cleaner's report.\n\n"
                    + "A long article (over `khulasa.chunking.max-input-tokens` estimated tokens) is summarised by "
                    + "map-reduce: each chunk with `summarize-chunk`, concurrently, then one summary of the chunk "
                    + "summaries with `summarize-reduce` (same length and format options); `provenance.chunks` and "
                    + "`provenance.chunkUsage` then describe the chunks.\n\n"
                    + "With `Accept: text/event-stream` the summary is streamed as Server-Sent Events: `delta` events "
                    + "(`{\"text\": \"...\"}`), then `done` (`{\"title\", \"provenance\", \"cleaning\"}`) or `error` (a "
                    + "problem). For a long article the chunk summaries are computed first and the final summary is "
                    + "streamed. Bad input is refused with a normal error response before the stream opens.\n\n"
                    + "The answer passes the output guards (Arabic, numbers from the article, not empty; one reprompt on "
                    + "a failure, then 502 with the guard's code). Answers are cached by cleaned text, prompt, model and "
                    + "options (`provenance.cached`; `Cache-Control: no-cache` asks again). With `allowExtractive: true`, "
                    + "an unavailable LLM (unreachable, timeout, 5xx, rate-limited, saturated, circuit open) is answered "
                    + "by the extractive summary, marked `provenance.engine: extractive` with a warning.")
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
    public SummaryResponse summarize(@Valid SummaryRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) @Parameter(ref = CacheControlHeader.PARAMETER) String cacheControl) {
        long start = System.nanoTime();
        CleanedArticle article = intake.accept(request);
        SummaryOptions options = options(request);
        ChunkedSummaryService.Plan plan = chunked.plan(article, options);
        if (plan != null) {
            try {
                ChunkedOutcome outcome = chunked.summarize(plan);
                return new SummaryResponse(outcome.text(), article.title(),
                        Provenance.of(java.util.List.of(), java.util.List.of(outcome), elapsedMs(start)), article.report());
            } catch (LlmException e) {
                TaskOutcome extractive = summaries.extractiveOr(article, options, e);
                return new SummaryResponse(extractive.text(), article.title(),
                        Provenance.of(java.util.List.of(extractive), elapsedMs(start)), article.report());
            }
        }
        PreparedCall call = summaries.prepare(article, options).refreshingCache(CacheControlHeader.noCache(cacheControl));
        TaskOutcome outcome = summaries.run(call, article, options);
        return new SummaryResponse(outcome.text(), article.title(),
                Provenance.of(java.util.List.of(outcome), elapsedMs(start)), article.report());
    }

    /**
     * The same summary as Server-Sent Events (documented on {@link #summarize}). Validation, cleaning and prompt
     * resolution happen before the stream opens, so their failures are normal problem responses.
     */
    @POST
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Response summarizeStream(@Valid SummaryRequest request) {
        long start = System.nanoTime();
        CleanedArticle article = intake.accept(request);
        SummaryOptions options = options(request);
        ChunkedSummaryService.Plan plan = chunked.plan(article, options);
        PreparedCall single = plan == null ? summaries.prepare(article, options) : null;
        return EventStream.response(json, events -> {
            if (plan != null) {
                ChunkedOutcome outcome = chunked.stream(plan, events);
                return new StreamDone(article.title(), Provenance.of(java.util.List.of(), java.util.List.of(outcome),
                        elapsedMs(start)), article.report());
            }
            TaskOutcome outcome = streamed.stream(single, events);
            return new StreamDone(article.title(), Provenance.of(java.util.List.of(outcome), elapsedMs(start)),
                    article.report());
        });
    }

    static SummaryOptions options(SummaryRequest request) {
        return new SummaryOptions(request.promptVersion(), request.length() == null ? null : request.length().key(),
                request.format() == null ? null : request.format().key(), Boolean.TRUE.equals(request.allowExtractive()));
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
