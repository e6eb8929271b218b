package io.khulasa.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * khulasa's own trace settings ({@code khulasa.telemetry.*}); the export switch and everything about the exporter are
 * Quarkus's standard {@code quarkus.otel.*} settings (docs/observability.md).
 */
@ConfigMapping(prefix = "khulasa.telemetry")
public interface TelemetryConfig {

    /**
     * {@code gen_ai.provider.name} of LLM spans and metrics; {@code openai} (the protocol khulasa speaks) unless set to
     * the server's provider.
     */
    @WithDefault("openai")
    String providerName();

    /**
     * Opt-in: record prompts and answers ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}) on LLM spans.
     * They hold the article's text: off unless an operator turns it on for debugging.
     */
    @WithDefault("false")
    boolean captureContent();
}
