package io.khulasa.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.khulasa.chunking.TokenEstimator;

/**
 * Figure 4: tokens per article, raw vs cleaned vs actually sent, counted with {@link TokenEstimator} (one encoding
 * for all three). For each article file it asks a running khulasa for the cleaned text ({@code POST /v1/clean}), then
 * runs {@code POST /v1/summaries} and {@code POST /v1/translations} and reads back from the fake LLM
 * ({@code GET /last-request}) the chat request khulasa really sent: "sent" is the sum of its message contents
 * (system + user; the chat format's few framing tokens per message are not counted). Every request says
 * {@code Cache-Control: no-cache}: an article that cleans to the same text as an earlier one must still reach the LLM.
 * <p>
 * {@code java -cp <test classpath> io.khulasa.bench.TokenFigure <khulasa-url> <fake-root-url> <encoding> <file>...}
 * prints one JSON object (used by {@code bench/tokens.sh}).
 */
public final class TokenFigure {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenFigure() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: TokenFigure <khulasa-url> <fake-root-url> <encoding> <article-file>...");
            System.exit(2);
        }
        String khulasa = args[0];
        String fake = args[1];
        TokenEstimator tokens = TokenEstimator.forEncoding(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            ObjectNode body = JSON.createObjectNode();
            body.put(file.toString().endsWith(".html") ? "html" : "text", raw);

            JsonNode cleaned = post(http, khulasa + "/v1/clean", body);
            String title = cleaned.path("title").isTextual() ? cleaned.get("title").asText() : null;
            String text = cleaned.get("text").asText();

            Map<String, Object> row = new LinkedHashMap<>();
            row.put("article", file.getFileName().toString());
            row.put("raw_bytes", raw.getBytes(StandardCharsets.UTF_8).length);
            row.put("raw", tokens.count(raw));
            row.put("cleaned", tokens.count(text) + (title == null ? 0 : tokens.count(title)));
            row.put("cleaned_title", title != null);
            for (String task : List.of("summaries", "translations")) {
                post(http, khulasa + "/v1/" + task, body);
                JsonNode sent = get(http, fake + "/last-request");
                int system = 0;
                int user = 0;
                for (JsonNode m : sent.get("messages")) {
                    int n = tokens.count(m.path("content").asText());
                    if ("system".equals(m.path("role").asText())) {
                        system += n;
                    } else {
                        user += n;
                    }
                }
                row.put(task + "_sent", system + user);
                row.put(task + "_system", system);
                row.put(task + "_user", user);
            }
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("encoding", args[2]);
        out.put("articles", rows);
        System.out.println(JSON.writeValueAsString(out));
    }

    private static JsonNode post(HttpClient http, String url, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Cache-Control", "no-cache").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
