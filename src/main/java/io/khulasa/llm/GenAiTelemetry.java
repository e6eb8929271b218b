package io.khulasa.llm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.telemetry.Traces;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

/**
 * LLM calls as OpenTelemetry GenAI client operations (semantic conventions, {@code gen-ai-spans.md} and
 * {@code gen-ai-metrics.md}): one CLIENT span {@code chat <model>} per call to a model (its retries and waits inside),
 * and the {@code gen_ai.client.operation.duration} and {@code gen_ai.client.token.usage} histograms with the same
 * attributes, on {@code /q/metrics}.
 * <p>
 * Attributes: {@code gen_ai.operation.name} ({@code chat}), {@code gen_ai.provider.name}
 * ({@code khulasa.telemetry.provider-name}, {@code openai} by default: khulasa speaks the OpenAI protocol),
 * {@code gen_ai.request.model}, {@code gen_ai.response.model}, {@code gen_ai.response.finish_reasons},
 * {@code gen_ai.usage.input_tokens}/{@code output_tokens}, {@code server.address}/{@code server.port}, and
 * {@code error.type} (the problem code, e.g. {@code llm-timeout}) on failure. Prompts and answers are recorded
 * ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}) only when an operator sets
 * {@code khulasa.telemetry.capture-content=true}: they are the article.
 * <p>
 * quarkus-langchain4j's own listeners (a {@code completion} span and histograms without provider or server) are left
 * out of the build ({@code quarkus.arc.exclude-types}), so each call is one span and each series has one set of labels.
 */
final class GenAiTelemetry {

    static final String OPERATION = "chat";
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<String> TASK = AttributeKey.stringKey("khulasa.task");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("khulasa.llm.route");
    static final AttributeKey<Long> PROMPT_TOKENS_ESTIMATE = AttributeKey.longKey("khulasa.prompt.tokens_estimate");

    /** Bucket boundaries the conventions advise for the two histograms. */
    private static final double[] DURATION_BUCKETS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24,
            20.48, 40.96, 81.92 };
    private static final double[] TOKEN_BUCKETS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
            4194304, 16777216, 67108864 };

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a route's calls go, for {@code server.address}/{@code server.port}. */
    record Server(String address, Integer port) {
        static final Server UNKNOWN = new Server(null, null);

        static Server of(String baseUrl) {
            if (baseUrl == null || baseUrl.isBlank()) {
                return UNKNOWN;
            }
            try {
                URI uri = URI.create(baseUrl.strip());
                int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                return uri.getHost() == null ? UNKNOWN : new Server(uri.getHost(), port);
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }
    }

    private final MeterRegistry registry;
    private final String provider;
    private final boolean captureContent;
    private final Map<String, Server> servers;

    GenAiTelemetry(MeterRegistry registry, String provider, boolean captureContent, Map<String, Server> servers) {
        this.registry = registry;
        this.provider = provider;
        this.captureContent = captureContent;
        this.servers = Map.copyOf(servers);
    }

    /** Settings from configuration: provider name, content opt-in, the primary's and the fallback's base URLs. */
    static GenAiTelemetry configured(MeterRegistry registry, Optional<String> fallbackBaseUrl) {
        String provider = "openai";
        boolean capture = false;
        String primaryUrl = null;
        try {
            var config = ConfigProvider.getConfig();
            provider = config.getOptionalValue("khulasa.telemetry.provider-name", String.class)
                    .filter(s -> !s.isBlank()).orElse(provider);
            capture = config.getOptionalValue("khulasa.telemetry.capture-content", Boolean.class).orElse(false);
            primaryUrl = config.getOptionalValue("quarkus.langchain4j.openai.base-url", String.class).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            // A gateway built by hand in a unit test, without configuration: the defaults.
        }
        Map<String, Server> servers = new LinkedHashMap<>();
        servers.put("primary", Server.of(primaryUrl));
        servers.put("fallback", Server.of(fallbackBaseUrl.orElse(null)));
        return new GenAiTelemetry(registry, provider, capture, servers);
    }

    boolean capturesContent() {
        return captureContent;
    }

    /**
     * Runs one call to a model ({@code route}: primary or fallback) in its GenAI client span, and records its duration
     * and token usage.
     */
    LlmResult chat(String route, String model, LlmCall call, Supplier<LlmResult> attempts) {
        return start(route, model, call).finish(attempts);
    }

    /**
     * Opens the GenAI client span of one call to a model, for a call whose attempts do not all run on this thread
     * ({@link ChatGateway#completeAsync}); {@link Call#finish} ends it. The span is not current: make it so
     * ({@link Call#span}) around the work done for the call.
     */
    Call start(String route, String model, LlmCall call) {
        Server server = servers.getOrDefault(route, Server.UNKNOWN);
        if (!Traces.recording()) {
            // No span recorded: none built (a sampler would drop it after its eight attributes were collected). The
            // call is then sent in the request's own trace context, whose trace id the LLM server sees as before.
            return new Call(Span.getInvalid(), model, server, System.nanoTime());
        }
        var builder = Traces.span(OPERATION + " " + model, SpanKind.CLIENT)
                .setAttribute(OPERATION_NAME, OPERATION)
                .setAttribute(PROVIDER_NAME, provider)
                .setAttribute(REQUEST_MODEL, model)
                .setAttribute(TASK, call.task())
                .setAttribute(ROUTE, route)
                .setAttribute(PROMPT_TOKENS_ESTIMATE, (long) call.promptTokens());
        if (server.address() != null) {
            builder.setAttribute(SERVER_ADDRESS, server.address()).setAttribute(SERVER_PORT, (long) server.port());
        }
        if (call.temperature() != null) {
            builder.setAttribute(TEMPERATURE, call.temperature());
        }
        if (call.maxOutputTokens() != null) {
            builder.setAttribute(MAX_TOKENS, (long) call.maxOutputTokens());
        }
        Span span = builder.startSpan();
        if (captureContent) {
            span.setAttribute(INPUT_MESSAGES, inputMessages(call));
        }
        return new Call(span, model, server, System.nanoTime());
    }

    /** One call's open span: its duration counts from {@link #start}. */
    final class Call {
        private final Span span;
        private final String model;
        private final Server server;
        private final long start;

        private Call(Span span, String model, Server server, long start) {
            this.span = span;
            this.model = model;
            this.server = server;
            this.start = start;
        }

        Span span() {
            return span;
        }

        /**
         * Runs the rest of the call ({@code attempts}) with the span current, records its outcome, duration and token
         * usage, and ends the span.
         */
        LlmResult finish(Supplier<LlmResult> attempts) {
            // The calls inside send the current context as traceparent: the call's span, or (none built) the request's.
            return finish(attempts, span.getSpanContext().isValid());
        }

        /**
         * The non-blocking call's answer, already in: recorded as {@link #finish} does. Nothing is called inside, so the
         * span is made current only when it records (its attributes): making a span current rewrites the request's
         * logging context on the way in and out (Quarkus copies its MDC), work a span nobody records does not need.
         */
        LlmResult finishAnswered(LlmResult answered) {
            return finish(() -> answered, span.isRecording());
        }

        private LlmResult finish(Supplier<LlmResult> attempts, boolean makeCurrent) {
            try (Scope scope = makeCurrent ? span.makeCurrent() : Scope.noop()) {
                LlmResult result = attempts.get();
                span.setAttribute(INPUT_TOKENS, result.usage().inputTokens());
                span.setAttribute(OUTPUT_TOKENS, result.usage().outputTokens());
                if (captureContent) {
                    span.setAttribute(OUTPUT_MESSAGES, outputMessages(result.text()));
                }
                String responseModel = responseModel(span, result.model());
                record(Duration.ofNanos(System.nanoTime() - start), model, responseModel, server, "", result.usage());
                return result;
            } catch (LlmException e) {
                span.setStatus(StatusCode.ERROR);
                span.setAttribute(Traces.ERROR_TYPE, e.kind().code());
                record(Duration.ofNanos(System.nanoTime() - start), model, responseModel(span, ""), server,
                        e.kind().code(), null);
                throw e;
            } catch (CallStopped e) {
                span.setAttribute(Traces.ERROR_TYPE, CallStopped.ERROR_TYPE);
                record(Duration.ofNanos(System.nanoTime() - start), model, responseModel(span, ""), server,
                        CallStopped.ERROR_TYPE, null);
                throw e;
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR);
                span.setAttribute(Traces.ERROR_TYPE, e.getClass().getName());
                record(Duration.ofNanos(System.nanoTime() - start), model, "", server, e.getClass().getName(), null);
                throw e;
            } finally {
                span.end();
            }
        }
    }

    /** The model that answered, as {@link #responded} recorded it on the span; else {@code fallback}. */
    private final ThreadLocal<String> lastResponseModel = new ThreadLocal<>();

    private String responseModel(Span span, String fallback) {
        String recorded = lastResponseModel.get();
        lastResponseModel.remove();
        return recorded == null || recorded.isBlank() ? fallback : recorded;
    }

    /**
     * Records what the server answered on the current call's span: the model that answered, the finish reason, the
     * response id. Called on the calling thread right after each HTTP exchange, before the answer is judged, so a
     * truncated answer still shows {@code finish_reasons: ["length"]}.
     */
    void responded(ChatResponse response) {
        Span span = Span.current();
        if (response == null) {
            return;
        }
        if (response.modelName() != null) {
            span.setAttribute(RESPONSE_MODEL, response.modelName());
            lastResponseModel.set(response.modelName());
        }
        if (response.id() != null) {
            span.setAttribute(RESPONSE_ID, response.id());
        }
        if (response.finishReason() != null) {
            span.setAttribute(FINISH_REASONS, List.of(finishReason(response.finishReason())));
        }
    }

    /** A wait for the LLM server's capacity (it said it is full), as its own span under the call's. */
    void capacityWait(Duration wait, String errorCode, Runnable sleep) {
        Span span = Traces.span("llm capacity wait", SpanKind.INTERNAL)
                .setAttribute("khulasa.wait_ms", wait.toMillis())
                .setAttribute("khulasa.reason", errorCode)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            sleep.run();
        } finally {
            span.end();
        }
    }

    /** The OpenAI protocol's finish_reason values, which the conventions use. */
    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
    }

    private void record(Duration duration, String requestModel, String responseModel, Server server, String errorType,
            Usage usage) {
        Series meters = series.computeIfAbsent(new SeriesKey(requestModel, responseModel == null ? "" : responseModel,
                server, errorType), this::register);
        meters.duration().record(duration);
        if (usage != null && meters.inputTokens() != null) {
            meters.inputTokens().record(usage.inputTokens());
            meters.outputTokens().record(usage.outputTokens());
        }
    }

    /** The labels of one call's series. */
    private record SeriesKey(String requestModel, String responseModel, Server server, String errorType) {
    }

    /** One label set's meters: the token counts only for answered calls (a failed call has no usage). */
    private record Series(Timer duration, DistributionSummary inputTokens, DistributionSummary outputTokens) {
    }

    /**
     * The meters of each label set, registered on first use: a registration builds the tags, the meter's id and the
     * SLO buckets and looks them up in the registry, three times per call, on every request (issue 20). As many
     * entries as the registry has series.
     */
    private final java.util.concurrent.ConcurrentHashMap<SeriesKey, Series> series =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Series register(SeriesKey key) {
        // Every series has the same label names; error.type is empty on success (Prometheus treats an empty label
        // as absent, as the conventions want it).
        Tags tags = Tags.of(OPERATION_NAME.getKey(), OPERATION, PROVIDER_NAME.getKey(), provider,
                REQUEST_MODEL.getKey(), key.requestModel(), RESPONSE_MODEL.getKey(), key.responseModel(),
                SERVER_ADDRESS.getKey(), key.server().address() == null ? "" : key.server().address(),
                SERVER_PORT.getKey(), key.server().port() == null ? "" : key.server().port().toString(),
                Traces.ERROR_TYPE.getKey(), key.errorType());
        Timer duration = Timer.builder("gen_ai.client.operation.duration").description("GenAI operation duration "
                + "(OpenTelemetry GenAI semantic conventions): one call to a model, retries included")
                .tags(tags).serviceLevelObjectives(buckets(DURATION_BUCKETS)).register(registry);
        return key.errorType().isEmpty() ? new Series(duration, tokens(tags, "input"), tokens(tags, "output"))
                : new Series(duration, null, null);
    }

    private DistributionSummary tokens(Tags tags, String type) {
        return DistributionSummary.builder("gen_ai.client.token.usage")
                .description("Tokens used per call to a model (OpenTelemetry GenAI semantic conventions)")
                .tags(tags.and("gen_ai.token.type", type)).serviceLevelObjectives(TOKEN_BUCKETS).register(registry);
    }

    private static Duration[] buckets(double[] seconds) {
        Duration[] durations = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            durations[i] = Duration.ofNanos((long) (seconds[i] * 1e9));
        }
        return durations;
    }

    /** The conventions' JSON form of the messages; only with the opt-in. */
    private static String inputMessages(LlmCall call) {
        List<Map<String, Object>> messages = new ArrayList<>();
        messages.add(message("system", call.system()));
        messages.add(message("user", call.user()));
        for (LlmCall.Turn turn : call.followUp()) {
            messages.add(message(turn.assistant() ? "assistant" : "user", turn.text()));
        }
        return json(messages);
    }

    private static String outputMessages(String text) {
        Map<String, Object> message = new LinkedHashMap<>(message("assistant", text));
        message.put("finish_reason", "stop");
        return json(List.of(message));
    }

    private static Map<String, Object> message(String role, String text) {
        return Map.of("role", role, "parts", List.of(Map.of("type", "text", "content", text == null ? "" : text)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }
}
