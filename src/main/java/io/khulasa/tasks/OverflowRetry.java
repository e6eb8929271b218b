package io.khulasa.tasks;

import java.util.function.BiFunction;
import java.util.function.Function;

import io.khulasa.llm.LlmException;

/**
 * Runs a plan, and once more with a smaller plan when the server found a prompt over its context window
 * ({@link LlmException.Kind#CONTEXT_EXCEEDED}): the only failure a new plan can mend. A second overflow is the
 * request's answer (502 {@code llm-context-exceeded}); so is any other failure.
 */
final class OverflowRetry {

    private OverflowRetry() {
    }

    static <P> TaskResult run(P plan, Function<P, TaskResult> runOnce, BiFunction<P, LlmException, P> smaller) {
        try {
            return runOnce.apply(plan);
        } catch (LlmException e) {
            return afterFailure(plan, e, runOnce, smaller);
        }
    }

    /** What {@link #run} does once {@code plan}'s run failed: runs a smaller plan on an overflow, else throws. */
    static <P> TaskResult afterFailure(P plan, RuntimeException failure, Function<P, TaskResult> runOnce,
            BiFunction<P, LlmException, P> smaller) {
        if (!(failure instanceof LlmException e) || e.kind() != LlmException.Kind.CONTEXT_EXCEEDED) {
            throw failure;
        }
        return runOnce.apply(smaller.apply(plan, e));
    }

    /** Streamed: planned again only while nothing has been sent (an overflow comes before the first token). */
    static <P> TaskResult stream(P plan, SentTracker sink, BiFunction<P, DeltaSink, TaskResult> streamOnce,
            BiFunction<P, LlmException, P> smaller) {
        try {
            return streamOnce.apply(plan, sink);
        } catch (LlmException e) {
            if (e.kind() != LlmException.Kind.CONTEXT_EXCEEDED || sink.sentAny()) {
                throw e;
            }
            return streamOnce.apply(smaller.apply(plan, e), sink);
        }
    }
}
