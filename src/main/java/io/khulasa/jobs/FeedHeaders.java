package io.khulasa.jobs;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The Kafka record headers khulasa reads and writes (UTF-8 strings). */
final class FeedHeaders {

    static final String REQUEST_ID = "khulasa-request-id";
    static final String JOB_ID = "khulasa-job-id";
    static final String MODEL = "khulasa-model";
    static final String PROMPTS = "khulasa-prompts";
    static final String PROBLEM = "khulasa-problem";

    private FeedHeaders() {
    }

    static String get(Headers headers, String name) {
        Header h = headers == null ? null : headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The W3C trace context headers of a record ({@code traceparent}, {@code tracestate}), as sent. */
    static java.util.Map<String, String> traceContext(Headers headers) {
        java.util.Map<String, String> context = new java.util.HashMap<>();
        for (String name : TRACE_CONTEXT) {
            String value = get(headers, name);
            if (value != null) {
                context.put(name, value);
            }
        }
        return context;
    }

    static final java.util.List<String> TRACE_CONTEXT = java.util.List.of("traceparent", "tracestate");

    static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
