package io.khulasa.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.khulasa.config.KhulasaConfig;
import io.khulasa.testing.ScriptedModel;
import io.khulasa.testing.ScriptedModel.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The gateway's one attempt loop, blocking and streamed alike. */
class ChatGatewayTest {

    private final ScriptedModel model = new ScriptedModel();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ChatGateway gateway = new ChatGateway(model, model, config(Map.of()),
            new LlmMetrics(registry));

    static KhulasaConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withMapping(KhulasaConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("khulasa.llm.initial-backoff", "1ms",
                        "khulasa.llm.max-backoff", "20ms", "khulasa.llm.circuit-breaker.enabled", "false"), "defaults", 100))
                .withSources(new PropertiesConfigSource(settings, "test", 200))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidateUnknown(false).build().getConfigMapping(KhulasaConfig.class);
    }

    private static final LlmCall CALL = new LlmCall("summarize", "m", "system", "user", 0.2, 700, 0);

    /** Fails {@code failures} times with {@code status}, then answers. */
    private static java.util.function.Function<dev.langchain4j.model.chat.request.ChatRequest, Reply> failing(int failures,
            int status) {
        AtomicInteger calls = new AtomicInteger();
        return r -> calls.incrementAndGet() <= failures
                ? Reply.failing(new LlmHttpException(status, "{\"error\":{\"message\":\"busy\"}}", null))
                : Reply.text("جواب ", "كامل");
    }

    @Test
    void aBlockingCallIsRetriedAfterServerErrorsWithinTheBudget() {
        model.answering(failing(2, 502));
        LlmResult result = gateway.complete(CALL);
        assertThat(result.text()).isEqualTo("جواب كامل");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(model.requests()).hasSize(3);
    }

    @Test
    void aStreamedCallFollowsTheSameRulesWhileNothingWasDelivered() {
        model.answering(failing(2, 502));
        List<String> delivered = new ArrayList<>();
        LlmResult result = gateway.stream(CALL, delivered::add);
        assertThat(delivered).containsExactly("جواب ", "كامل");
        assertThat(result.attempts()).isEqualTo(3);
    }

    @Test
    void theAttemptBudgetBoundsBothKinds() {
        model.answering(failing(10, 502));
        assertThatThrownBy(() -> gateway.complete(CALL)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.UPSTREAM));
        assertThat(model.requests()).hasSize(4);
        assertThatThrownBy(() -> gateway.stream(CALL, text -> { })).isInstanceOf(LlmException.class);
        assertThat(model.requests()).hasSize(8);
    }

    @Test
    void aStreamIsNeverRetriedOnceTextWasDelivered() {
        model.answering(r -> new Reply(List.of("جواب "), null, new LlmHttpException(502, "", null)));
        List<String> delivered = new ArrayList<>();
        assertThatThrownBy(() -> gateway.stream(CALL, delivered::add)).isInstanceOf(LlmException.class);
        assertThat(delivered).containsExactly("جواب ");
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void aRejectionOrACutAnswerIsNotRetried() {
        model.answering(failing(10, 401));
        assertThatThrownBy(() -> gateway.complete(CALL)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.REJECTED));
        assertThat(model.requests()).hasSize(1);

        model.answering(r -> Reply.cut("جواب مقطوع"));
        assertThatThrownBy(() -> gateway.stream(CALL, text -> { })).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TRUNCATED));
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void aRepromptUsesOnlyWhatTheFirstCallLeft() {
        model.answering(failing(10, 502));
        assertThatThrownBy(() -> gateway.complete(CALL.followedBy(List.of(LlmCall.Turn.user("again")), 1)))
                .isInstanceOf(LlmException.class);
        assertThat(model.requests()).hasSize(1);
    }

    /**
     * A receiver that stops a stream (its client went away) gets its own exception back at once: one exchange, not
     * retried, not an LLM error.
     */
    @Test
    void aStreamItsReceiverStopsIsNotTheModelsFailure() {
        model.answering(r -> Reply.text("جواب ", "طويل ", "كامل"));
        IllegalStateException gone = new IllegalStateException("the client went away");
        for (int i = 0; i < 4; i++) {
            List<String> delivered = new ArrayList<>();
            assertThatThrownBy(() -> gateway.stream(CALL, text -> {
                delivered.add(text);
                throw gone;
            })).isSameAs(gone);
            assertThat(delivered).containsExactly("جواب ");
        }
        assertThat(model.requests()).as("one exchange per stream, none retried").hasSize(4);
        assertThat(registry.find("khulasa.llm.errors").counters()).isEmpty();
    }

    /**
     * A call whose thread is interrupted (its request was cancelled: the client went away, or a sibling chunk failed)
     * was stopped by khulasa: its failure goes back to the caller as it was, once, without an LLM error counted or a
     * retry.
     */
    @Test
    void aCallOnAnInterruptedThreadIsNotTheModelsFailure() {
        LlmException interrupted = new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while streaming the LLM call");
        model.answering(r -> {
            Thread.currentThread().interrupt(); // as a cancelled request's thread is, while the exchange is under way
            return Reply.failing(interrupted);
        });
        try {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> gateway.complete(CALL)).isSameAs(interrupted);
                assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
                assertThatThrownBy(() -> gateway.stream(CALL, text -> { })).isSameAs(interrupted);
                assertThat(Thread.interrupted()).isTrue();
            }
        } finally {
            Thread.interrupted();
        }
        assertThat(model.requests()).as("one exchange per call, none retried").hasSize(8);
        assertThat(registry.find("khulasa.llm.errors").counters()).isEmpty();
    }

    /**
     * What the circuit breaker counts as a failed call: an outage, never a call khulasa stopped itself (a few editors
     * pressing Stop would otherwise open it and refuse everyone's calls).
     */
    @Test
    void theBreakerCountsOutagesNotCallsKhulasaStopped() {
        assertThat(ChatGateway.countsAsOutage(new LlmHttpException(502, "", null))).as("a 502").isTrue();
        assertThat(ChatGateway.countsAsOutage(new java.net.ConnectException("refused"))).as("unreachable").isTrue();
        assertThat(ChatGateway.countsAsOutage(new LlmHttpException(401, "", null))).as("a rejection").isFalse();
        assertThat(ChatGateway.countsAsOutage(new CallStopped(new IllegalStateException("the client went away"))))
                .as("a stream its receiver stopped").isFalse();
        Thread.currentThread().interrupt();
        try {
            assertThat(ChatGateway.countsAsOutage(new LlmException(LlmException.Kind.UPSTREAM, "Interrupted")))
                    .as("an exchange on an interrupted thread").isFalse();
        } finally {
            Thread.interrupted();
        }
    }
}
