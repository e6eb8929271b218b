package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.Usage;
import io.khulasa.problems.RequestIds;
import io.khulasa.telemetry.Traces;

/**
 * What produced an answer, for editors and auditors.
 *
 * @param requestId    the request's id ({@code X-Request-Id}, echoed or generated), also on its log lines
 * @param traceId      the W3C trace id of the request's trace (the client's {@code traceparent} when it sent one), for
 *                     finding its spans in a tracing backend (docs/observability.md); absent outside a trace
 * @param model        the model name(s) sent, comma-separated when parts used different models; null when no part
 *                     came from an LLM (extractive summary)
 * @param prompts      prompt versions actually used, e.g. {@code {"summarize": "v1"}}; a chunked answer lists its chunk
 *                     prompts, e.g. {@code {"translate-chunk": "v1"}}
 * @param promptHashes SHA-256 of each prompt file used, so a version can be tied to its exact text
 * @param usage        input/output tokens as the LLM reported them, summed over calls
 * @param llmCalls     HTTP calls made to the LLM, retries included
 * @param durationMs   wall time of the whole request
 * @param glossary     glossary entries found in the article and given to the model (empty when none)
 * @param warnings     findings that did not fail the request, each {@code "<code>: <detail>"}, e.g.
 *                     {@code output-missing-names: 'Nagorno-Karabakh' for «قره باغ»}, {@code output-reprompted: …},
 *                     {@code extractive-fallback: …} (empty when none)
 * @param engine       {@code llm}; {@code extractive} when the answer is the extractive fallback summary; {@code mixed}
 *                     when a digest's summary is extractive and its translation came from the LLM
 * @param cached       true when every part of the answer came from the result cache (no LLM call was made)
 * @param chunks       how many chunks a long article was processed in; absent when it was sent whole
 * @param chunkUsage   per-chunk tokens and time, in article order, then a summary's reduce step (task
 *                     {@code summarize-reduce}); absent when the article was sent whole
 * @param cachedParts  the parts ({@code summarize}, {@code translate}) whose every call came from the result cache;
 *                     absent when none did. A digest whose summary was cached and whose translation was not says
 *                     {@code cached: false, cachedParts: ["summarize"]}
 */
public record Provenance(@JsonInclude(JsonInclude.Include.NON_NULL) String requestId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "W3C trace id (32 hex digits) of the request's "
                + "trace: its spans in a tracing backend", examples = "4bf92f3577b34da6a3ce929d0e0e4736") String traceId,
        @Schema(nullable = true) String model, Map<String, String> prompts,
        Map<String, String> promptHashes, Usage usage, int llmCalls, long durationMs, List<AppliedGlossaryEntry> glossary,
        List<String> warnings,
        @Schema(description = "`llm`; `extractive` when the summary is the extractive fallback (`allowExtractive`); "
                + "`mixed` when a digest's summary is extractive and its translation came from the LLM",
                enumeration = { "llm", "extractive", "mixed" }) String engine,
        @Schema(description = "true when every part came from the result cache: no LLM call, `llmCalls` 0") boolean cached,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer chunks,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ChunkUsage> chunkUsage,
        @Schema(description = "The parts (`summarize`, `translate`) whose every call came from the result cache; absent "
                + "when none did. A digest with its summary cached and its translation fresh: `cached` false, "
                + "`cachedParts` [summarize]") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> cachedParts) {

    /**
     * A glossary entry that was in the prompt.
     *
     * @param arabic  the Arabic form as written in the glossary
     * @param english the rendering the translation must use
     * @param kind    {@code person}, {@code place}, {@code organisation}, {@code term} or null
     */
    public record AppliedGlossaryEntry(String arabic, String english, String kind) {

        static AppliedGlossaryEntry of(GlossaryEntry e) {
            return new AppliedGlossaryEntry(e.arabic(), e.english(), e.kind() == null ? null : e.kind().label());
        }
    }

    /**
     * The same provenance with findings made after the calls (the support check of a summary, the paragraph
     * alignment of a translation) appended to {@code warnings}, each once.
     */
    public Provenance withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<String> all = new LinkedHashSet<>(warnings);
        all.addAll(more);
        return new Provenance(requestId, traceId, model, prompts, promptHashes, usage, llmCalls, durationMs, glossary,
                List.copyOf(all), engine, cached, chunks, chunkUsage, cachedParts);
    }

    /** Provenance of the parts that succeeded, in the order given. */
    public static Provenance of(List<TaskResult> results, long durationMs) {
        List<CallOutcome> all = new ArrayList<>();
        List<ChunkUsage> chunkUsage = new ArrayList<>();
        List<String> cachedParts = new ArrayList<>();
        boolean anyChunked = false;
        int calls = 0;
        for (TaskResult result : results) {
            all.addAll(result.calls());
            if (!result.calls().isEmpty() && allCached(result.calls())) {
                cachedParts.add(result.task().id());
            }
            switch (result) {
                case TaskResult.OneCall one -> {
                    // no chunks
                }
                case TaskResult.Chunked chunked -> {
                    anyChunked = true;
                    chunkUsage.addAll(chunked.chunkUsage());
                    calls += chunked.extraCalls();
                }
            }
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        // Every chunk of a long article may carry the same entries and report the same finding: each once.
        Set<AppliedGlossaryEntry> glossary = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        Usage usage = Usage.NONE;
        // One loop, no stream pipelines: this runs once per answer, after the model's wait, on a cold CPU (issue 20).
        Set<String> models = new LinkedHashSet<>();
        Set<CallOutcome.Engine> engines = EnumSet.noneOf(CallOutcome.Engine.class);
        CallOutcome.Engine firstEngine = null;
        for (CallOutcome o : all) {
            if (firstEngine == null) {
                firstEngine = o.engine();
            }
            engines.add(o.engine());
            if (o.prompt() != null) {
                prompts.put(o.task().id(), o.prompt().version());
                hashes.put(o.task().id(), o.prompt().sha256());
            }
            if (o.llm() != null) {
                usage = usage.plus(o.llm().usage());
                calls += o.llm().attempts();
                models.add(o.llm().model());
            }
            for (GlossaryEntry e : o.glossary()) {
                glossary.add(AppliedGlossaryEntry.of(e));
            }
            warnings.addAll(o.warnings());
        }
        String model = String.join(", ", models);
        String engine = engines.size() > 1 ? "mixed" : firstEngine == null ? CallOutcome.Engine.LLM.label()
                : firstEngine.label();
        boolean cached = !all.isEmpty() && allCached(all);
        // The door (request filter, job worker) put the id in the logging context of the request's thread.
        return new Provenance(RequestIds.current(), Traces.currentTraceId(), model.isEmpty() ? null : model, prompts,
                hashes, usage, calls, durationMs, List.copyOf(glossary), List.copyOf(warnings), engine, cached,
                anyChunked ? chunks(chunkUsage) : null, anyChunked ? List.copyOf(chunkUsage) : null,
                List.copyOf(cachedParts));
    }

    private static boolean allCached(List<CallOutcome> outcomes) {
        for (CallOutcome o : outcomes) {
            if (!o.cached()) {
                return false;
            }
        }
        return true;
    }

    /** The article's chunks: the reduce step has its usage entry but is not a chunk of the article. */
    private static int chunks(List<ChunkUsage> usage) {
        return (int) usage.stream().filter(u -> !u.task().equals(Task.SUMMARIZE_REDUCE.id())).count();
    }
}
