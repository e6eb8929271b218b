package io.khulasa.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.khulasa.testing.ScriptedModel;
import io.khulasa.testing.ScriptedModel.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@link ChatGateway#completeAsync}: the first exchange made without blocking when it can start at once, everything
 * else (retries, a wait for a slot) on the blocking executor, with the results and failures {@link ChatGateway#complete}
 * gives.
 */
class ChatGatewayAsyncTest {

    private static final LlmCall CALL = new LlmCall("summarize", "m", "system", "user", 0.2, 700, 0);

    private final ScriptedModel model = new ScriptedModel();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** The blocking executor, counting what was handed to it. */
    private final AtomicInteger blockingRuns = new AtomicInteger();
    private final Executor blocking = work -> {
        blockingRuns.incrementAndGet();
        Thread.ofVirtual().start(work);
    };

    private ChatGateway gateway(NonBlockingChatModel chat, Map<String, String> settings) {
        return new ChatGateway(chat, model, ChatGatewayTest.config(settings), new LlmMetrics(registry));
    }

    private static LlmResult await(CompletionStage<LlmResult> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) (e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause());
        }
    }

    /** Fails {@code failures} times with {@code status}, then answers. */
    private static java.util.function.Function<ChatRequest, Reply> failing(int failures, int status) {
        AtomicInteger calls = new AtomicInteger();
        return r -> calls.incrementAndGet() <= failures
                ? Reply.failing(new LlmHttpException(status, "{\"error\":{\"message\":\"busy\"}}", null))
                : Reply.text("جواب ", "كامل");
    }

    @Test
    void anAnswerAtOnceIsTheBlockingCallsAnswerWithoutAHandOff() throws Exception {
        model.answering(r -> Reply.text("جواب ", "كامل"));
        ChatGateway gateway = gateway(model, Map.of());
        LlmResult async = await(gateway.completeAsync(CALL, blocking));
        LlmResult blocked = gateway.complete(CALL);
        assertThat(async.text()).isEqualTo(blocked.text()).isEqualTo("جواب كامل");
        assertThat(async.attempts()).isEqualTo(blocked.attempts()).isEqualTo(1);
        assertThat(async.usage()).isEqualTo(blocked.usage());
        assertThat(blockingRuns).hasValue(0);
        assertThat(model.requests()).hasSize(2);
        assertThat(model.requests().get(0)).isEqualTo(model.requests().get(1));
        // Counted as the blocking call is: both calls' prompt tokens.
        assertThat(registry.get("khulasa.llm.tokens").tag("type", "input").counter().count())
                .isEqualTo(2.0 * async.usage().inputTokens());
    }

    @Test
    void aFailedFirstExchangeIsRetriedOnTheBlockingExecutorWithinTheSameBudget() throws Exception {
        model.answering(failing(2, 502));
        LlmResult result = await(gateway(model, Map.of()).completeAsync(CALL, blocking));
        assertThat(result.text()).isEqualTo("جواب كامل");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(model.requests()).hasSize(3);
        assertThat(blockingRuns).hasValue(1);
    }

    @Test
    void theAttemptBudgetAndTheFailureAreThoseOfTheBlockingCall() {
        model.answering(failing(10, 502));
        ChatGateway gateway = gateway(model, Map.of());
        assertThatThrownBy(() -> await(gateway.completeAsync(CALL, blocking)))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.UPSTREAM));
        assertThat(model.requests()).hasSize(4);

        model.answering(failing(10, 401));
        assertThatThrownBy(() -> await(gateway.completeAsync(CALL, blocking)))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.REJECTED));
        assertThat(model.requests()).hasSize(5);
    }

    @Test
    void aCutOrEmptyAnswerFailsAsItDoesBlocking() {
        ChatGateway gateway = gateway(model, Map.of());
        model.answering(r -> Reply.cut("جواب مقطوع"));
        assertThatThrownBy(() -> await(gateway.completeAsync(CALL, blocking)))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TRUNCATED));
        model.answering(r -> Reply.text(" "));
        assertThatThrownBy(() -> await(gateway.completeAsync(CALL, blocking)))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.EMPTY));
    }

    @Test
    void aCallThatWouldWaitForASlotWaitsOnTheBlockingExecutor() throws Exception {
        // The first call's exchange stays open, holding the only slot; the second must wait for it, so it is handed
        // to the blocking executor instead of starting on the caller's thread.
        List<CompletableFuture<ChatResponse>> open = new ArrayList<>();
        NonBlockingChatModel held = new Held(model, open::add);
        model.answering(r -> Reply.text("جواب ", "كامل"));
        ChatGateway gateway = gateway(held, Map.of("khulasa.llm.max-in-flight", "1", "khulasa.llm.queue-timeout", "10s"));
        CompletionStage<LlmResult> first = gateway.completeAsync(CALL, blocking);
        CompletionStage<LlmResult> second = gateway.completeAsync(CALL, blocking);
        assertThat(blockingRuns).hasValue(1);
        assertThat(second.toCompletableFuture()).isNotDone();
        open.get(0).complete(model.doChat(ChatRequest.builder().messages(UserMessage.from("user")).build()));
        assertThat(await(first).text()).isEqualTo("جواب كامل");
        assertThat(await(second).text()).isEqualTo("جواب كامل");
    }

    /** A model whose non-blocking exchanges stay open until the test completes them. */
    private record Held(ScriptedModel blockingModel, Consumer<CompletableFuture<ChatResponse>> opened)
            implements NonBlockingChatModel {

        @Override
        public ChatResponse doChat(ChatRequest request) {
            return blockingModel.doChat(request);
        }

        @Override
        public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
            CompletableFuture<ChatResponse> exchange = new CompletableFuture<>();
            opened.accept(exchange);
            return exchange;
        }
    }
}
