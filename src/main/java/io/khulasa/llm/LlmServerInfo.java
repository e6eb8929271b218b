package io.khulasa.llm;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.khulasa.config.KhulasaConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * What the LLM server says about itself, learned in the background and never on a request's path:
 * <ul>
 * <li><b>Which model really answers</b> for a configured name ({@code GET /models}, refreshed every
 * {@code khulasa.llm.server-info-refresh}, 60 s): its id and creation time, so that a model swapped behind the same name (a new
 * {@code ollama pull}, another GGUF file behind llama.cpp, which ignores the requested name) never serves answers
 * cached from the old one.</li>
 * <li><b>Whether it counts tokens for khulasa</b> ({@code POST /tokenize} of llama.cpp and vLLM): then prompts are
 * measured with the model's own tokenizer rather than estimated; counts are cached per text.</li>
 * </ul>
 * A server without these endpoints (or unreachable) leaves both unknown, which is never an error.
 */
@ApplicationScoped
public class LlmServerInfo {

    private static final int MAX_COUNTS = 2_000;

    private final LlmServer server;
    private final ObjectMapper json;
    private final boolean askServer;
    private final Duration refreshEvery;
    private final Map<String, String> identities = new ConcurrentHashMap<>();
    private volatile JsonNode models;
    private volatile boolean tokenizes;
    private final Map<String, Integer> counts = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_COUNTS;
        }
    });
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("khulasa-llm-info").factory());

    public LlmServerInfo(LlmServer server, ObjectMapper json, KhulasaConfig config) {
        this.server = server;
        this.json = json;
        this.askServer = config.llm().tokenizer() == KhulasaConfig.Tokenizer.AUTO;
        this.refreshEvery = config.llm().serverInfoRefresh();
    }

    void start(@Observes StartupEvent started) {
        if (refreshEvery.isZero()) {
            return; // never asked: model identities and server token counts stay unknown
        }
        refresher.scheduleWithFixedDelay(this::refresh, 0, Math.max(100, refreshEvery.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * The identity of the model that answers for {@code configuredName}: its id and creation time as
     * {@code GET /models} lists them; empty while unknown.
     */
    public String identity(String configuredName) {
        return identities.computeIfAbsent(configuredName, this::identify);
    }

    /** The server's token count of {@code text}, when it counts for khulasa; empty otherwise (estimate instead). */
    public OptionalInt count(String text) {
        if (!tokenizes) {
            return OptionalInt.empty();
        }
        String key = sha256(text);
        Integer known = counts.get(key);
        if (known != null) {
            return OptionalInt.of(known);
        }
        OptionalInt counted = tokenize(text);
        counted.ifPresent(n -> counts.put(key, n));
        return counted;
    }

    /** Whether the server counts tokens for khulasa ({@code POST /tokenize}), as last asked. */
    public boolean tokenizes() {
        return tokenizes;
    }

    /**
     * Whether {@link #count} of {@code text} would ask the server (a blocking HTTP call): it counts tokens and has not
     * counted this text yet.
     */
    public boolean wouldAsk(String text) {
        return tokenizes && !counts.containsKey(sha256(text));
    }

    void refresh() {
        try {
            HttpResponse<String> response = server.http().send(server.request("/models").timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode listed = response.statusCode() < 300 ? json.readTree(response.body()).path("data") : null;
            if (listed != null && !listed.equals(models)) {
                models = listed;
                identities.clear();
                Log.debugf("LLM server lists %d model(s)", listed.size());
            }
        } catch (Exception e) {
            Log.debugf("GET /models failed: %s", e.getClass().getSimpleName());
        }
        if (askServer) {
            boolean before = tokenizes;
            tokenizes = tokenize("اختبار").isPresent();
            if (tokenizes != before) {
                Log.infof("The LLM server %s token counts (/tokenize)", tokenizes ? "gives" : "no longer gives");
            }
        }
    }

    private String identify(String name) {
        JsonNode listed = models;
        if (listed == null || !listed.isArray()) {
            return "";
        }
        JsonNode match = null;
        for (JsonNode model : listed) {
            if (name.equals(model.path("id").asText())) {
                match = model;
            }
        }
        // llama.cpp serves one model whatever name is asked for: that model is the one answering.
        if (match == null && listed.size() == 1) {
            match = listed.get(0);
        }
        return match == null ? "" : match.path("id").asText() + "@" + match.path("created").asText("")
                + (match.has("meta") ? "#" + sha256(match.get("meta").toString()).substring(0, 16) : "");
    }

    /** llama.cpp reads {@code content}, vLLM {@code prompt}; both answer {@code tokens} (vLLM also {@code count}). */
    private OptionalInt tokenize(String text) {
        try {
            ObjectNode body = json.createObjectNode().put("content", text).put("prompt", text).put("add_special", false);
            HttpResponse<String> response = server.http().send(server.rootRequest("/tokenize")
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                return OptionalInt.empty();
            }
            JsonNode answer = json.readTree(response.body());
            if (answer.path("count").canConvertToInt()) {
                return OptionalInt.of(answer.get("count").asInt());
            }
            return answer.path("tokens").isArray() ? OptionalInt.of(answer.get("tokens").size()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } catch (Exception e) {
            return OptionalInt.empty();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
