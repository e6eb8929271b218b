package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.Usage;

/**
 * What produced an answer, for editors and auditors.
 *
 * @param model        the model name(s) sent, comma-separated when parts used different models
 * @param prompts      prompt versions actually used, e.g. {@code {"summarize": "v1"}}; a chunked answer lists its chunk
 *                     prompts, e.g. {@code {"translate-chunk": "v1"}}
 * @param promptHashes SHA-256 of each prompt file used, so a version can be tied to its exact text
 * @param usage        input/output tokens as the LLM reported them, summed over calls
 * @param llmCalls     HTTP calls made to the LLM, retries included
 * @param durationMs   wall time of the whole request
 * @param glossary     glossary entries found in the article and given to the model (empty when none)
 * @param warnings     soft-guard findings that did not fail the request, e.g.
 *                     {@code glossary: missing 'Nagorno-Karabakh' for «قره باغ»} (empty when none)
 * @param chunks       how many chunks a long article was processed in; absent when it was sent whole
 * @param chunkUsage   per-chunk tokens and time, in article order; absent when the article was sent whole
 */
public record Provenance(String model, Map<String, String> prompts, Map<String, String> promptHashes, Usage usage,
        int llmCalls, long durationMs, List<AppliedGlossaryEntry> glossary, List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer chunks,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ChunkUsage> chunkUsage) {

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

    /** Provenance of the outcomes that succeeded. */
    public static Provenance of(List<TaskOutcome> outcomes, long durationMs) {
        return of(outcomes, List.of(), durationMs);
    }

    /** Provenance of the single-call outcomes and the chunked outcomes that succeeded. */
    public static Provenance of(List<TaskOutcome> outcomes, List<ChunkedOutcome> chunked, long durationMs) {
        List<TaskOutcome> all = new ArrayList<>(outcomes);
        List<ChunkUsage> chunkUsage = new ArrayList<>();
        // Chunks of one article may report the same finding: each once.
        Set<String> warnings = new LinkedHashSet<>();
        int extraCalls = 0;
        for (ChunkedOutcome c : chunked) {
            all.addAll(c.calls());
            chunkUsage.addAll(c.chunkUsage());
            extraCalls += c.extraCalls();
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        // Every chunk of a long article carries the same entries: list each once.
        Set<AppliedGlossaryEntry> glossary = new LinkedHashSet<>();
        Usage usage = Usage.NONE;
        int calls = extraCalls;
        for (TaskOutcome o : all) {
            prompts.put(o.task(), o.prompt().version());
            hashes.put(o.task(), o.prompt().sha256());
            usage = usage.plus(o.llm().usage());
            calls += o.llm().attempts();
            o.glossary().forEach(e -> glossary.add(AppliedGlossaryEntry.of(e)));
            warnings.addAll(o.warnings());
        }
        String model = all.stream().map(o -> o.llm().model()).distinct().collect(Collectors.joining(", "));
        boolean anyChunked = !chunked.isEmpty();
        return new Provenance(model, prompts, hashes, usage, calls, durationMs, List.copyOf(glossary),
                List.copyOf(warnings), anyChunked ? chunkUsage.size() : null, anyChunked ? List.copyOf(chunkUsage) : null);
    }
}
