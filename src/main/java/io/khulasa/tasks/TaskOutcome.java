package io.khulasa.tasks;

import io.khulasa.llm.LlmResult;
import io.khulasa.prompts.PromptTemplate;

/**
 * What one task produced.
 *
 * @param task   task name
 * @param text   the answer (summary or translation body)
 * @param title  the answer's title line when the prompt asked for one (translated title), else null
 * @param prompt the prompt version used
 * @param llm    the call's model, usage and timing
 */
public record TaskOutcome(String task, String text, String title, PromptTemplate prompt, LlmResult llm) {
}
