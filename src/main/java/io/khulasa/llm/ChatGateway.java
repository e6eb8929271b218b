package io.khulasa.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.config.KhulasaConfig;
import io.quarkus.logging.Log;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * The one place that calls the chat model. It sends a rendered prompt with its generation parameters, retries what is
 * worth retrying (429 honouring {@code Retry-After}, 5xx, refused connections) with exponential back-off within
 * {@code khulasa.llm.max-attempts} calls, and turns every failure into an {@link LlmException}. A completion that is
 * empty or cut by the token limit is an error, never returned as if complete.
 * <p>
 * Blocking by design: callers run on virtual threads, so a slow LLM parks a virtual thread, not a platform thread.
 */
@ApplicationScoped
public class ChatGateway {

    private final ChatModel chatModel;
    private final KhulasaConfig.Llm config;
    private final LlmMetrics metrics;

    public ChatGateway(ChatModel chatModel, KhulasaConfig config, LlmMetrics metrics) {
        this.chatModel = chatModel;
        this.config = config.llm();
        this.metrics = metrics;
    }

    /**
     * Makes the call.
     *
     * @throws LlmException when no usable completion could be had within the attempt budget
     */
    public LlmResult complete(LlmCall call) {
        long start = System.nanoTime();
        int maxAttempts = call.maxAttempts() > 0 ? Math.min(call.maxAttempts(), config.maxAttempts())
                : Math.max(1, config.maxAttempts());
        for (int attempt = 1;; attempt++) {
            try {
                ChatResponse response = chatModel.chat(request(call));
                LlmResult result = result(call, response, start, attempt);
                metrics.succeeded(call.task(), call.model(), Duration.ofMillis(result.durationMs()), result.usage());
                return result;
            } catch (RuntimeException e) {
                LlmException failure = LlmErrorClassifier.classify(e).forTask(call.task());
                Duration wait = backoff(attempt, failure);
                if (!failure.kind().retryable() || attempt >= maxAttempts || wait == null) {
                    Log.debugf("LLM call for %s failed after %d attempt(s): %s %s", call.task(), attempt,
                            failure.kind(), failure.getMessage());
                    metrics.failed(call.task(), call.model(), Duration.ofNanos(System.nanoTime() - start), failure.kind());
                    throw failure;
                }
                metrics.retried(call.task(), failure.kind());
                Log.debugf("LLM call for %s: %s on attempt %d, retrying in %d ms", call.task(), failure.kind(), attempt,
                        wait.toMillis());
                sleep(wait);
            }
        }
    }

    private static ChatRequest request(LlmCall call) {
        DefaultChatRequestParameters.Builder<?> params = ChatRequestParameters.builder().modelName(call.model());
        if (call.temperature() != null) {
            params.temperature(call.temperature());
        }
        if (call.maxOutputTokens() != null) {
            params.maxOutputTokens(call.maxOutputTokens());
        }
        return ChatRequest.builder()
                .messages(messages(call))
                .parameters(params.build())
                .build();
    }

    /** System, user, then the follow-up turns (a rejected answer and its reprompt). */
    private static List<ChatMessage> messages(LlmCall call) {
        List<ChatMessage> messages = new ArrayList<>(2 + call.followUp().size());
        messages.add(SystemMessage.from(call.system()));
        messages.add(UserMessage.from(call.user()));
        for (LlmCall.Turn turn : call.followUp()) {
            messages.add(turn.assistant() ? AiMessage.from(turn.text()) : UserMessage.from(turn.text()));
        }
        return messages;
    }

    private static LlmResult result(LlmCall call, ChatResponse response, long start, int attempts) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (response.finishReason() == FinishReason.LENGTH) {
            throw new LlmException(LlmException.Kind.TRUNCATED, "The completion for " + call.task()
                    + " stopped at the output token limit (finish_reason: length)").forTask(call.task());
        }
        if (text == null || text.isBlank()) {
            throw new LlmException(LlmException.Kind.EMPTY, "The completion for " + call.task() + " is empty")
                    .forTask(call.task());
        }
        TokenUsage usage = response.tokenUsage();
        Usage tokens = usage == null ? Usage.NONE
                : new Usage(nullToZero(usage.inputTokenCount()), nullToZero(usage.outputTokenCount()));
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        Log.debugf("LLM call for %s: model %s, %d in / %d out tokens, %d ms, %d attempt(s)", call.task(), call.model(),
                tokens.inputTokens(), tokens.outputTokens(), durationMs, attempts);
        return new LlmResult(text.strip(), call.model(), tokens, durationMs, attempts);
    }

    /** Exponential back-off with jitter; a Retry-After longer than the longest back-off is not waited for (null). */
    Duration backoff(int attempt, LlmException failure) {
        Duration max = config.maxBackoff();
        if (failure.retryAfter().isPresent()) {
            Duration asked = failure.retryAfter().get();
            return asked.compareTo(max) > 0 ? null : asked;
        }
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, max.toMillis());
        long jitter = capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - jitter);
    }

    private static long nullToZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while waiting to retry the LLM call");
        }
    }
}
