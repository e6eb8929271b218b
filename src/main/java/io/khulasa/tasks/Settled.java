package io.khulasa.tasks;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * How one concurrently run part of a request ended: a value or the failure that stopped it, never both. Lets a digest
 * report a failed part instead of losing it.
 */
public record Settled<T>(T value, RuntimeException failure) {

    /** Waits for the part to finish. */
    public static <T> Settled<T> of(Future<T> part) {
        try {
            return new Settled<>(part.get(), null);
        } catch (ExecutionException e) {
            return new Settled<>(null,
                    e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Settled<>(null, new IllegalStateException("interrupted"));
        }
    }
}
