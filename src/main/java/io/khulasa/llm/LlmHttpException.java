package io.khulasa.llm;

import java.time.Duration;
import java.util.Optional;

import dev.langchain4j.exception.HttpException;

/**
 * An HTTP error from the LLM that keeps the {@code Retry-After} header, which LangChain4j's own {@link HttpException}
 * drops. Still an {@link HttpException}, so LangChain4j maps it as usual.
 */
public class LlmHttpException extends HttpException {

    private final Duration retryAfter;

    public LlmHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
