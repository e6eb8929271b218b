package io.khulasa.llm;

/**
 * A complete, non-empty completion.
 *
 * @param text       the completion text
 * @param model      the model name sent to the model that answered (the fallback's when it answered)
 * @param usage      tokens as reported by the LLM (zero when it reported none)
 * @param durationMs wall time of the call, retries and back-off included
 * @param attempts   how many HTTP calls it took, to both models
 */
public record LlmResult(String text, String model, Usage usage, long durationMs, int attempts) {
}
