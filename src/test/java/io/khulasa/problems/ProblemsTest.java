package io.khulasa.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.khulasa.cleaning.ArticleRejectedException;
import io.khulasa.glossary.InvalidGlossaryException;
import io.khulasa.guards.EchoGuard;
import io.khulasa.guards.LanguageGuard;
import io.khulasa.guards.NumberGuard;
import io.khulasa.guards.OutputGuards;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.PromptNotFoundException;
import io.khulasa.security.AccessDeniedException;

/** The one failure→problem mapping, failure by failure. */
class ProblemsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ProblemException(ProblemType.MISSING_BODY, "no body"), 400, "missing-body"),
                Arguments.of(new ArticleRejectedException(ArticleRejectedException.NO_ARABIC_TEXT, "none"), 422,
                        "no-arabic-text"),
                Arguments.of(new ArticleRejectedException(ArticleRejectedException.MOJIBAKE_UNREPAIRABLE, "garbled"), 422,
                        "mojibake-unrepairable"),
                Arguments.of(new PromptNotFoundException("summarize", "v9", List.of("v1")), 404, "unknown-prompt-version"),
                Arguments.of(new InvalidGlossaryException("blank"), 400, "invalid-glossary"),
                Arguments.of(new OutputRejectedException(OutputGuards.EMPTY, "summarize", "empty", 2, null), 502,
                        "output-empty"),
                Arguments.of(new OutputRejectedException(LanguageGuard.CODE, "translate", "wrong", 2, null), 502,
                        "output-wrong-language"),
                Arguments.of(new OutputRejectedException(EchoGuard.CODE, "translate", "echo", 2, null), 502, "output-echo"),
                Arguments.of(new OutputRejectedException(NumberGuard.CODE, "summarize", "numbers", 2, null), 502,
                        "output-number-mismatch"),
                Arguments.of(new AccessDeniedException(AccessDeniedException.Reason.MISSING_KEY, "no key", null), 401,
                        "missing-api-key"),
                Arguments.of(new AccessDeniedException(AccessDeniedException.Reason.INVALID_KEY, "bad key", null), 403,
                        "invalid-api-key"),
                Arguments.of(new AccessDeniedException(AccessDeniedException.Reason.RATE_LIMITED, "slow down",
                        Duration.ofSeconds(3)), 429, "rate-limited"),
                Arguments.of(new IllegalStateException("a bug"), 500, "internal-error"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureHasItsProblem(RuntimeException failure, int status, String code) {
        Problem problem = Problems.of(failure);
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getCode()).isEqualTo(code);
        assertThat(problem.getType()).isEqualTo(Problem.TYPE_PREFIX + code);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getDetail()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(LlmException.Kind.class)
    void everyLlmFailureKindHasAProblemWithItsCode(LlmException.Kind kind) {
        Problem problem = Problems.of(new LlmException(kind, "what the server said"));
        assertThat(problem.getCode()).isEqualTo(kind.code());
        assertThat(problem.getStatus()).isBetween(502, 504);
        assertThat(problem.getDetail()).isEqualTo("what the server said");
    }

    @Test
    void aRejectedChunkNamesItsChunkAndAContextOverflowItsNumbers() {
        assertThat(Problems.of(new OutputRejectedException(LanguageGuard.CODE, "translate-chunk", "wrong", 2, 3))
                .getExtensions()).containsEntry("chunk", 3).containsEntry("llmCalls", 2);
        assertThat(Problems.of(new LlmException(LlmException.Kind.CONTEXT_EXCEEDED, "too long", null,
                new LlmException.ContextOverflow(24669, 8192), null)).getExtensions())
                .containsEntry("promptTokens", 24669).containsEntry("contextWindow", 8192);
    }

    @Test
    void headersTellTheClientWhenAndHowToComeBack() {
        assertThat(Problems.headers(new AccessDeniedException(AccessDeniedException.Reason.MISSING_KEY, "no key", null)))
                .containsKey("WWW-Authenticate");
        assertThat(Problems.headers(new AccessDeniedException(AccessDeniedException.Reason.RATE_LIMITED, "slow",
                Duration.ofMillis(1500)))).containsEntry("Retry-After", "2");
        assertThat(Problems.headers(new LlmException(LlmException.Kind.CIRCUIT_OPEN, "paused", Duration.ofSeconds(20),
                null))).containsEntry("Retry-After", "20");
    }

    /** Both parts of a digest failed: the summary's problem (and its Retry-After), both in {@code errors}. */
    @Test
    void aDigestWhosePartsBothFailedAnswersTheSummarysProblemWithBoth() {
        DigestFailedException failure = new DigestFailedException(
                new LlmException(LlmException.Kind.UNREACHABLE, "down", Duration.ofSeconds(5), null),
                new OutputRejectedException(EchoGuard.CODE, "translate", "echo", 2, null));
        Problem problem = Problems.of(failure);
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getCode()).isEqualTo("llm-unreachable");
        @SuppressWarnings("unchecked")
        Map<String, Problem> errors = (Map<String, Problem>) problem.getExtensions().get("errors");
        assertThat(errors.get("summary").getCode()).isEqualTo("llm-unreachable");
        assertThat(errors.get("translation").getCode()).isEqualTo("output-echo");
        assertThat(Problems.headers(failure)).containsEntry("Retry-After", "5");
    }

    /** One list: every code is kebab-case and no status/code pair is listed twice. */
    @Test
    void theListOfProblemTypesIsWellFormed() {
        Set<String> seen = new HashSet<>();
        for (ProblemType type : EnumSet.allOf(ProblemType.class)) {
            assertThat(type.code()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(type.status()).isBetween(400, 599);
            assertThat(seen.add(type.status() + " " + type.code())).as(type.name()).isTrue();
        }
    }
}
