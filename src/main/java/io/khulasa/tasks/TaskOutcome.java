package io.khulasa.tasks;

import java.util.List;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.LlmResult;
import io.khulasa.prompts.PromptTemplate;

/**
 * What one task produced.
 *
 * @param task     task name
 * @param text     the answer (summary or translation body)
 * @param title    the answer's title line when the prompt asked for one (translated title), else null
 * @param prompt   the prompt version used
 * @param llm      the call's model, usage and timing
 * @param glossary glossary entries that were in the prompt (empty when none)
 * @param warnings soft-guard findings that did not fail the task, e.g. a missing glossary rendering (empty when none)
 */
public record TaskOutcome(String task, String text, String title, PromptTemplate prompt, LlmResult llm,
        List<GlossaryEntry> glossary, List<String> warnings) {

    public TaskOutcome {
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An outcome without glossary entries or warnings. */
    public TaskOutcome(String task, String text, String title, PromptTemplate prompt, LlmResult llm) {
        this(task, text, title, prompt, llm, List.of(), List.of());
    }

    /** This outcome with the glossary entries that were in its prompt and the warnings found checking the answer. */
    public TaskOutcome withGlossary(List<GlossaryEntry> entries, List<String> newWarnings) {
        return new TaskOutcome(task, text, title, prompt, llm, entries,
                java.util.stream.Stream.concat(warnings.stream(), newWarnings.stream()).toList());
    }
}
