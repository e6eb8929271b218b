package io.khulasa.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.khulasa.llm.Usage;

/**
 * What produced an answer, for editors and auditors.
 *
 * @param model      the model name(s) sent, comma-separated when parts used different models
 * @param prompts    prompt versions actually used, e.g. {@code {"summarize": "v1"}}
 * @param promptHashes SHA-256 of each prompt file used, so a version can be tied to its exact text
 * @param usage      input/output tokens as the LLM reported them, summed over calls
 * @param llmCalls   HTTP calls made to the LLM, retries included
 * @param durationMs wall time of the whole request
 */
public record Provenance(String model, Map<String, String> prompts, Map<String, String> promptHashes, Usage usage,
        int llmCalls, long durationMs) {

    /** Provenance of the outcomes that succeeded. */
    public static Provenance of(List<TaskOutcome> outcomes, long durationMs) {
        Map<String, String> prompts = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        Usage usage = Usage.NONE;
        int calls = 0;
        for (TaskOutcome o : outcomes) {
            prompts.put(o.task(), o.prompt().version());
            hashes.put(o.task(), o.prompt().sha256());
            usage = usage.plus(o.llm().usage());
            calls += o.llm().attempts();
        }
        String model = outcomes.stream().map(o -> o.llm().model()).distinct().collect(Collectors.joining(", "));
        return new Provenance(model, prompts, hashes, usage, calls, durationMs);
    }
}
