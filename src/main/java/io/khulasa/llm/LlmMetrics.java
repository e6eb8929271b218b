package io.khulasa.llm;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What khulasa adds to the metrics quarkus-langchain4j already emits ({@code gen_ai_client_token_usage},
 * {@code gen_ai_client_operation_duration}, by model): the same figures by <em>task</em>, and LLM errors by kind.
 */
@ApplicationScoped
public class LlmMetrics {

    private final MeterRegistry registry;

    public LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void succeeded(String task, String model, Duration duration, Usage usage) {
        Timer.builder("khulasa.llm.duration").description("LLM call time by task and model, retries included")
                .tag("task", task).tag("model", model).tag("outcome", "success")
                .publishPercentileHistogram().register(registry).record(duration);
        registry.counter("khulasa.llm.tokens", "task", task, "model", model, "type", "input").increment(usage.inputTokens());
        registry.counter("khulasa.llm.tokens", "task", task, "model", model, "type", "output").increment(usage.outputTokens());
    }

    void failed(String task, String model, Duration duration, LlmException.Kind kind) {
        Timer.builder("khulasa.llm.duration").description("LLM call time by task and model, retries included")
                .tag("task", task).tag("model", model).tag("outcome", "failure")
                .publishPercentileHistogram().register(registry).record(duration);
        registry.counter("khulasa.llm.errors", "task", task, "model", model, "kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }

    void retried(String task, LlmException.Kind kind) {
        registry.counter("khulasa.llm.retries", "task", task, "kind", kind.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }
}
