package io.khulasa.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.stream.Stream;

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
                Arguments.of("400 context too long", new LlmHttpException(400, "too long", null), LlmException.Kind.REJECTED),
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
        assertThat(e.getMessage()).isNotBlank().doesNotContain("boom");
    }
}
