package io.khulasa.eval;

import java.util.List;

/**
 * What one call to khulasa returned.
 *
 * @param output           translation or summary; {@code null} on failure
 * @param model            model named in the provenance, or {@code null}
 * @param inputTokens      provenance usage, 0 when absent
 * @param outputTokens     provenance usage, 0 when absent
 * @param serverDurationMs provenance {@code durationMs}, or {@code null}
 * @param latencyMs        wall-clock time of the HTTP call as seen by the client
 * @param warnings         provenance warnings (their {@code code} or text)
 * @param problemCode      RFC 9457 {@code code} on failure ({@code http-<status>} without one,
 *                         {@code client-timeout} / {@code connection-error} when no response), else {@code null}
 * @param httpStatus       HTTP status, 0 when there was no response
 */
public record CallOutcome(String output, String model, long inputTokens, long outputTokens, Long serverDurationMs,
        long latencyMs, List<String> warnings, String problemCode, int httpStatus) {

    public boolean succeeded() {
        return problemCode == null;
    }

    static CallOutcome failure(String code, int status, long latencyMs) {
        return new CallOutcome(null, null, 0, 0, null, latencyMs, List.of(), code, status);
    }
}
