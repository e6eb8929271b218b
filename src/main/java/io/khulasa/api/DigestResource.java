package io.khulasa.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.llm.LlmException;
import io.khulasa.tasks.ChunkedOutcome;
import io.khulasa.tasks.DigestOutcome;
import io.khulasa.tasks.DigestService;
import io.khulasa.tasks.Provenance;
import io.khulasa.tasks.SummaryOptions;
import io.khulasa.tasks.TaskOutcome;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Arabic summary and English translation of one article in one call; the two LLM calls run concurrently. A long
 * article is summarised and translated through chunking, as by the single-task endpoints.
 *
 * <pre>
 * curl -s localhost:8080/v1/digests -H 'Content-Type: application/json' \
 *      -d "$(jq -Rs '{text: ., length: "short"}' article.txt)"
 * </pre>
 */
@Path("/v1/digests")
@Tag(name = "Tasks")
public class DigestResource {

    private final ArticleIntake intake;
    private final DigestService digests;
    private final LongDigests longDigests;

    public DigestResource(ArticleIntake intake, DigestService digests, LongDigests longDigests) {
        this.intake = intake;
        this.digests = digests;
        this.longDigests = longDigests;
    }

    @POST
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summarise and translate an Arabic article in one call",
            description = "Cleans the article once, then runs the summary and the translation concurrently. If one part "
                    + "fails and the other succeeds, the answer is 200 with the part that succeeded and `errors` naming "
                    + "the failed part with its problem. Only when both parts fail is the answer an error, with the "
                    + "status of the summary's failure and both problems in `errors`. The translation uses the glossary as "
                    + "POST /v1/translations does (`glossary`, `provenance.glossary`, `provenance.warnings`). Both parts "
                    + "pass the output guards and use the result cache as the single-task endpoints do; with "
                    + "`allowExtractive: true` the summary part falls back to the extractive summary when the LLM is "
                    + "unavailable (`provenance.engine`: `extractive`, or `mixed` when the translation still came from "
                    + "the LLM).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reference-article", ref = "#/components/examples/ReferenceArticleDigestRequest")))
    @APIResponse(responseCode = "200", description = "Both parts, or one part and `errors`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DigestResponse.class),
                    examples = {
                            @ExampleObject(name = "digest", ref = "#/components/examples/ReferenceArticleDigest"),
                            @ExampleObject(name = "partial", ref = "#/components/examples/PartialDigest") }))
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
    public Response digest(@Valid DigestRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) @Parameter(ref = CacheControlHeader.PARAMETER) String cacheControl) {
        long start = System.nanoTime();
        List<GlossaryEntry> glossary = GlossaryEntryJson.validated(request == null ? null : request.glossary());
        CleanedArticle article = intake.accept(request);
        DigestRequest.DigestPromptVersions versions = request.promptVersions();
        SummaryOptions options = new SummaryOptions(versions == null ? null : versions.summarize(),
                request.length() == null ? null : request.length().key(),
                request.format() == null ? null : request.format().key(),
                Boolean.TRUE.equals(request.allowExtractive()));
        String translateVersion = versions == null ? null : versions.translate();
        Response longDigest = longDigests.digestIfLong(article, options, translateVersion, glossary, start);
        if (longDigest != null) {
            return longDigest;
        }
        DigestOutcome outcome = digests.digest(article, options, translateVersion, glossary,
                CacheControlHeader.noCache(cacheControl));
        return respond(article, start, outcome.summary(), outcome.summaryFailure(), outcome.translation(),
                outcome.translationFailure());
    }

    /**
     * The answer from the two parts; a part is a {@link TaskOutcome} (one call) or a {@link ChunkedOutcome} (a long
     * article), or its failure.
     */
    static Response respond(CleanedArticle article, long start, Object summary, RuntimeException summaryFailure,
            Object translation, RuntimeException translationFailure) {
        Map<String, Problem> errors = new LinkedHashMap<>();
        if (summaryFailure != null) {
            errors.put("summary", problemOf(summaryFailure));
        }
        if (translationFailure != null) {
            errors.put("translation", problemOf(translationFailure));
        }
        if (summary == null && translation == null) {
            Problem first = errors.get("summary");
            Problem whole = new Problem(first.getStatus(), first.getCode(), first.getTitle(),
                    "Both parts of the digest failed; see 'errors'", Map.of("errors", errors));
            Response.ResponseBuilder response = Response.status(first.getStatus()).type(Problem.MEDIA_TYPE).entity(whole);
            if (summaryFailure instanceof LlmException e) {
                e.retryAfter().ifPresent(d -> response.header("Retry-After", Math.max(1, d.toSeconds())));
            }
            return response.build();
        }
        List<TaskOutcome> single = new ArrayList<>();
        List<ChunkedOutcome> chunked = new ArrayList<>();
        for (Object part : new Object[] { summary, translation }) {
            if (part instanceof TaskOutcome o) {
                single.add(o);
            } else if (part instanceof ChunkedOutcome c) {
                chunked.add(c);
            }
        }
        return Response.ok(new DigestResponse(text(summary), text(translation), article.title(), title(translation),
                Provenance.of(single, chunked, SummaryResource.elapsedMs(start)), article.report(),
                errors.isEmpty() ? null : errors)).build();
    }

    private static String text(Object part) {
        return switch (part) {
            case TaskOutcome o -> o.text();
            case ChunkedOutcome c -> c.text();
            case null, default -> null;
        };
    }

    private static String title(Object part) {
        return switch (part) {
            case TaskOutcome o -> o.title();
            case ChunkedOutcome c -> c.title();
            case null, default -> null;
        };
    }

    private static Problem problemOf(RuntimeException failure) {
        if (failure instanceof LlmException e) {
            return ProblemExceptionMapper.llmProblem(e);
        }
        if (failure instanceof OutputRejectedException e) {
            return ProblemExceptionMapper.guardProblem(e);
        }
        io.quarkus.logging.Log.errorf(failure, "Digest part failed unexpectedly (%s)", failure.getClass().getName());
        return new Problem(500, "internal-error", "Internal error", "This part failed unexpectedly; the failure is logged",
                null);
    }
}
