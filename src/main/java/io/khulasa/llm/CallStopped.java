package io.khulasa.llm;

/**
 * khulasa stopped an LLM call itself; the model did not fail. Either the receiver of a streamed answer threw (its
 * client went away), or the calling thread was interrupted (its request was cancelled: the client went away, or a
 * sibling chunk of the same request failed). The gateway neither retries the call nor counts it against the model
 * (the circuit breaker, the error metrics, the failure log, the fallback model); the HTTP exchange is closed, so the
 * server stops generating. The call's GenAI span and duration carry {@code error.type} {@value #ERROR_TYPE}, and the
 * gateway's callers get the {@link #stopper() stopper} back, as it was thrown.
 */
final class CallStopped extends RuntimeException {

    /** The {@code error.type} of a stopped call's GenAI span and duration. */
    static final String ERROR_TYPE = "cancelled";

    CallStopped(RuntimeException stopper) {
        super("khulasa stopped the LLM call", stopper, false, false);
    }

    /** What stopped the call: the receiver's exception, or the exchange's failure on an interrupted thread. */
    RuntimeException stopper() {
        return (RuntimeException) getCause();
    }

    /** Whether {@code failure}, thrown by an exchange on this thread, is khulasa stopping the call. */
    static boolean stopping(Throwable failure) {
        return failure instanceof CallStopped || Thread.currentThread().isInterrupted();
    }
}
