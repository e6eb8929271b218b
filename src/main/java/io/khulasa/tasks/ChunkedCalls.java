package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;

/**
 * A long text cut into chunks, with one prepared call per chunk: what a chunked plan runs. The prompter stays with the
 * calls because a chunk whose completion is cut by the output limit is split in two and its halves are prepared then.
 *
 * @param chunker  the chunker, with the budget the chunks were cut to
 * @param chunks   the chunks, in article order
 * @param calls    one prepared call per chunk, in the same order
 * @param prompter prepares the call of a chunk (a half, after a split)
 */
record ChunkedCalls(ArticleChunker chunker, List<Chunk> chunks, List<PreparedCall> calls, Prompter prompter) {

    /** Prepares the call for one chunk. */
    @FunctionalInterface
    interface Prompter {
        /**
         * @param chunk the chunk (index 0 only for the text's first piece)
         * @param part  its position for the prompt, e.g. {@code 2 of 5} or {@code 2 of 5, first half}
         * @param index 0-based index of the planned chunk it belongs to (reported when it fails)
         */
        PreparedCall prepare(Chunk chunk, String part, int index);
    }

    ChunkedCalls {
        chunks = List.copyOf(chunks);
        calls = List.copyOf(calls);
    }

    /** Cuts {@code text} and prepares every chunk's call. */
    static ChunkedCalls cut(ArticleChunker chunker, String text, Prompter prompter) {
        List<Chunk> chunks = chunker.chunk(text);
        List<PreparedCall> calls = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            calls.add(prompter.prepare(chunk, part(chunk.index(), chunks.size()), chunk.index()));
        }
        return new ChunkedCalls(chunker, chunks, calls, prompter);
    }

    static String part(int index, int of) {
        return (index + 1) + " of " + of;
    }

    int size() {
        return chunks.size();
    }

    /**
     * Between two answers of adjacent chunks: a blank line where the text had a paragraph break (the translation's
     * paragraph separator), a space where a long paragraph was cut.
     */
    static String separator(Chunk chunk) {
        if (chunk.separatorAfter().isEmpty()) {
            return "";
        }
        return chunk.endsParagraph() ? "\n\n" : " ";
    }
}
