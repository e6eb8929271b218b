package io.khulasa.tasks;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.khulasa.llm.LlmException;

/**
 * How one concurrently run part of a request ended: its value or the failure that stopped it. Lets a digest report a
 * failed part instead of losing it.
 */
public sealed interface Settled<T> permits Settled.Done, Settled.Failed {

    /** The part succeeded. */
    record Done<T>(T value) implements Settled<T> {
    }

    /** The part failed. */
    record Failed<T>(RuntimeException failure) implements Settled<T> {
    }

    /** Waits for the part to finish. */
    static <T> Settled<T> of(Future<T> part) {
        try {
            return new Done<>(part.get());
        } catch (ExecutionException e) {
            return new Failed<>(e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            part.cancel(true);
            // the request was cancelled (its client left): an LLM call stopped, not a fault of the service
            return new Failed<>(new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while waiting for the part"));
        }
    }
}
