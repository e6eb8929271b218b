package io.khulasa.llm;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.config.KhulasaConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

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
 * <li><b>Per-model limit</b> ({@code khulasa.llm.model."<name>".max-in-flight}): a local server's parallel slots; a call
 * waits for one at most {@code khulasa.llm.capacity-wait}.</li>
 * </ul>
 * A server that says it is full (slots, queue, loading) is waited for with back-off, not counted as an outage or an
 * attempt. Streamed calls ({@link #stream}, through {@link ChatStreams}) pass the same limits (a slot is held for the
 * whole stream), the same attempt loop and the primary's circuit breaker; they have no fallback, since text already
 * forwarded cannot come from another model.
 * <p>
 * Blocking by design: callers run on virtual threads, so a slow LLM or a wait for a slot parks a virtual thread, not a
 * platform thread.
 */
@ApplicationScoped
public class ChatGateway {

    static final String CIRCUIT_BREAKER_NAME = "khulasa-llm";

    private final KhulasaConfig.Llm config;
    private final LlmMetrics metrics;
    private final ChatStreams streams;
    private final Route primary;
    private final Optional<Route> fallback;
    private final Semaphore slots;
    /** Per-model limits ({@code khulasa.llm.model."<name>".max-in-flight}), made on first use. */
    private final Map<String, Optional<Semaphore>> modelSlots = new ConcurrentHashMap<>();
    private final AtomicLong circuitOpenedAt = new AtomicLong();
    /** The primary's breaker as it last changed: {@link #completeAsync} starts a call without waiting only when closed. */
    private volatile CircuitBreakerState breakerState = CircuitBreakerState.CLOSED;
    /** The primary server's own token counts ({@code /tokenize}), for the silent-cut check; null: estimates only. */
    private final LlmServerInfo serverInfo;
    private final GenAiTelemetry genAi;

    /** A gateway without a fallback that judges the server's prompt counts by khulasa's estimates alone (tests). */
    public ChatGateway(ChatModel chatModel, ChatStreams streams, KhulasaConfig config, LlmMetrics metrics) {
        this(chatModel, streams, config, metrics, null);
    }

    /** A gateway without a fallback (tests). */
    ChatGateway(ChatModel chatModel, ChatStreams streams, KhulasaConfig config, LlmMetrics metrics,
            LlmServerInfo serverInfo) {
        this(chatModel, Optional.empty(), streams, config, metrics, serverInfo);
    }

    /** The gateway of the service: its models through {@link ChatClients}. */
    @jakarta.inject.Inject
    public ChatGateway(ChatClients clients, ChatStreams streams, KhulasaConfig config, LlmMetrics metrics,
            LlmServerInfo serverInfo) {
        this(clients.primary(), clients.fallback(), streams, config, metrics, serverInfo);
    }

    private ChatGateway(ChatModel chatModel, Optional<FallbackChatModel> fallbackModel, ChatStreams streams,
            KhulasaConfig config, LlmMetrics metrics, LlmServerInfo serverInfo) {
        this.serverInfo = serverInfo;
        this.config = config.llm();
        this.metrics = metrics;
        this.streams = streams;
        this.genAi = GenAiTelemetry.configured(metrics.registry(), this.config.fallback().baseUrl());
        int maxInFlight = Math.max(1, this.config.maxInFlight());
        // Fair: under contention, the call that waited longest gets the next slot.
        this.slots = new Semaphore(maxInFlight, true);
        metrics.inFlight(() -> maxInFlight - slots.availablePermits());
        this.primary = new Route("primary", chatModel, null, circuitBreaker(this.config.circuitBreaker()));
        this.fallback = fallbackModel.map(f -> new Route("fallback", f.model(), f.modelName(), null));
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
            return traced(primary, call, () -> attempts(primary, call, start, httpCalls, blocking(primary), null));
        } catch (LlmException failure) {
            return failOver(call, start, httpCalls, failure);
        }
    }

    /**
     * Makes the call without blocking when it can start at once: the primary's first HTTP exchange is made by the
     * caller's event loop, and the stage completes there with what {@link #complete} would return. Everything that
     * would wait runs on {@code threads} instead, as {@link #complete} does it: a call that must wait for a slot or
     * meets a circuit breaker that is not closed, every retry after a failed first exchange, the fallback model, and the server's own
     * token count of a prompt it has not counted yet. So the limits, retries, metrics and span are those of
     * {@link #complete}; only the thread differs.
     *
     * @param threads runs what may block (virtual threads)
     * @return the result, or a stage failed with the {@link LlmException} {@link #complete} would throw
     */
    public CompletionStage<LlmResult> completeAsync(LlmCall call, Executor threads) {
        Optional<Semaphore> modelSlot = Optional.empty();
        boolean started = false;
        if (primary.model() instanceof NonBlockingChatModel && breakerState == CircuitBreakerState.CLOSED) {
            modelSlot = modelSlot(call.model());
            if (modelSlot.isEmpty() || tryAcquireNow(modelSlot.get())) {
                started = tryAcquireNow(slots);
                if (!started) {
                    modelSlot.ifPresent(Semaphore::release);
                }
            }
        }
        if (!started) {
            return CompletableFuture.supplyAsync(() -> complete(call), threads);
        }
        long start = System.nanoTime();
        AtomicInteger httpCalls = new AtomicInteger(1);
        String model = call.model();
        GenAiTelemetry.Call traced = genAi.start(primary.name(), model, call);
        CompletionStage<ChatResponse> exchange;
        // The call's span, when it records, is the parent the LLM server sees in traceparent; otherwise the request's.
        Span callSpan = traced.span();
        try (Scope scope = callSpan.isRecording() ? callSpan.makeCurrent() : Scope.noop()) {
            exchange = ((NonBlockingChatModel) primary.model()).chatAsync(request(call, model));
        } catch (RuntimeException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        Optional<Semaphore> heldModelSlot = modelSlot;
        CompletableFuture<LlmResult> done = new CompletableFuture<>();
        exchange.whenComplete((response, error) -> {
            slots.release();
            heldModelSlot.ifPresent(Semaphore::release);
            RuntimeException exchangeFailure = error == null ? null : unwrap(error);
            if (exchangeFailure != null) {
                recordInBreaker(null, exchangeFailure);
            }
            RuntimeException failure = exchangeFailure;
            if (failure == null && !mayBlock(call, response)) {
                LlmResult result = null;
                // The span current only when it records: answered() sets its attributes on the current span, and a
                // span sampled out (a parent-based sampler: its parent too) takes none (GenAiTelemetry.finishAnswered).
                try (Scope scope = callSpan.isRecording() ? callSpan.makeCurrent() : Scope.noop()) {
                    result = answered(call, model, response, start, start, httpCalls.get(), true);
                } catch (RuntimeException e) {
                    failure = e; // a truncated or empty answer: the attempt loop decides, as for a blocking call
                }
                if (result != null) {
                    LlmResult answered = result;
                    done.complete(traced.finishAnswered(answered));
                    // Only now the breaker's record of the success (SmallRye's guard: a few microseconds warm, tens
                    // after an idle spell): on the summary's route the answer is checked and written within
                    // done.complete(), on this thread, so it no longer waits for the record (issue 20). A failure is
                    // recorded first, above.
                    recordInBreaker(response, null);
                    return;
                }
            }
            if (exchangeFailure == null) {
                recordInBreaker(response, null); // the exchange itself went well: a success, whatever follows
            }
            // The rest of the attempt loop (from the first exchange's outcome) in the call's span, then the fallback.
            RuntimeException first = failure;
            CompletableFuture.supplyAsync(() -> {
                try {
                    return traced.finish(() -> first == null ? resultOnce(call, model, response, start, httpCalls)
                            : attempts(primary, call, start, httpCalls, blocking(primary), first));
                } catch (CallStopped stopped) {
                    throw stopped.stopper();
                } catch (LlmException primaryFailure) {
                    return failOver(call, start, httpCalls, primaryFailure);
                }
            }, threads).whenComplete((r, f) -> settle(done, r, f));
        });
        return done;
    }

    /** A first answer whose checks may ask the server (its token count): checked as the blocking loop would. */
    private LlmResult resultOnce(LlmCall call, String model, ChatResponse response, long start, AtomicInteger httpCalls) {
        try {
            return answered(call, model, response, start, start, httpCalls.get(), true);
        } catch (RuntimeException e) {
            return attempts(primary, call, start, httpCalls, blocking(primary), e);
        }
    }

    /**
     * An answer in, for the blocking loop and the non-blocking call alike: recorded on the call's span, checked
     * ({@link #result}: a cut, empty or silently cut answer throws), counted as a success from {@code routeStart}.
     */
    private LlmResult answered(LlmCall call, String model, ChatResponse response, long start, long routeStart,
            int attempts, boolean fromPrimary) {
        genAi.responded(response);
        LlmResult result = result(call, model, response, start, attempts, fromPrimary);
        metrics.succeeded(call.task(), model, Duration.ofNanos(System.nanoTime() - routeStart), result.usage());
        return result;
    }

    private static void settle(CompletableFuture<LlmResult> done, LlmResult result, Throwable failure) {
        if (failure == null) {
            done.complete(result);
        } else {
            done.completeExceptionally(unwrap(failure));
        }
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    /** Whether checking {@code response} would ask the server for its token count (a blocking HTTP call). */
    private boolean mayBlock(LlmCall call, ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        return serverInfo != null && call.promptTokens() >= SILENT_CUT_MIN_TOKENS && usage != null
                && usage.inputTokenCount() != null && usage.inputTokenCount() > 0
                && serverInfo.tokenizes() && serverInfo.wouldAsk(promptText(call));
    }

    /**
     * Tells the primary's circuit breaker how the exchange {@link #completeAsync} made went, as {@link #guarded} does
     * for a blocking one. The breaker was closed when the exchange started; should it have opened meanwhile, the
     * answer still stands, as a blocking call's in flight does.
     */
    private void recordInBreaker(ChatResponse response, RuntimeException failure) {
        Guard breaker = primary.breaker();
        if (breaker == null) {
            return;
        }
        try {
            breaker.get(() -> {
                if (failure != null) {
                    throw failure;
                }
                return response;
            }, ChatResponse.class);
        } catch (RuntimeException replayed) {
            // the exchange's own failure (now counted), or the breaker opened by other calls meanwhile
        }
    }

    /** A slot at once, or none: a fair semaphore's waiting callers keep their turn (unlike {@code tryAcquire()}). */
    private static boolean tryAcquireNow(Semaphore slot) {
        try {
            return slot.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** After the primary failed: the same prompt to the fallback model, when one is set and the failure allows it. */
    private LlmResult failOver(LlmCall call, long start, AtomicInteger httpCalls, LlmException failure) {
        if (fallback.isEmpty() || !failure.kind().failsOver() || Thread.currentThread().isInterrupted()) {
            throw failure; // an interrupted call was stopped by khulasa: no model is asked again
        }
        Route route = fallback.get();
        Log.debugf("LLM call for %s: primary failed (%s), asking the fallback model", call.task(), failure.kind());
        try {
            LlmResult result = traced(route, call, () -> attempts(route, call, start, httpCalls, blocking(route), null));
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

    /**
     * Makes the call as a stream ({@code stream: true}): each piece of the completion is handed to {@code onDelta} as
     * the LLM produces it, then the complete result is returned. The rules of {@link #complete} hold: a completion cut
     * by the output limit throws {@link LlmException.Kind#TRUNCATED} (after its pieces were delivered, so a caller
     * that forwarded them must say the text is incomplete), an empty one {@link LlmException.Kind#EMPTY}. Failures
     * are retried only while nothing has been delivered: text already forwarded cannot be taken back. Streams always
     * go to the primary: text already forwarded cannot come from another model.
     *
     * @param onDelta called on the calling thread with each piece, in order; an exception it throws stops the stream
     *                (the exchange is closed, so the server stops generating) and is rethrown as it is, neither
     *                retried nor counted as the model's failure ({@link CallStopped})
     * @throws LlmException when no usable completion could be had
     */
    public LlmResult stream(LlmCall call, Consumer<String> onDelta) {
        return traced(primary, call, () -> attempts(primary, call, System.nanoTime(), new AtomicInteger(),
                (request, delivered) -> streams.stream(request, piece -> {
                    delivered.set(true);
                    try {
                        onDelta.accept(piece);
                    } catch (RuntimeException receiverFailure) {
                        // the receiver's failure (its client went away), not the model's
                        throw new CallStopped(receiverFailure);
                    }
                }), null));
    }

    /** One call to a route's model as a GenAI client span ({@link GenAiTelemetry}), retries and waits inside. */
    private LlmResult traced(Route route, LlmCall call, java.util.function.Supplier<LlmResult> attempts) {
        try {
            return genAi.chat(route.name(), route.modelName() == null ? call.model() : route.modelName(), call, attempts);
        } catch (CallStopped stopped) {
            throw stopped.stopper();
        }
    }

    /** One HTTP exchange with a model; {@code delivered} is set once any of its answer has been handed on. */
    @FunctionalInterface
    private interface Exchange {
        ChatResponse send(ChatRequest request, AtomicBoolean delivered);
    }

    private static Exchange blocking(Route route) {
        return (request, delivered) -> route.model().chat(request);
    }

    /**
     * The one attempt loop, for blocking and streamed calls alike: each HTTP call inside the bulkhead, the model's own
     * limit and the route's circuit breaker. Retries with back-off within the attempt budget, never once part of the
     * answer was delivered. A server that says it is full is waited for (with back-off, at most
     * {@code khulasa.llm.capacity-wait}) without using up attempts, then {@link LlmException.Kind#SATURATED}.
     */
    private LlmResult attempts(Route route, LlmCall call, long start, AtomicInteger httpCalls, Exchange exchange,
            RuntimeException firstFailure) {
        // Continuing a first exchange made without blocking (completeAsync): that exchange began the route.
        long routeStart = firstFailure == null ? System.nanoTime() : start;
        String model = route.modelName() == null ? call.model() : route.modelName();
        ChatRequest request = request(call, model);
        // A reprompt may use only what the task's first call left of the budget (LlmCall.maxAttempts).
        int maxAttempts = call.maxAttempts() > 0 ? Math.min(call.maxAttempts(), Math.max(1, config.maxAttempts()))
                : Math.max(1, config.maxAttempts());
        long capacityDeadline = 0;
        int capacityWaits = 0;
        RuntimeException pending = firstFailure;
        for (int attempt = 1;;) {
            AtomicBoolean delivered = new AtomicBoolean();
            try {
                if (pending != null) {
                    RuntimeException failed = pending;
                    pending = null;
                    throw failed; // the first exchange's failure, handled below as if it had happened here
                }
                ChatResponse response = guarded(route.breaker(), model, () -> exchange.send(request, delivered),
                        httpCalls);
                return answered(call, model, response, start, routeStart, httpCalls.get(), route == primary);
            } catch (RuntimeException e) {
                if (CallStopped.stopping(e)) {
                    throw e instanceof CallStopped stopped ? stopped : new CallStopped(e); // not retried, logged or counted
                }
                LlmException failure = LlmErrorClassifier.classify(e).forTask(call.task());
                if (failure.isServerAtCapacity() && !delivered.get()) {
                    long now = System.nanoTime();
                    capacityDeadline = capacityDeadline == 0 ? now + config.capacityWait().toNanos() : capacityDeadline;
                    Duration wait = backoff(++capacityWaits, failure);
                    if (wait != null && now + wait.toNanos() <= capacityDeadline) {
                        metrics.retried(call.task(), failure.kind());
                        Log.debugf("LLM call for %s: the server is at capacity, waiting %d ms", call.task(), wait.toMillis());
                        genAi.capacityWait(wait, failure.kind().code(), () -> sleep(wait));
                        continue; // a full server is not a failed attempt
                    }
                    failure = new LlmException(LlmException.Kind.SATURATED, failure.getMessage() + "; it stayed full for "
                            + config.capacityWait().toSeconds() + " s (khulasa.llm.capacity-wait)", Duration.ofSeconds(5),
                            null, e).forTask(call.task());
                }
                Duration wait = backoff(attempt, failure);
                if (delivered.get() || !failure.kind().retryable() || attempt >= maxAttempts || wait == null) {
                    Log.warnf("LLM call for %s (%s model %s) failed after %d attempt(s): %s: %s", call.task(),
                            route.name(), model, attempt, failure.kind().code(), failure.getMessage());
                    metrics.failed(call.task(), model, Duration.ofNanos(System.nanoTime() - routeStart), failure.kind());
                    throw failure;
                }
                metrics.retried(call.task(), failure.kind());
                Log.debugf("LLM call for %s: %s on attempt %d, retrying in %d ms", call.task(), failure.kind(), attempt,
                        wait.toMillis());
                sleep(wait);
                attempt++;
            }
        }
    }

    /**
     * Runs one HTTP call to the LLM in a bulkhead slot and, when {@code breaker} is set, through the circuit breaker;
     * an open circuit becomes {@link LlmException.Kind#CIRCUIT_OPEN}. Counts the call in {@code httpCalls}.
     */
    private ChatResponse guarded(Guard breaker, String model, java.util.function.Supplier<ChatResponse> httpCall,
            AtomicInteger httpCalls) {
        Optional<Semaphore> modelSlot = modelSlot(model);
        modelSlot.ifPresent(slot -> acquireModelSlot(slot, model));
        try {
            acquireSlot();
        } catch (LlmException e) {
            modelSlot.ifPresent(Semaphore::release);
            throw e;
        }
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
            modelSlot.ifPresent(Semaphore::release);
        }
    }

    private Optional<Semaphore> modelSlot(String model) {
        return modelSlots.computeIfAbsent(model, m -> {
            KhulasaConfig.ModelSettings settings = config.model().get(m);
            return settings == null || settings.maxInFlight().isEmpty() ? Optional.empty()
                    : Optional.of(new Semaphore(Math.max(1, settings.maxInFlight().getAsInt()), true));
        });
    }

    /** Waits, at most {@code capacity-wait}, for one of the model's own slots: its server's parallel slots. */
    private void acquireModelSlot(Semaphore slot, String model) {
        Duration wait = config.capacityWait();
        try {
            if (!slot.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) {
                throw new LlmException(LlmException.Kind.SATURATED, "All " + config.model().get(model).maxInFlight()
                        .getAsInt() + " call slots of model " + model + " stayed busy for " + wait.toSeconds()
                        + " s (khulasa.llm.model.\"" + model + "\".max-in-flight)", Duration.ofSeconds(5), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while waiting for a call slot of " + model);
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
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while waiting for an LLM call slot", null, e);
        }
    }

    /**
     * Whether the circuit breaker counts {@code failure}, thrown by an exchange on this thread, as a failed call: only
     * outages do; anything else (a 4xx rejection, a malformed answer, a call khulasa stopped itself) counts as a call
     * that worked.
     */
    static boolean countsAsOutage(Throwable failure) {
        return !CallStopped.stopping(failure) && LlmErrorClassifier.classify(failure).kind().llmOutage();
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
                .when(ChatGateway::countsAsOutage)
                .onStateChange(this::circuitChanged)
                .done().build();
    }

    private void circuitChanged(CircuitBreakerState state) {
        breakerState = state;
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

    /**
     * Below this share of khulasa's estimate, the prompt tokens a server reports mean it cut the prompt to its context
     * window without a word (Ollama's OpenAI route does): the answer is then of a part of the article only.
     */
    static final double SILENT_CUT = 0.75;
    /** Prompts shorter than this are never suspected: the estimate is too rough for them to tell. */
    static final int SILENT_CUT_MIN_TOKENS = 1024;

    /**
     * The prompt tokens the server should report for an uncut prompt: khulasa's estimate (o200k), corrected by the
     * ratio of the server's own count to that estimate when the server counts tokens ({@code POST /tokenize},
     * llama.cpp and vLLM). A model whose tokenizer needs half the tokens o200k does on Arabic then reports half the
     * estimate for a whole prompt, which is no cut. Only the primary's count is known; the fallback is judged by the
     * estimate.
     */
    private int expectedPromptTokens(LlmCall call, boolean fromPrimary) {
        int estimate = call.promptTokens();
        if (!fromPrimary || serverInfo == null) {
            return estimate;
        }
        // The estimate × (server count ÷ estimate), measured on this very prompt: the server's count of it.
        OptionalInt counted = serverInfo.count(promptText(call));
        return counted.isPresent() && counted.getAsInt() > 0 ? counted.getAsInt() : estimate;
    }

    /** The prompt as the server counts it: system, user and follow-up turns, one per line. */
    private static String promptText(LlmCall call) {
        StringBuilder prompt = new StringBuilder(call.system()).append('\n').append(call.user());
        for (LlmCall.Turn turn : call.followUp()) {
            prompt.append('\n').append(turn.text());
        }
        return prompt.toString();
    }

    private LlmResult result(LlmCall call, String model, ChatResponse response, long start, int attempts,
            boolean fromPrimary) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (response.finishReason() == FinishReason.LENGTH) {
            throw new LlmException(LlmException.Kind.TRUNCATED, "The completion for " + call.task()
                    + " stopped at the output token limit (finish_reason: length)").forTask(call.task());
        }
        TokenUsage usage = response.tokenUsage();
        Usage tokens = usage == null ? Usage.NONE
                : new Usage(nullToZero(usage.inputTokenCount()), nullToZero(usage.outputTokenCount()));
        if (call.promptTokens() >= SILENT_CUT_MIN_TOKENS && tokens.inputTokens() > 0) {
            int expected = expectedPromptTokens(call, fromPrimary);
            if (tokens.inputTokens() < SILENT_CUT * expected) {
                throw new LlmException(LlmException.Kind.CONTEXT_EXCEEDED, "The server counted " + tokens.inputTokens()
                        + " prompt tokens where about " + expected + " were sent: it cut the prompt to its context "
                        + "window without saying so (Ollama does; give it a larger context, e.g. OLLAMA_CONTEXT_LENGTH)",
                        null, new LlmException.ContextOverflow(expected, (int) tokens.inputTokens()), null)
                        .forTask(call.task());
            }
        }
        if (text == null || text.isBlank()) {
            throw new LlmException(LlmException.Kind.EMPTY, "The completion for " + call.task() + " is empty")
                    .forTask(call.task());
        }
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
