package io.khulasa.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParseException;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;

/** The same failure arrives wrapped in different ways; each must land on one kind (and so one HTTP status). */
class LlmErrorClassifierTest {

    private static final Duration NONE = null;

    /**
     * Each failure, the kind it lands on, and the Retry-After khulasa must pass on to its client (none where the
     * server gave none, or where waiting cannot help: a rejection or a prompt over the context window).
     */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("429 with Retry-After", new RateLimitException(new LlmHttpException(429, "", Duration.ofSeconds(3))),
                        LlmException.Kind.RATE_LIMITED, Duration.ofSeconds(3)),
                Arguments.of("429 without Retry-After", new LlmHttpException(429, "", null), LlmException.Kind.RATE_LIMITED,
                        NONE),
                Arguments.of("429 twice wrapped", new RuntimeException(new RateLimitException(
                        new LlmHttpException(429, "", Duration.ofSeconds(120)))), LlmException.Kind.RATE_LIMITED,
                        Duration.ofSeconds(120)),
                Arguments.of("500", new InternalServerException(new LlmHttpException(500, "boom", null)), LlmException.Kind.UPSTREAM,
                        NONE),
                Arguments.of("500 with Retry-After", new InternalServerException(
                        new LlmHttpException(500, "boom", Duration.ofSeconds(7))), LlmException.Kind.UPSTREAM,
                        Duration.ofSeconds(7)),
                Arguments.of("503", new RuntimeException(new LlmHttpException(503, "", null)), LlmException.Kind.UPSTREAM, NONE),
                Arguments.of("503 with Retry-After", new RuntimeException(new LlmHttpException(503, "", Duration.ofSeconds(30))),
                        LlmException.Kind.UPSTREAM, Duration.ofSeconds(30)),
                Arguments.of("504 from a proxy", new LlmHttpException(504, "", null), LlmException.Kind.TIMEOUT, NONE),
                Arguments.of("504 with Retry-After", new LlmHttpException(504, "", Duration.ofSeconds(2)),
                        LlmException.Kind.TIMEOUT, Duration.ofSeconds(2)),
                Arguments.of("408", new LlmHttpException(408, "", null), LlmException.Kind.TIMEOUT, NONE),
                Arguments.of("401 wrong key", new LlmHttpException(401, "bad key", null), LlmException.Kind.REJECTED, NONE),
                Arguments.of("404 unknown model", new LlmHttpException(404, "no such model", null), LlmException.Kind.REJECTED,
                        NONE),
                Arguments.of("400 bad request", new LlmHttpException(400, "{\"error\":{\"message\":\"invalid json\"}}", null),
                        LlmException.Kind.REJECTED, NONE),
                Arguments.of("400 llama.cpp context", new LlmHttpException(400, LLAMA_CPP_CONTEXT, null),
                        LlmException.Kind.CONTEXT_EXCEEDED, NONE),
                Arguments.of("400 OpenAI context", new LlmHttpException(400, OPENAI_CONTEXT, null),
                        LlmException.Kind.CONTEXT_EXCEEDED, NONE),
                Arguments.of("400 vLLM context", new LlmHttpException(400, VLLM_CONTEXT, null),
                        LlmException.Kind.CONTEXT_EXCEEDED, NONE),
                Arguments.of("500 llama.cpp slots full", new LlmHttpException(500, LLAMA_CPP_SLOTS_FULL, null),
                        LlmException.Kind.SATURATED, NONE),
                Arguments.of("503 Ollama busy", new LlmHttpException(503, OLLAMA_BUSY, null), LlmException.Kind.SATURATED, NONE),
                Arguments.of("503 Ollama busy with Retry-After", new LlmHttpException(503, OLLAMA_BUSY, Duration.ofSeconds(1)),
                        LlmException.Kind.SATURATED, Duration.ofSeconds(1)),
                Arguments.of("stream error chunk", new LlmStreamException("broke", ServerError.parse(
                        "{\"error\":{\"code\":500,\"message\":\"llama_decode failed\",\"type\":\"server_error\"}}")),
                        LlmException.Kind.STREAM_BROKEN, NONE),
                Arguments.of("connection refused", new RuntimeException(new ConnectException("refused")), LlmException.Kind.UNREACHABLE,
                        NONE),
                Arguments.of("unknown host", new UncheckedIOException(new UnknownHostException("llm")), LlmException.Kind.UNREACHABLE,
                        NONE),
                Arguments.of("read timeout", new RuntimeException(new SocketTimeoutException("read")), LlmException.Kind.TIMEOUT,
                        NONE),
                Arguments.of("vert.x timeout", new RuntimeException(new java.util.concurrent.TimeoutException()),
                        LlmException.Kind.TIMEOUT, NONE),
                Arguments.of("broken JSON", new RuntimeException(new JsonParseException(null, "Unexpected end-of-input")),
                        LlmException.Kind.MALFORMED, NONE),
                Arguments.of("an LlmException already classified", new RuntimeException(new LlmException(
                        LlmException.Kind.RATE_LIMITED, "limited", Duration.ofSeconds(9), null)),
                        LlmException.Kind.RATE_LIMITED, Duration.ofSeconds(9)),
                Arguments.of("anything else", new IllegalStateException("?"), LlmException.Kind.UPSTREAM, NONE));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void classifies(String name, Throwable failure, LlmException.Kind kind, Duration retryAfter) {
        assertThat(LlmErrorClassifier.classify(failure).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}: Retry-After {3}")
    @MethodSource("failures")
    void neverLosesTheRetryAfterHint(String name, Throwable failure, LlmException.Kind kind, Duration retryAfter) {
        LlmException e = LlmErrorClassifier.classify(failure);
        assertThat(e.retryAfter()).as(name).isEqualTo(Optional.ofNullable(retryAfter));
        assertThat(e.getMessage()).isNotBlank();
    }

    /** The exact bodies real servers send (issue 13), and what khulasa keeps of them. */
    static final String LLAMA_CPP_CONTEXT = "{\"error\":{\"code\":400,\"message\":\"request (24669 tokens) exceeds the "
            + "available context size (8192 tokens), try increasing it\",\"type\":\"exceed_context_size_error\","
            + "\"n_prompt_tokens\":24669,\"n_ctx\":8192}}";
    static final String OPENAI_CONTEXT = "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens. "
            + "However, your messages resulted in 9013 tokens. Please reduce the length of the messages.\",\"type\":"
            + "\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}";
    static final String VLLM_CONTEXT = "{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 "
            + "tokens. However, you requested 5000 tokens (4000 in the messages, 1000 in the completion). Please reduce "
            + "the length of the messages or completion.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}";
    static final String LLAMA_CPP_SLOTS_FULL = "{\"error\":{\"code\":500,\"message\":\"Context size has been exceeded.\","
            + "\"type\":\"server_error\"}}";
    static final String OLLAMA_BUSY = "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}";

    @Test
    void aContextOverflowKeepsTheServersCounts() {
        assertThat(LlmErrorClassifier.classify(new LlmHttpException(400, LLAMA_CPP_CONTEXT, null)).overflow())
                .contains(new LlmException.ContextOverflow(24669, 8192));
        assertThat(LlmErrorClassifier.classify(new LlmHttpException(400, OPENAI_CONTEXT, null)).overflow())
                .contains(new LlmException.ContextOverflow(9013, 8192));
        assertThat(LlmErrorClassifier.classify(new LlmHttpException(400, VLLM_CONTEXT, null)).overflow())
                .contains(new LlmException.ContextOverflow(4000, 4096));
    }

    @Test
    void theServersWordsAreKeptSanitisedAndShort() {
        LlmException e = LlmErrorClassifier.classify(new LlmHttpException(500,
                "{\"error\":{\"message\":\"CUDA error:\\n out of memory\\u0007 (key sk-abcdefghijklmnop)\"}}", null));
        assertThat(e.getMessage()).isEqualTo("The LLM answered HTTP 500: CUDA error: out of memory (key sk-…)");
        String longBody = "{\"error\":\"" + "x".repeat(1000) + "\"}";
        String detail = LlmErrorClassifier.classify(new LlmHttpException(502, longBody, null)).getMessage();
        assertThat(detail.length()).isLessThanOrEqualTo("The LLM answered HTTP 502: ".length() + ServerError.MAX_MESSAGE);
        assertThat(LlmErrorClassifier.classify(new LlmHttpException(503, "<html><body>Bad gateway</body></html>", null))
                .getMessage()).contains("Bad gateway");
        assertThat(LlmErrorClassifier.classify(new LlmHttpException(500, LLAMA_CPP_SLOTS_FULL, null)).isServerAtCapacity())
                .isTrue();
        assertThat(LlmErrorClassifier.classify(new LlmHttpException(503, "overloaded", null)).isServerAtCapacity())
                .as("a generic 503 may be a proxy before a server that is down: an outage").isFalse();
    }

    /** A server that quotes the prompt in its error would put the (embargoed) article into logs and problems. */
    @Test
    void articleTextQuotedByTheServerIsWithheld() {
        String detail = LlmErrorClassifier.classify(new LlmHttpException(500, "{\"error\":{\"message\":\"failed on input: "
                + "أعلنت بلدية الزرقاء اليوم افتتاح حديقة السنديان الكبرى بعد ترميم استمر 3 سنوات.\"}}", null)).getMessage();
        assertThat(detail).isEqualTo("The LLM answered HTTP 500: failed on input: [article text].");
    }
}
