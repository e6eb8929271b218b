package io.khulasa.tasks;

import java.util.List;

/**
 * What a task produced through chunking: the reassembled answer and every LLM call that went into it.
 *
 * @param task        the task as the client sees it ({@code translate} or {@code summarize})
 * @param text        the answer (translation body or summary)
 * @param title       the translated title, when a title was sent and the model gave one; else null
 * @param calls       every successful call, chunk calls first in article order, then a reduce call if any
 * @param chunkUsage  one entry per chunk, in article order
 * @param extraCalls  calls that produced no usable answer but were made (completions cut by the output limit)
 */
public record ChunkedOutcome(String task, String text, String title, List<TaskOutcome> calls, List<ChunkUsage> chunkUsage,
        int extraCalls) {

    public ChunkedOutcome {
        calls = List.copyOf(calls);
        chunkUsage = List.copyOf(chunkUsage);
    }

    /** How many chunks the article was processed in. */
    public int chunks() {
        return chunkUsage.size();
    }
}
