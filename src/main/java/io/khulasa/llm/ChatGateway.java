package io.khulasa.llm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.khulasa.config.KhulasaConfig;
import io.quarkus.logging.Log;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
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
    private final StreamingChatModel streamingModel;
    private final Duration streamTimeout;
    private final KhulasaConfig.Llm config;
    private final LlmMetrics metrics;

    public ChatGateway(ChatModel chatModel, StreamingChatModel streamingModel,
            @ConfigProperty(name = "quarkus.langchain4j.openai.timeout", defaultValue = "180s") Duration llmTimeout,
            KhulasaConfig config, LlmMetrics metrics) {
        this.chatModel = chatModel;
        this.streamingModel = streamingModel;
        // The client's timeout covers the wait for the first bytes; a stream may legitimately run longer than that.
        this.streamTimeout = llmTimeout.multipliedBy(2);
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
        int maxAttempts = Math.max(1, config.maxAttempts());
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

    /**
     * Makes the call as a stream ({@code stream: true}): each piece of the completion is handed to {@code onDelta} as
     * the LLM produces it, then the complete result is returned. The rules of {@link #complete} hold: a completion cut
     * by the output limit throws {@link LlmException.Kind#TRUNCATED} (after its pieces were delivered, so a caller
     * that forwarded them must say the text is incomplete), an empty one {@link LlmException.Kind#EMPTY}. Failures
     * are retried within {@code khulasa.llm.max-attempts} only while nothing has been delivered: text already
     * forwarded cannot be taken back.
     *
     * @param onDelta called on the HTTP client's thread: must not block
     * @throws LlmException when no usable completion could be had
     */
    public LlmResult stream(LlmCall call, Consumer<String> onDelta) {
        long start = System.nanoTime();
        int maxAttempts = Math.max(1, config.maxAttempts());
        for (int attempt = 1;; attempt++) {
            AtomicBoolean delivered = new AtomicBoolean();
            try {
                ChatResponse response = awaitStream(call, onDelta, delivered);
                LlmResult result = result(call, response, start, attempt);
                metrics.succeeded(call.task(), call.model(), Duration.ofMillis(result.durationMs()), result.usage());
                return result;
            } catch (RuntimeException e) {
                LlmException failure = LlmErrorClassifier.classify(e).forTask(call.task());
                Duration wait = backoff(attempt, failure);
                if (delivered.get() || !failure.kind().retryable() || attempt >= maxAttempts || wait == null) {
                    Log.debugf("Streamed LLM call for %s failed after %d attempt(s): %s %s", call.task(), attempt,
                            failure.kind(), failure.getMessage());
                    metrics.failed(call.task(), call.model(), Duration.ofNanos(System.nanoTime() - start), failure.kind());
                    throw failure;
                }
                metrics.retried(call.task(), failure.kind());
                sleep(wait);
            }
        }
    }

    private ChatResponse awaitStream(LlmCall call, Consumer<String> onDelta, AtomicBoolean delivered) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streamingModel.chat(request(call), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                if (partial != null && !partial.isEmpty() && !done.isDone()) {
                    delivered.set(true);
                    onDelta.accept(partial);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get(streamTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            done.cancel(false);
            throw new LlmException(LlmException.Kind.TIMEOUT, "The streamed completion did not finish within "
                    + streamTimeout.toSeconds() + " s", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.cancel(false);
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while streaming the LLM call");
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
                .messages(SystemMessage.from(call.system()), UserMessage.from(call.user()))
                .parameters(params.build())
                .build();
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
