package io.khulasa.llm;

import java.time.Duration;
import java.util.Optional;

/** The LLM could not give a usable answer. The kind decides the HTTP status the client sees. */
public class LlmException extends RuntimeException {

    /** What went wrong, with the status and stable problem code it maps to. */
    public enum Kind {
        /** No answer within {@code quarkus.langchain4j.openai.timeout}. */
        TIMEOUT(504, "llm-timeout", "The language model did not answer in time"),
        /** Connection refused, unknown host: the configured base URL is not reachable. */
        UNREACHABLE(503, "llm-unreachable", "The language model is unreachable"),
        /** Still rate-limited (HTTP 429) after the allowed retries. */
        RATE_LIMITED(503, "llm-rate-limited", "The language model is rate-limiting khulasa"),
        /** HTTP 5xx from the LLM after the allowed retries. */
        UPSTREAM(502, "llm-upstream-error", "The language model failed"),
        /** The LLM refused the request (HTTP 4xx other than 408/429): usually a wrong key or model name. */
        REJECTED(502, "llm-request-rejected", "The language model rejected the request"),
        /** The answer was not a valid chat completion. */
        MALFORMED(502, "llm-malformed-response", "The language model sent a malformed answer"),
        /** The completion was empty. */
        EMPTY(502, "llm-empty-completion", "The language model returned an empty completion"),
        /** The completion was cut by the output token limit ({@code finish_reason: length}). */
        TRUNCATED(502, "llm-truncated", "The language model's answer was cut off by its token limit"),
        /** Every LLM call slot ({@code khulasa.llm.max-in-flight}) stayed busy for {@code khulasa.llm.queue-timeout}. */
        SATURATED(503, "llm-saturated", "khulasa is at its limit of concurrent language model calls"),
        /** The circuit breaker is open after repeated LLM failures: failing fast instead of waiting for timeouts. */
        CIRCUIT_OPEN(503, "llm-circuit-open", "The language model is failing; calls are paused");

        private final int status;
        private final String code;
        private final String title;

        Kind(int status, String code, String title) {
            this.status = status;
            this.code = code;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String title() {
            return title;
        }

        /** Worth another try: the next call may well succeed. */
        public boolean retryable() {
            return this == RATE_LIMITED || this == UPSTREAM || this == UNREACHABLE;
        }

        /** A sign that the LLM itself is down or overloaded: counted by the circuit breaker. */
        public boolean llmOutage() {
            return this == UPSTREAM || this == TIMEOUT || this == UNREACHABLE;
        }

        /** Worth asking the fallback model: the primary is down, not the request wrong. */
        public boolean failsOver() {
            return llmOutage() || this == CIRCUIT_OPEN;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;
    private transient String task;

    public LlmException(Kind kind, String detail) {
        this(kind, detail, null, null);
    }

    public LlmException(Kind kind, String detail, Duration retryAfter, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the LLM asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
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
