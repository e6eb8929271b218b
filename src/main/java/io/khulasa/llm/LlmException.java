package io.khulasa.llm;

import java.time.Duration;
import java.util.Optional;

/** The LLM could not give a usable answer. The kind decides the problem the client sees (see the API's mapping). */
public class LlmException extends RuntimeException {

    /** What went wrong. {@link #code()} is the stable problem code and log/metric name. */
    public enum Kind {
        /** No answer within {@code quarkus.langchain4j.openai.timeout}. */
        TIMEOUT("llm-timeout"),
        /** Connection refused, unknown host: the configured base URL is not reachable. */
        UNREACHABLE("llm-unreachable"),
        /** Still rate-limited (HTTP 429) after the allowed retries. */
        RATE_LIMITED("llm-rate-limited"),
        /** HTTP 5xx from the LLM after the allowed retries. */
        UPSTREAM("llm-upstream-error"),
        /** The LLM refused the request (HTTP 4xx other than 408/429): usually a wrong key or model name. */
        REJECTED("llm-request-rejected"),
        /** The prompt does not fit the model's context window, even after re-planning in smaller chunks. */
        CONTEXT_EXCEEDED("llm-context-exceeded"),
        /** The answer was not a valid chat completion. */
        MALFORMED("llm-malformed-response"),
        /** The completion was empty. */
        EMPTY("llm-empty-completion"),
        /** The completion was cut by the output token limit ({@code finish_reason: length}). */
        TRUNCATED("llm-truncated"),
        /** A streamed completion ended without a finish reason, or with an error chunk. */
        STREAM_BROKEN("llm-stream-broken"),
        /**
         * No call slot within the wait: khulasa's own limit ({@code khulasa.llm.max-in-flight}, a model's
         * {@code max-in-flight}) or the server's (its slots full) stayed busy.
         */
        SATURATED("llm-saturated"),
        /** The circuit breaker is open after repeated LLM failures: failing fast instead of waiting for timeouts. */
        CIRCUIT_OPEN("llm-circuit-open");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** Worth another try: the next call may well succeed. */
        public boolean retryable() {
            return this == RATE_LIMITED || this == UPSTREAM || this == UNREACHABLE;
        }

        /** A sign that the LLM itself is down: counted by the circuit breaker. */
        public boolean llmOutage() {
            return this == UPSTREAM || this == TIMEOUT || this == UNREACHABLE;
        }

        /** Worth asking the fallback model: the primary is down, not the request wrong. */
        public boolean failsOver() {
            return llmOutage() || this == CIRCUIT_OPEN;
        }
    }

    /**
     * What the server said of a prompt over its context window, when it said so.
     *
     * @param promptTokens  the prompt's tokens as the server counted them (null when not given)
     * @param contextWindow the server's context window (null when not given)
     */
    public record ContextOverflow(Integer promptTokens, Integer contextWindow) {
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final ContextOverflow overflow;
    private final boolean serverAtCapacity;
    private transient String task;

    public LlmException(Kind kind, String detail) {
        this(kind, detail, null, null);
    }

    public LlmException(Kind kind, String detail, Duration retryAfter, Throwable cause) {
        this(kind, detail, retryAfter, null, cause);
    }

    public LlmException(Kind kind, String detail, Duration retryAfter, ContextOverflow overflow, Throwable cause) {
        this(kind, detail, retryAfter, overflow, false, cause);
    }

    private LlmException(Kind kind, String detail, Duration retryAfter, ContextOverflow overflow, boolean serverAtCapacity,
            Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.overflow = overflow;
        this.serverAtCapacity = serverAtCapacity;
    }

    /**
     * The server said it is full (its slots, its queue, a model loading): a reason to wait and try again, not an
     * outage. Becomes {@link Kind#SATURATED} when the wait is over.
     */
    static LlmException serverAtCapacity(String detail, Duration retryAfter, Throwable cause) {
        return new LlmException(Kind.SATURATED, detail, retryAfter, null, true, cause);
    }

    /** Whether the server said it is full (see {@link #serverAtCapacity}). */
    public boolean isServerAtCapacity() {
        return serverAtCapacity;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the LLM asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** For {@link Kind#CONTEXT_EXCEEDED}: what the server said of the prompt and its window. */
    public Optional<ContextOverflow> overflow() {
        return Optional.ofNullable(overflow);
    }

    /** The task whose call failed, when known. */
    public Optional<String> task() {
        return Optional.ofNullable(task);
    }

    LlmException forTask(String task) {
        this.task = task;
        return this;
    }
}
