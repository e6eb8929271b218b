package io.khulasa.llm;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.khulasa.config.KhulasaConfig;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * The one place that calls the chat model. It sends a rendered prompt with its generation parameters, retries what is
 * worth retrying (429 honouring {@code Retry-After}, 5xx, refused connections) with exponential back-off within
 * {@code khulasa.llm.max-attempts} calls, and turns every failure into an {@link LlmException}. A completion that is
 * empty or cut by the token limit is an error, never returned as if complete.
 * <p>
 * Protection, in the order a call meets it:
 * <ul>
 * <li><b>Bulkhead</b>: at most {@code khulasa.llm.max-in-flight} HTTP calls at once (both models). A call waits at
 * most {@code khulasa.llm.queue-timeout} for a slot on a fair semaphore, then fails with {@code SATURATED}: waiting
 * is bounded in time, so there is no unbounded queue.</li>
 * <li><b>Circuit breaker</b> on the primary model (SmallRye Fault Tolerance): when at least
 * {@code failure-ratio} of the last {@code request-volume-threshold} calls were outages (5xx, timeout, unreachable
 * — not 4xx rejections, not truncated or empty answers, which show a live LLM), calls fail at once with
 * {@code CIRCUIT_OPEN} for {@code delay}; then one probe goes through, and its success closes the breaker.</li>
 * <li><b>Fallback</b>: when the primary is down (outage after its retries, or breaker open) and
 * {@code khulasa.llm.fallback.base-url} is set, the same prompt goes to the fallback model; the result names the
 * model that answered.</li>
 * </ul>
 * Streamed calls ({@link #stream}) pass the same bulkhead (the slot is held for the whole stream) and the primary's
 * circuit breaker; they have no fallback, since a streaming fallback model is not configured.
 * <p>
 * Blocking by design: callers run on virtual threads, so a slow LLM or a wait for a slot parks a virtual thread, not a
 * platform thread.
 */
@ApplicationScoped
public class ChatGateway {

    static final String CIRCUIT_BREAKER_NAME = "khulasa-llm";

    private final KhulasaConfig.Llm config;
    private final LlmMetrics metrics;
    private final StreamingChatModel streamingModel;
    private final Duration streamTimeout;
    private final Route primary;
    private final Optional<Route> fallback;
    private final Semaphore slots;
    private final AtomicLong circuitOpenedAt = new AtomicLong();

    public ChatGateway(ChatModel chatModel, StreamingChatModel streamingModel,
            @ConfigProperty(name = "quarkus.langchain4j.openai.timeout", defaultValue = "180s") Duration llmTimeout,
            KhulasaConfig config, LlmMetrics metrics) {
        this.config = config.llm();
        this.metrics = metrics;
        this.streamingModel = streamingModel;
        // The client's timeout covers the wait for the first bytes; a stream may legitimately run longer than that.
        this.streamTimeout = llmTimeout.multipliedBy(2);
        int maxInFlight = Math.max(1, this.config.maxInFlight());
        // Fair: under contention, the call that waited longest gets the next slot.
        this.slots = new Semaphore(maxInFlight, true);
        metrics.inFlight(() -> maxInFlight - slots.availablePermits());
        this.primary = new Route("primary", chatModel, null, circuitBreaker(this.config.circuitBreaker()));
        this.fallback = FallbackChatModel.from(this.config.fallback())
                .map(f -> new Route("fallback", f.model(), f.modelName(), null));
        fallback.ifPresent(f -> Log.infof("Fallback LLM configured (model %s)",
                f.modelName() == null ? "as requested of the primary" : f.modelName()));
    }

    /**
     * Makes the call.
     *
     * @throws LlmException when no usable completion could be had within the attempt budget
     */
    public LlmResult complete(LlmCall call) {
        long start = System.nanoTime();
        AtomicInteger httpCalls = new AtomicInteger();
        try {
            return attempts(primary, call, start, httpCalls);
        } catch (LlmException failure) {
            if (fallback.isEmpty() || !failure.kind().failsOver()) {
                throw failure;
            }
            Route route = fallback.get();
            Log.debugf("LLM call for %s: primary failed (%s), asking the fallback model", call.task(), failure.kind());
            try {
                LlmResult result = attempts(route, call, start, httpCalls);
                metrics.fellBack(call.task(), failure.kind(), true);
                return result;
            } catch (LlmException fallbackFailure) {
                metrics.fellBack(call.task(), failure.kind(), false);
                // The primary's failure is what the client must know about (and its Retry-After); the fallback's is
                // added to the detail.
                throw new LlmException(failure.kind(), failure.getMessage() + "; the fallback model failed too ("
                        + fallbackFailure.kind().code() + ")", failure.retryAfter().orElse(null), failure)
                        .forTask(call.task());
            }
        }
    }

    /** One model's attempt loop: retries with back-off within the attempt budget. */
    private LlmResult attempts(Route route, LlmCall call, long start, AtomicInteger httpCalls) {
        long routeStart = System.nanoTime();
        String model = route.modelName() == null ? call.model() : route.modelName();
        // A reprompt may use only what the task's first call left of the budget (LlmCall.maxAttempts).
        int maxAttempts = call.maxAttempts() > 0 ? Math.min(call.maxAttempts(), Math.max(1, config.maxAttempts()))
                : Math.max(1, config.maxAttempts());
        for (int attempt = 1;; attempt++) {
            try {
                ChatResponse response = send(route, request(call, model), httpCalls);
                LlmResult result = result(call, model, response, start, httpCalls.get());
                metrics.succeeded(call.task(), model, Duration.ofNanos(System.nanoTime() - routeStart), result.usage());
                return result;
            } catch (RuntimeException e) {
                LlmException failure = LlmErrorClassifier.classify(e).forTask(call.task());
                Duration wait = backoff(attempt, failure);
                if (!failure.kind().retryable() || attempt >= maxAttempts || wait == null) {
                    Log.debugf("LLM call for %s (%s model) failed after %d attempt(s): %s %s", call.task(), route.name(),
                            attempt, failure.kind(), failure.getMessage());
                    metrics.failed(call.task(), model, Duration.ofNanos(System.nanoTime() - routeStart), failure.kind());
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
        AtomicInteger httpCalls = new AtomicInteger();
        int maxAttempts = Math.max(1, config.maxAttempts());
        for (int attempt = 1;; attempt++) {
            AtomicBoolean delivered = new AtomicBoolean();
            try {
                ChatResponse response = sendStreamed(call, onDelta, delivered, httpCalls);
                LlmResult result = result(call, call.model(), response, start, httpCalls.get());
                metrics.succeeded(call.task(), call.model(), Duration.ofNanos(System.nanoTime() - start), result.usage());
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

    /** One streamed HTTP call, inside the bulkhead (for its whole duration) and the primary's circuit breaker. */
    private ChatResponse sendStreamed(LlmCall call, Consumer<String> onDelta, AtomicBoolean delivered,
            AtomicInteger httpCalls) {
        // Streaming always goes to the primary: text already forwarded cannot come from another model.
        return guarded(primary.breaker(), () -> awaitStream(call, onDelta, delivered), httpCalls);
    }

    private ChatResponse awaitStream(LlmCall call, Consumer<String> onDelta, AtomicBoolean delivered) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        streamingModel.chat(request(call, call.model()), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.compareAndSet(null, context.streamingHandle());
                onPartialResponse(partial.text());
            }

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
            cancel(done, handle);
            throw new LlmException(LlmException.Kind.TIMEOUT, "The streamed completion did not finish within "
                    + streamTimeout.toSeconds() + " s", null, e);
        } catch (InterruptedException e) {
            // The request was given up (client gone, another chunk failed): stop the LLM writing for nobody.
            Thread.currentThread().interrupt();
            cancel(done, handle);
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while streaming the LLM call");
        }
    }

    private static void cancel(CompletableFuture<ChatResponse> done, AtomicReference<StreamingHandle> handle) {
        done.cancel(false);
        StreamingHandle h = handle.get();
        if (h != null && !h.isCancelled()) {
            try {
                h.cancel();
            } catch (RuntimeException e) {
                Log.debugf("Could not cancel the LLM stream: %s", e.getMessage());
            }
        }
    }

    /** One HTTP call, inside the bulkhead and (for the primary) the circuit breaker. */
    private ChatResponse send(Route route, ChatRequest request, AtomicInteger httpCalls) {
        return guarded(route.breaker(), () -> route.model().chat(request), httpCalls);
    }

    /**
     * Runs one HTTP call to the LLM in a bulkhead slot and, when {@code breaker} is set, through the circuit breaker;
     * an open circuit becomes {@link LlmException.Kind#CIRCUIT_OPEN}. Counts the call in {@code httpCalls}.
     */
    private ChatResponse guarded(Guard breaker, java.util.function.Supplier<ChatResponse> httpCall, AtomicInteger httpCalls) {
        acquireSlot();
        try {
            if (breaker == null) {
                httpCalls.incrementAndGet();
                return httpCall.get();
            }
            return breaker.get(() -> {
                httpCalls.incrementAndGet();
                return httpCall.get();
            }, ChatResponse.class);
        } catch (CircuitBreakerOpenException e) {
            Duration remaining = remainingOpenTime();
            throw new LlmException(LlmException.Kind.CIRCUIT_OPEN, "The LLM failed repeatedly; khulasa stopped calling it "
                    + "for " + config.circuitBreaker().delay().toSeconds() + " s (about " + remaining.toSeconds()
                    + " s left)", remaining, e);
        } finally {
            slots.release();
        }
    }

    private void acquireSlot() {
        Duration timeout = config.queueTimeout();
        try {
            if (!slots.tryAcquire(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
                throw new LlmException(LlmException.Kind.SATURATED, "All " + config.maxInFlight()
                        + " LLM call slots stayed busy for " + timeout.toMillis() + " ms", Duration.ofSeconds(1), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.SATURATED, "Interrupted while waiting for an LLM call slot",
                    Duration.ofSeconds(1), e);
        }
    }

    private Guard circuitBreaker(KhulasaConfig.CircuitBreaker breaker) {
        if (!breaker.enabled()) {
            return null;
        }
        return Guard.create().withDescription("LLM calls").withCircuitBreaker()
                .name(CIRCUIT_BREAKER_NAME)
                .requestVolumeThreshold(Math.max(1, breaker.requestVolumeThreshold()))
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(Math.max(1, breaker.successThreshold()))
                // Only outages count; anything else (4xx rejection, malformed answer) counts as a call that worked.
                .when(t -> LlmErrorClassifier.classify(t).kind().llmOutage())
                .onStateChange(this::circuitChanged)
                .done().build();
    }

    private void circuitChanged(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            circuitOpenedAt.set(System.nanoTime());
            Log.warnf("LLM circuit breaker open: failing LLM calls fast for %d s", config.circuitBreaker().delay().toSeconds());
        } else {
            Log.infof("LLM circuit breaker %s", state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        metrics.circuitState(state);
    }

    /** Time left until the breaker lets a probe through, rounded up to whole seconds (at least 1). */
    private Duration remainingOpenTime() {
        long elapsed = System.nanoTime() - circuitOpenedAt.get();
        long leftMs = config.circuitBreaker().delay().toMillis() - elapsed / 1_000_000;
        return Duration.ofSeconds(Math.max(1, (leftMs + 999) / 1000));
    }

    /**
     * A model to call.
     *
     * @param name      "primary" or "fallback", for logs
     * @param modelName the model name to send, or null for the one the task asked for
     * @param breaker   the circuit breaker guarding it, or null
     */
    private record Route(String name, ChatModel model, String modelName, Guard breaker) {
    }

    private static ChatRequest request(LlmCall call, String model) {
        DefaultChatRequestParameters.Builder<?> params = ChatRequestParameters.builder().modelName(model);
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

    private static LlmResult result(LlmCall call, String model, ChatResponse response, long start, int attempts) {
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
        Log.debugf("LLM call for %s: model %s, %d in / %d out tokens, %d ms, %d attempt(s)", call.task(), model,
                tokens.inputTokens(), tokens.outputTokens(), durationMs, attempts);
        return new LlmResult(text.strip(), model, tokens, durationMs, attempts);
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
