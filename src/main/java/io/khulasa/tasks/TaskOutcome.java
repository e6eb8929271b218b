package io.khulasa.tasks;

import java.util.List;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.LlmResult;
import io.khulasa.llm.Usage;
import io.khulasa.prompts.PromptTemplate;

/**
 * What one task produced.
 *
 * @param task     task name
 * @param text     the answer (summary or translation body)
 * @param title    the answer's title line when the prompt asked for one (translated title), else null
 * @param prompt   the prompt version used; null for an extractive summary
 * @param llm      the call's model, usage and timing; null for an extractive summary
 * @param glossary glossary entries that were in the prompt (empty when none)
 * @param warnings soft-guard findings that did not fail the task, e.g. a missing glossary rendering (empty when none)
 * @param cached   true when the answer came from the result cache (no LLM call for this request)
 * @param engine   {@value #LLM} or {@value #EXTRACTIVE}
 */
public record TaskOutcome(String task, String text, String title, PromptTemplate prompt, LlmResult llm,
        List<GlossaryEntry> glossary, List<String> warnings, boolean cached, String engine) {

    /** The answer came from the LLM. */
    public static final String LLM = "llm";
    /** The answer is the deterministic extractive summary (LLM unavailable, request allowed it). */
    public static final String EXTRACTIVE = "extractive";

    public TaskOutcome {
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        engine = engine == null ? LLM : engine;
    }

    /** An LLM outcome with glossary entries and warnings. */
    public TaskOutcome(String task, String text, String title, PromptTemplate prompt, LlmResult llm,
            List<GlossaryEntry> glossary, List<String> warnings) {
        this(task, text, title, prompt, llm, glossary, warnings, false, LLM);
    }

    /** An outcome without glossary entries or warnings. */
    public TaskOutcome(String task, String text, String title, PromptTemplate prompt, LlmResult llm) {
        this(task, text, title, prompt, llm, List.of(), List.of());
    }

    /** This outcome with the glossary entries that were in its prompt and the warnings found checking the answer. */
    public TaskOutcome withGlossary(List<GlossaryEntry> entries, List<String> newWarnings) {
        return new TaskOutcome(task, text, title, prompt, llm, entries,
                java.util.stream.Stream.concat(warnings.stream(), newWarnings.stream()).toList(), cached, engine);
    }

    /**
     * This outcome served again from the cache: no LLM call, no tokens and no time were spent on it by this request;
     * the model and prompt that produced it stay.
     */
    public TaskOutcome fromCache() {
        LlmResult reused = llm == null ? null : new LlmResult(llm.text(), llm.model(), Usage.NONE, 0, 0);
        return new TaskOutcome(task, text, title, prompt, reused, glossary, warnings, true, engine);
    }
}
