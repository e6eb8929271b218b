package io.khulasa.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * What khulasa adds to the GenAI histograms ({@code gen_ai_client_token_usage},
 * {@code gen_ai_client_operation_duration}, by model and server: {@link GenAiTelemetry}): the same figures by
 * <em>task</em>, LLM errors by kind, and the
 * protection around the calls (calls in flight, circuit breaker state, fallbacks). A call answered by the fallback
 * model is tagged with that model's name.
 */
@ApplicationScoped
public class LlmMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger circuitOpen = new AtomicInteger();

    public LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("khulasa.llm.circuit.open", circuitOpen, AtomicInteger::get)
                .description("1 while the LLM circuit breaker is open or half-open, else 0").register(registry);
    }

    /** The registry, for the GenAI histograms ({@link GenAiTelemetry}). */
    MeterRegistry registry() {
        return registry;
    }

    void inFlight(Supplier<Number> inFlight) {
        Gauge.builder("khulasa.llm.in.flight", inFlight, s -> s.get().doubleValue())
                .description("LLM HTTP calls in flight (bulkhead: khulasa.llm.max-in-flight)")
                // The supplier is a lambda nobody else holds; a weak reference would lose it.
                .strongReference(true).register(registry);
    }

    void circuitState(CircuitBreakerState state) {
        circuitOpen.set(state == CircuitBreakerState.CLOSED ? 0 : 1);
    }

    void fellBack(String task, LlmException.Kind reason, boolean answered) {
        registry.counter("khulasa.llm.fallbacks", "task", task, "reason", reason.name().toLowerCase(Locale.ROOT),
                "outcome", answered ? "success" : "failure").increment();
    }

    void succeeded(String task, String model, Duration duration, Usage usage) {
        Answered meters = answered.computeIfAbsent(new TaskModel(task, model), key -> new Answered(
                duration(key, "success"),
                registry.counter("khulasa.llm.tokens", "task", task, "model", model, "type", "input"),
                registry.counter("khulasa.llm.tokens", "task", task, "model", model, "type", "output")));
        meters.duration().record(duration);
        meters.inputTokens().increment(usage.inputTokens());
        meters.outputTokens().increment(usage.outputTokens());
    }

    private record TaskModel(String task, String model) {
    }

    private record Answered(Timer duration, Counter inputTokens, Counter outputTokens) {
    }

    /**
     * An answered call's meters by task and model, registered on first use: looking three meters up in the registry
     * (their tags sorted, their ids built) on every call was a measurable part of a request's CPU (issue 20).
     */
    private final ConcurrentHashMap<TaskModel, Answered> answered = new ConcurrentHashMap<>();

    private Timer duration(TaskModel key, String outcome) {
        return Timer.builder("khulasa.llm.duration").description("LLM call time by task and model, retries included")
                .tag("task", key.task()).tag("model", key.model()).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry);
    }

    void failed(String task, String model, Duration duration, LlmException.Kind kind) {
        duration(new TaskModel(task, model), "failure").record(duration);
        registry.counter("khulasa.llm.errors", "task", task, "model", model, "kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }

    void retried(String task, LlmException.Kind kind) {
        registry.counter("khulasa.llm.retries", "task", task, "kind", kind.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }
}
