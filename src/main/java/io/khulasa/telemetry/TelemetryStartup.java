package io.khulasa.telemetry;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Hands the application's OpenTelemetry SDK to {@link Traces} and says at start whether spans are exported. */
@Singleton
class TelemetryStartup {

    void start(@Observes StartupEvent event, OpenTelemetry openTelemetry, ExportSwitch exportSwitch,
            TelemetryConfig config) {
        Traces.install(openTelemetry, exportSwitch.exporting());
        if (config.captureContent()) {
            Log.warn("Traces: khulasa.telemetry.capture-content is on: LLM spans hold prompts and answers, the "
                    + "articles' text");
        }
        if (exportSwitch.exporting()) {
            Log.infof("Traces: exporting over OTLP to %s (gen_ai.provider.name %s)", exportSwitch.endpoint(),
                    config.providerName());
        } else {
            Log.info("Traces: not exported (set QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT to export); trace ids are still "
                    + "in answers and problems");
        }
    }
}
