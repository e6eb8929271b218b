package io.khulasa.tasks;

import java.util.List;

/**
 * What a task (summary or translation) produced: one call's answer, or an answer put together from the chunks of a
 * long article. JSON answers, event streams, digests, batches and provenance all read it the same way.
 */
public sealed interface TaskResult permits TaskResult.OneCall, TaskResult.Chunked {

    /** The task as the client sees it: {@link Task#SUMMARIZE} or {@link Task#TRANSLATE}. */
    Task task();

    /** The answer: the summary or the translation body. */
    String text();

    /** The translated title, when a title was sent and the model gave one; else null. */
    String title();

    /** Every call that went into the answer: chunk calls in article order, then the reduce call if any. */
    List<CallOutcome> calls();

    /**
     * The article went in one call (or the extractive summary stood in for it).
     *
     * @param outcome the call's outcome
     */
    record OneCall(CallOutcome outcome) implements TaskResult {

        @Override
        public Task task() {
            return outcome.task().stepOf();
        }

        @Override
        public String text() {
            return outcome.text();
        }

        @Override
        public String title() {
            return outcome.title();
        }

        @Override
        public List<CallOutcome> calls() {
            return List.of(outcome);
        }
    }

    /**
     * The article went in chunks.
     *
     * @param task       {@code translate} or {@code summarize}
     * @param text       the reassembled translation, or the reduced summary
     * @param title      the translated title (from the first chunk), or null
     * @param calls      every successful call, chunk calls first in article order, then a reduce call if any
     * @param chunkUsage one entry per chunk, in article order
     * @param extraCalls calls that produced no usable answer but were made (completions cut by the output limit)
     */
    record Chunked(Task task, String text, String title, List<CallOutcome> calls, List<ChunkUsage> chunkUsage,
            int extraCalls) implements TaskResult {

        public Chunked {
            calls = List.copyOf(calls);
            chunkUsage = List.copyOf(chunkUsage);
        }
    }
}
