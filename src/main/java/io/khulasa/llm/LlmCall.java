package io.khulasa.llm;

/**
 * One chat completion to make.
 *
 * @param task            task name, for logs and metrics
 * @param model           the model name to send
 * @param system          system message
 * @param user            user message
 * @param temperature     null = the model's default
 * @param maxOutputTokens null = the model's default
 */
public record LlmCall(String task, String model, String system, String user, Double temperature, Integer maxOutputTokens) {
}
