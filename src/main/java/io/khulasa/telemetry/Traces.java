package io.khulasa.telemetry;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * khulasa's access to tracing for code that is not always a CDI bean (unit tests build the pipeline by hand): the
 * SDK is installed by {@link TelemetryStartup} when the application starts; before that, and in plain unit tests, every
 * span is a no-op and {@link #currentTraceId()} is null.
 */
public final class Traces {

    /** The instrumentation scope of khulasa's own spans. */
    public static final String SCOPE = "io.khulasa";

    private static volatile OpenTelemetry openTelemetry = OpenTelemetry.noop();
    /**
     * Whether spans are recorded ({@link ExportSwitch}): when not, a pipeline step has no span of its own, since it
     * would be dropped anyway and making it current costs a few map writes on the request's context (issue 20).
     */
    private static volatile boolean recording = true;

    private Traces() {
    }

    static void install(OpenTelemetry sdk, boolean recordSpans) {
        openTelemetry = sdk;
        recording = recordSpans;
    }

    /**
     * Whether spans are recorded at all (an OTLP endpoint is configured): when not, code may skip building a span
     * whose attributes nobody reads; the trace (its id, its propagation) is the enclosing one.
     */
    public static boolean recording() {
        return recording;
    }

    public static Tracer tracer() {
        return openTelemetry.getTracer(SCOPE);
    }

    /** A span of khulasa's pipeline, child of the current one; end it (try-with-resources on {@link Step}). */
    public static Step step(String name) {
        return recording ? new Step(tracer().spanBuilder(name).startSpan()) : Step.NONE;
    }

    /** A span for work of {@code kind}, child of the current span. */
    public static SpanBuilder span(String name, SpanKind kind) {
        return tracer().spanBuilder(name).setSpanKind(kind);
    }

    /** Runs {@code work} in its own span, recording an exception's class as {@code error.type}. */
    public static <T> T inStep(String name, Supplier<T> work) {
        try (Step step = step(name)) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                step.fail(e);
                throw e;
            }
        }
    }

    /**
     * The current trace id (32 hex digits), or null when there is no valid trace: what answers ({@code provenance}) and
     * problem bodies carry so a report leads to the trace.
     */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /**
     * The current trace context as W3C headers ({@code traceparent}, {@code tracestate}), to keep with a job or put on
     * a Kafka record; empty when there is none.
     */
    public static Map<String, String> currentContextHeaders() {
        Map<String, String> headers = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, MapSetter.INSTANCE);
        return headers;
    }

    /** The remote span context in W3C headers kept by {@link #currentContextHeaders}, or an invalid one. */
    public static SpanContext remoteContext(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return SpanContext.getInvalid();
        }
        Context extracted = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), headers, MapGetter.INSTANCE);
        return Span.fromContext(extracted).getSpanContext();
    }

    /**
     * Starts the span that processes work submitted elsewhere (a job's article, a Kafka record): a new trace linked to
     * the submitting one, so processing on another replica, hours later, leads back to the request that asked for it.
     * The submitting trace's id is also an attribute ({@code khulasa.submitted.trace_id}) for backends that do not show
     * links.
     */
    public static Step processing(String name, SpanKind kind, Map<String, String> submittedContext) {
        SpanContext submitted = remoteContext(submittedContext);
        SpanBuilder builder = tracer().spanBuilder(name).setSpanKind(kind).setNoParent();
        if (submitted.isValid()) {
            builder.addLink(submitted);
            builder.setAttribute(SUBMITTED_TRACE_ID, submitted.getTraceId());
        }
        return new Step(builder.startSpan());
    }

    public static final AttributeKey<String> SUBMITTED_TRACE_ID = AttributeKey.stringKey("khulasa.submitted.trace_id");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** A started span made current; closing it ends it and restores the previous context. */
    public static final class Step implements AutoCloseable {
        /** The step of a service that records no span: the trace (its id, its propagation) is the enclosing one. */
        static final Step NONE = new Step(Span.getInvalid(), Scope.noop());

        private final Span span;
        private final Scope scope;

        Step(Span span) {
            this(span, span.makeCurrent());
        }

        private Step(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        public Span span() {
            return span;
        }

        public Step set(String key, long value) {
            span.setAttribute(key, value);
            return this;
        }

        public Step set(String key, String value) {
            if (value != null) {
                span.setAttribute(key, value);
            }
            return this;
        }

        public Step set(String key, boolean value) {
            span.setAttribute(key, value);
            return this;
        }

        /** Marks the span failed with {@code errorType} (a problem code or an exception class), never a message. */
        public Step fail(String errorType) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(ERROR_TYPE, errorType);
            return this;
        }

        /**
         * Marks the span failed by the exception's class name: exception messages can quote the article, so they never
         * go into a span.
         */
        public Step fail(Throwable e) {
            return fail(e.getClass().getName());
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    private enum MapSetter implements TextMapSetter<Map<String, String>> {
        INSTANCE;

        @Override
        public void set(Map<String, String> carrier, String key, String value) {
            if (carrier != null) {
                carrier.put(key, value);
            }
        }
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
