package io.khulasa.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a Server-Sent Events answer of khulasa with java.net.http, as a client would. */
public final class SseEvents {

    /** One event: its name and its data parsed as JSON. */
    public record Event(String name, JsonNode data) {
    }

    /** The answer: status, content type and the events in order. */
    public record Answer(int status, String contentType, List<Event> events, String body) {

        public List<Event> named(String name) {
            return events.stream().filter(e -> e.name().equals(name)).toList();
        }

        /** The concatenated text of every delta event. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            named("delta").forEach(e -> sb.append(e.data().get("text").asText()));
            return sb.toString();
        }

        public Event last() {
            return events.get(events.size() - 1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SseEvents() {
    }

    public static Answer post(String url, Object body) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            List<Event> events = new ArrayList<>();
            StringBuilder raw = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                StringBuilder data = new StringBuilder();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    raw.append(line).append('\n');
                    if (!contentType.startsWith("text/event-stream")) {
                        continue;
                    }
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(name, JSON.readTree(data.toString())));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        if (!data.isEmpty()) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    }
                }
                if (!data.isEmpty()) {
                    events.add(new Event(name, JSON.readTree(data.toString())));
                }
            }
            return new Answer(response.statusCode(), contentType, events, raw.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
