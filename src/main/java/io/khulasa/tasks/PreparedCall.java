package io.khulasa.tasks;

import io.khulasa.prompts.RenderedPrompt;

/**
 * A task ready to send: its prompt resolved and rendered, its model chosen. Preparing every part of a request before
 * the first LLM call means bad input (an unknown prompt version) never costs a call.
 *
 * @param task      task name
 * @param prompt    the rendered prompt (with its template)
 * @param model     the model name to send
 * @param titleSent whether a title went into the prompt (decides how a title-then-body answer is read)
 */
public record PreparedCall(String task, RenderedPrompt prompt, String model, boolean titleSent) {
}
