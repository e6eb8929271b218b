package io.khulasa.telemetry;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * The one switch for traces, read when the application starts (no rebuild): spans are sampled, and so exported by
 * Quarkus's OTLP exporter, only when an OTLP endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} or
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}). Without one, the SDK still runs: every request gets a trace id
 * (in provenance and problem bodies, on the log line), a client's {@code traceparent} is continued and passed to the
 * LLM server, but no span is recorded, so the exporter has nothing to send and a first run needs no collector and
 * logs no export error.
 * <p>
 * Why a sampler and not {@code quarkus.otel.sdk.disabled}: a disabled SDK has no trace ids to report and propagates
 * nothing. Why not {@code quarkus.otel.traces.exporter=none}: it is fixed at build time.
 * <p>
 * When exporting, the decision is Quarkus's default (parent-based, always on) and, as Quarkus does by default,
 * requests to the management paths ({@code /q/…}: health, metrics) are not traced.
 */
@Singleton
public class ExportSwitch implements Sampler {

    static final List<String> ENDPOINT_PROPERTIES = List.of("quarkus.otel.exporter.otlp.traces.endpoint",
            "quarkus.otel.exporter.otlp.endpoint");

    private final Optional<String> endpoint;
    private final Sampler delegate;

    @Inject
    public ExportSwitch(Config config) {
        this(ENDPOINT_PROPERTIES.stream()
                .map(config::getConfigValue)
                .filter(ExportSwitch::setByOperator)
                .map(value -> value.getValue().strip())
                .findFirst());
    }

    /**
     * Whether an endpoint was set by someone (environment, system property, a properties file), not Quarkus's own
     * default ({@code http://localhost:4317/}, which the packaged application reports from its defaults source): the
     * default must not switch exporting on, an explicit {@code http://localhost:4317} must.
     */
    static boolean setByOperator(ConfigValue value) {
        if (value == null || value.getValue() == null || value.getValue().isBlank()) {
            return false;
        }
        String source = value.getSourceName() == null ? "" : value.getSourceName().toLowerCase(java.util.Locale.ROOT);
        return value.getSourceOrdinal() > Integer.MIN_VALUE && !source.contains("default");
    }

    ExportSwitch(Optional<String> endpoint) {
        this.endpoint = endpoint;
        this.delegate = endpoint.isPresent() ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }

    public boolean exporting() {
        return endpoint.isPresent();
    }

    public String endpoint() {
        return endpoint.orElse(null);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.SERVER && isManagementPath(attributes)) {
            return SamplingResult.drop();
        }
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    private static boolean isManagementPath(Attributes attributes) {
        String path = attributes.get(io.opentelemetry.api.common.AttributeKey.stringKey("url.path"));
        return path != null && (path.equals("/q") || path.startsWith("/q/"));
    }

    @Override
    public String getDescription() {
        return "khulasa ExportSwitch{" + delegate.getDescription() + "}";
    }
}
