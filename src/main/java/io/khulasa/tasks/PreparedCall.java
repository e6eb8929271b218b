package io.khulasa.tasks;

import java.util.List;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.prompts.RenderedPrompt;

/**
 * A task ready to send: its prompt resolved and rendered, its model chosen. Preparing every part of a request before
 * the first LLM call means bad input (an unknown prompt version) never costs a call.
 *
 * @param task      task name
 * @param prompt    the rendered prompt (with its template)
 * @param model     the model name to send
 * @param titleSent whether a title went into the prompt (decides how a title-then-body answer is read)
 * @param glossary  glossary entries rendered into the prompt (empty when none, or when the prompt has no
 *                  {@code {{glossary}}}); the answer is checked against them
 */
public record PreparedCall(String task, RenderedPrompt prompt, String model, boolean titleSent, List<GlossaryEntry> glossary) {

    public PreparedCall {
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
    }

    /** A call without glossary entries. */
    public PreparedCall(String task, RenderedPrompt prompt, String model, boolean titleSent) {
        this(task, prompt, model, titleSent, List.of());
    }
}
