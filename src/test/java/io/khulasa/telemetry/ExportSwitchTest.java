package io.khulasa.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.smallrye.config.ConfigValue;

/** The one switch: Quarkus's default endpoint does not turn exporting on, an endpoint someone set does. */
class ExportSwitchTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void withoutAnEndpointNothingIsSampledSoNothingIsExported() {
        ExportSwitch off = new ExportSwitch(Optional.empty());
        assertThat(off.exporting()).isFalse();
        assertThat(off.shouldSample(Context.root(), TRACE, "POST /v1/summaries", SpanKind.SERVER, Attributes.empty(),
                List.of()).getDecision()).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void withAnEndpointRequestsAreSampledButNotTheManagementPaths() {
        ExportSwitch on = new ExportSwitch(Optional.of("http://collector:4317"));
        assertThat(on.exporting()).isTrue();
        assertThat(on.shouldSample(Context.root(), TRACE, "POST /v1/summaries", SpanKind.SERVER,
                Attributes.builder().put("url.path", "/v1/summaries").build(), List.of()).getDecision())
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(on.shouldSample(Context.root(), TRACE, "GET /q/health/ready", SpanKind.SERVER,
                Attributes.builder().put("url.path", "/q/health/ready").build(), List.of()).getDecision())
                .isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void quarkusOwnDefaultEndpointIsNotAnOperatorsSetting() {
        ConfigValue byDefault = ConfigValue.builder().withName("quarkus.otel.exporter.otlp.endpoint")
                .withValue("http://localhost:4317/").withConfigSourceName("DefaultValuesConfigSource")
                .withConfigSourceOrdinal(Integer.MIN_VALUE).build();
        ConfigValue fromEnvironment = ConfigValue.builder().withName("quarkus.otel.exporter.otlp.endpoint")
                .withValue("http://localhost:4317").withConfigSourceName("EnvConfigSource").withConfigSourceOrdinal(300)
                .build();
        assertThat(ExportSwitch.setByOperator(byDefault)).isFalse();
        assertThat(ExportSwitch.setByOperator(fromEnvironment)).isTrue();
        assertThat(ExportSwitch.setByOperator(ConfigValue.builder().withName("x").build())).isFalse();
    }
}
