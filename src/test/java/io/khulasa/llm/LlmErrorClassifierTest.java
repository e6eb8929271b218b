package io.khulasa.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
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

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("429 with Retry-After", new RateLimitException(new LlmHttpException(429, "", Duration.ofSeconds(3))),
                        LlmException.Kind.RATE_LIMITED),
                Arguments.of("500", new InternalServerException(new LlmHttpException(500, "boom", null)), LlmException.Kind.UPSTREAM),
                Arguments.of("503", new RuntimeException(new LlmHttpException(503, "", null)), LlmException.Kind.UPSTREAM),
                Arguments.of("504 from a proxy", new LlmHttpException(504, "", null), LlmException.Kind.TIMEOUT),
                Arguments.of("408", new LlmHttpException(408, "", null), LlmException.Kind.TIMEOUT),
                Arguments.of("401 wrong key", new LlmHttpException(401, "bad key", null), LlmException.Kind.REJECTED),
                Arguments.of("404 unknown model", new LlmHttpException(404, "no such model", null), LlmException.Kind.REJECTED),
                Arguments.of("400 bad request", new LlmHttpException(400, "{\"error\":{\"message\":\"invalid json\"}}", null),
                        LlmException.Kind.REJECTED),
                Arguments.of("400 llama.cpp context", new LlmHttpException(400, LLAMA_CPP_CONTEXT, null),
                        LlmException.Kind.CONTEXT_EXCEEDED),
                Arguments.of("400 OpenAI context", new LlmHttpException(400, OPENAI_CONTEXT, null),
                        LlmException.Kind.CONTEXT_EXCEEDED),
                Arguments.of("400 vLLM context", new LlmHttpException(400, VLLM_CONTEXT, null),
                        LlmException.Kind.CONTEXT_EXCEEDED),
                Arguments.of("500 llama.cpp slots full", new LlmHttpException(500, LLAMA_CPP_SLOTS_FULL, null),
                        LlmException.Kind.SATURATED),
                Arguments.of("503 Ollama busy", new LlmHttpException(503, OLLAMA_BUSY, null), LlmException.Kind.SATURATED),
                Arguments.of("stream error chunk", new LlmStreamException("broke", ServerError.parse(
                        "{\"error\":{\"code\":500,\"message\":\"llama_decode failed\",\"type\":\"server_error\"}}")),
                        LlmException.Kind.STREAM_BROKEN),
                Arguments.of("connection refused", new RuntimeException(new ConnectException("refused")), LlmException.Kind.UNREACHABLE),
                Arguments.of("unknown host", new UncheckedIOException(new UnknownHostException("llm")), LlmException.Kind.UNREACHABLE),
                Arguments.of("read timeout", new RuntimeException(new SocketTimeoutException("read")), LlmException.Kind.TIMEOUT),
                Arguments.of("vert.x timeout", new RuntimeException(new java.util.concurrent.TimeoutException()), LlmException.Kind.TIMEOUT),
                Arguments.of("broken JSON", new RuntimeException(new JsonParseException(null, "Unexpected end-of-input")),
                        LlmException.Kind.MALFORMED),
                Arguments.of("anything else", new IllegalStateException("?"), LlmException.Kind.UPSTREAM));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void classifies(String name, Throwable failure, LlmException.Kind kind) {
        assertThat(LlmErrorClassifier.classify(failure).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void neverLosesTheRetryAfterHint(String name, Throwable failure, LlmException.Kind kind) {
        LlmException e = LlmErrorClassifier.classify(failure);
        if (name.equals("429 with Retry-After")) {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        }
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
