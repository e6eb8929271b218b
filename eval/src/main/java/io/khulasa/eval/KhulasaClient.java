package io.khulasa.eval;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls a running khulasa over HTTP ({@code POST {base}/v1/translations} or {@code /v1/summaries} with
 * {@code {"text", "promptVersion"}}), optionally with an API key header. Never throws for HTTP or transport
 * failures: they come back as a {@link CallOutcome} with a problem code. Thread-safe.
 */
public final class KhulasaClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String apiKeyHeader;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl      e.g. {@code http://localhost:8080}
     * @param apiKeyHeader header name for the key (e.g. {@code X-API-Key} or {@code Authorization}); ignored without a key
     * @param apiKey       key value sent as is, or {@code null}
     * @param timeout      per-request timeout
     */
    public KhulasaClient(URI baseUrl, String apiKeyHeader, String apiKey, Duration timeout) {
        String s = baseUrl.toString();
        this.baseUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.apiKeyHeader = apiKeyHeader;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Runs {@code task} on {@code text} with prompt {@code promptVersion}, also sending {@code title} when it is not blank. */
    public CallOutcome call(EvalTask task, String text, String title, String promptVersion) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        if (title != null && !title.isBlank()) {
            body.put("title", title);
        }
        body.put("promptVersion", promptVersion);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + task.path()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (apiKey != null && !apiKey.isBlank() && apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            request.header(apiKeyHeader, apiKey);
        }
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return CallOutcome.failure("client-timeout", 0, elapsedMs(started));
        } catch (ConnectException e) {
            return CallOutcome.failure("connection-error", 0, elapsedMs(started));
        } catch (IOException e) {
            return CallOutcome.failure("io-error", 0, elapsedMs(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CallOutcome.failure("interrupted", 0, elapsedMs(started));
        }
        long latency = elapsedMs(started);
        JsonNode json = parse(response.body());
        int status = response.statusCode();
        if (status / 100 != 2) {
            String code = json != null && json.hasNonNull("code") ? json.get("code").asText() : "http-" + status;
            return CallOutcome.failure(code, status, latency);
        }
        if (json == null || !json.hasNonNull(task.outputField()) || json.get(task.outputField()).asText().isBlank()) {
            return CallOutcome.failure("missing-" + task.outputField(), status, latency);
        }
        JsonNode prov = json.path("provenance");
        JsonNode usage = prov.path("usage");
        List<String> warnings = new ArrayList<>();
        for (JsonNode w : prov.path("warnings")) {
            warnings.add(w.isObject() ? w.path("code").asText(w.toString()) : w.asText());
        }
        return new CallOutcome(json.get(task.outputField()).asText(),
                prov.hasNonNull("model") ? prov.get("model").asText() : null,
                usage.path("inputTokens").asLong(0), usage.path("outputTokens").asLong(0),
                prov.hasNonNull("durationMs") ? prov.get("durationMs").asLong() : null,
                latency, List.copyOf(warnings), null, status);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
