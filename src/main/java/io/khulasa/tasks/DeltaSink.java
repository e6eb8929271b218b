package io.khulasa.tasks;

/**
 * Receives a streamed answer in order. Always called on the thread that asked for the stream, never concurrently, so
 * an implementation may block (e.g. write to the HTTP response).
 */
public interface DeltaSink {

    /** A chunked answer: the text that follows belongs to chunk {@code index} (0-based) of {@code of}. */
    void chunk(int index, int of);

    /** The next piece of the answer. Concatenating every piece gives the whole answer. */
    void delta(String text);
}
