package io.khulasa.tasks;

import io.khulasa.llm.LlmResult;

/**
 * What one chunk of a long article cost.
 *
 * @param task         the chunk task, e.g. {@code translate-chunk}
 * @param index        0-based position of the chunk in the article (after any further split)
 * @param inputTokens  prompt tokens as the LLM reported them
 * @param outputTokens completion tokens as the LLM reported them
 * @param durationMs   wall time of the chunk's call, retries included
 * @param llmCalls     HTTP calls made for this chunk (retries, and a call cut by the output limit before the chunk was
 *                     split further, included)
 */
public record ChunkUsage(String task, int index, long inputTokens, long outputTokens, long durationMs, int llmCalls) {

    static ChunkUsage of(Task task, int index, CallOutcome outcome, int extraCalls) {
        LlmResult llm = outcome.llm();
        return new ChunkUsage(task.id(), index, llm.usage().inputTokens(), llm.usage().outputTokens(), llm.durationMs(),
                llm.attempts() + extraCalls);
    }
}
