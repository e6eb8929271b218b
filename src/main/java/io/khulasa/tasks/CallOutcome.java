package io.khulasa.tasks;

import java.util.List;
import java.util.stream.Stream;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.LlmResult;
import io.khulasa.llm.Usage;
import io.khulasa.prompts.PromptTemplate;

/**
 * What one prompted call produced, once its answer passed the output guards (or the extractive summary standing in
 * for it).
 *
 * @param task     the prompt's task, e.g. {@code translate} or {@code translate-chunk}
 * @param text     the answer (summary, translation body, chunk answer)
 * @param title    the answer's title line when the prompt asked for one (translated title), else null
 * @param prompt   the prompt version used; null for an extractive summary
 * @param llm      the call's model, usage and timing; null for an extractive summary
 * @param glossary glossary entries that were in the prompt (empty when none)
 * @param warnings findings that did not fail the call, e.g. a missing glossary rendering (empty when none)
 * @param cached   true when the answer came from the result cache (no LLM call for this request)
 * @param engine   {@value #LLM} or {@value #EXTRACTIVE}
 */
public record CallOutcome(String task, String text, String title, PromptTemplate prompt, LlmResult llm,
        List<GlossaryEntry> glossary, List<String> warnings, boolean cached, String engine) {

    /** The answer came from the LLM. */
    public static final String LLM = "llm";
    /** The answer is the deterministic extractive summary (LLM unavailable, request allowed it). */
    public static final String EXTRACTIVE = "extractive";

    public CallOutcome {
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        engine = engine == null ? LLM : engine;
    }

    /** A fresh LLM answer. */
    static CallOutcome fromLlm(String task, String text, String title, PromptTemplate prompt, LlmResult llm,
            List<GlossaryEntry> glossary, List<String> warnings) {
        return new CallOutcome(task, text, title, prompt, llm, glossary, warnings, false, LLM);
    }

    /** This outcome with more warnings. */
    CallOutcome withWarnings(List<String> more) {
        return more.isEmpty() ? this
                : new CallOutcome(task, text, title, prompt, llm, glossary,
                        Stream.concat(warnings.stream(), more.stream()).toList(), cached, engine);
    }

    /**
     * This outcome served again from the cache: no LLM call, no tokens and no time were spent on it by this request;
     * the model and prompt that produced it stay.
     */
    CallOutcome fromCache() {
        LlmResult reused = llm == null ? null : new LlmResult(llm.text(), llm.model(), Usage.NONE, 0, 0);
        return new CallOutcome(task, text, title, prompt, reused, glossary, warnings, true, engine);
    }
}
