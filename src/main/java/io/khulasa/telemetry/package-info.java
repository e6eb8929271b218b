/**
 * Traces (OpenTelemetry): the SDK, the export switch, trace ids for answers and problems, and the carrying of trace
 * context through job state and Kafka headers. A leaf package: every other package may use it, it uses none of them.
 * <p>
 * Never article text, prompts or answers in a span attribute or a log line: only sizes, counts, codes and names,
 * unless an operator turns on {@code khulasa.telemetry.capture-content} (docs/observability.md).
 */
package io.khulasa.telemetry;
