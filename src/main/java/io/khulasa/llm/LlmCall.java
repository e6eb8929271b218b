package io.khulasa.llm;

import java.util.List;

/**
 * One chat completion to make.
 *
 * @param task            task name, for logs and metrics
 * @param model           the model name to send
 * @param system          system message
 * @param user            user message
 * @param temperature     null = the model's default
 * @param maxOutputTokens null = the model's default
 * @param followUp        turns sent after the user message, in order (e.g. a rejected answer and a reprompt);
 *                        empty for a plain call
 * @param maxAttempts     at most this many HTTP calls, retries included; 0 = {@code khulasa.llm.max-attempts}. Lets a
 *                        reprompt use only what the task's first call left of the budget.
 * @param promptTokens    the prompt's tokens as khulasa estimated them (0: not estimated); a server that reports far
 *                        fewer has cut the prompt to its context window without saying so
 */
public record LlmCall(String task, String model, String system, String user, Double temperature, Integer maxOutputTokens,
        List<Turn> followUp, int maxAttempts, int promptTokens) {

    public LlmCall {
        followUp = followUp == null ? List.of() : List.copyOf(followUp);
    }

    /** A plain call: system and user message, the configured attempt budget. */
    public LlmCall(String task, String model, String system, String user, Double temperature, Integer maxOutputTokens,
            int promptTokens) {
        this(task, model, system, user, temperature, maxOutputTokens, List.of(), 0, promptTokens);
    }

    /** This call continued by more turns, with at most {@code attempts} HTTP calls. */
    public LlmCall followedBy(List<Turn> turns, int attempts) {
        return new LlmCall(task, model, system, user, temperature, maxOutputTokens, turns, attempts, promptTokens);
    }

    /**
     * A message after the user message.
     *
     * @param assistant true for the model's own earlier answer, false for a user message
     * @param text      the message
     */
    public record Turn(boolean assistant, String text) {

        public static Turn assistant(String text) {
            return new Turn(true, text);
        }

        public static Turn user(String text) {
            return new Turn(false, text);
        }
    }
}
