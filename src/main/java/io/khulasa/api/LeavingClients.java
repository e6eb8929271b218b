package io.khulasa.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

import io.khulasa.llm.CallStops;

/**
 * Stops the model calls of a JSON request whose client closes its connection before the answer is written (a caller
 * that timed out, a desk tab closed): without it the call ran on until the model finished an answer no one would read,
 * holding one of the LLM server's slots and khulasa's calls in flight, and a caller that retried after its timeout
 * doubled the load. The calls the request makes on its own context are reset at once ({@link CallStops}); on a
 * blocking request its thread is interrupted too, which stops what it waits for on other threads (a long article's
 * chunks, a digest's two parts, a batch's articles) and what is waiting for a slot or a retry. Either way the calls are
 * {@code cancelled}, not failures of the model. Event streams stop with their client in {@link EventStreamWriter}.
 */
final class LeavingClients {

    private LeavingClients() {
    }

    /**
     * A non-blocking request's answer: its calls are stopped if the client leaves before it is written. Quarkus REST
     * cancels the stage a resource method returned when its client leaves (its own close handler, which takes the
     * response's one place for it once the method has returned), so the stopping hangs on that cancellation.
     */
    static <T> CompletionStage<T> stopCallsOnLeave(Supplier<CompletionStage<T>> work) {
        CallStops stops = CallStops.watch();
        CompletionStage<T> answer = work.get();
        if (stops == null) {
            return answer;
        }
        CompletableFuture<T> written = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                if (cancelled) {
                    stops.stop();
                }
                return cancelled;
            }
        };
        answer.whenComplete((value, failure) -> {
            if (failure == null) {
                written.complete(value);
            } else {
                written.completeExceptionally(failure);
            }
        });
        return written;
    }

    /**
     * A blocking request's answer, computed on this thread: if the client leaves meanwhile, the request's calls are
     * stopped and the thread is interrupted (only while it computes, never once the answer is being written). The
     * response's close handler is taken from Quarkus REST's, which only discards a request body still being read: by
     * the time a resource method runs, its body has been read whole.
     */
    static <T> T stopOnLeave(Supplier<T> work) {
        CallStops stops = CallStops.watch();
        Running running = new Running(Thread.currentThread());
        CurrentRequestManager.get().serverResponse().addCloseHandler(() -> {
            if (stops != null) {
                stops.stop();
            }
            running.interrupt();
        });
        try {
            return work.get();
        } finally {
            running.done();
        }
    }

    /** The request's thread, interrupted only while it still computes the answer. */
    private static final class Running {
        private final Thread thread;
        private boolean running = true;

        Running(Thread thread) {
            this.thread = thread;
        }

        synchronized void interrupt() {
            if (running) {
                thread.interrupt();
            }
        }

        synchronized void done() {
            running = false;
            Thread.interrupted(); // an interrupt that came while computing was this class's: not for the response writing
        }
    }
}
