package io.khulasa.llm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured OpenAI-protocol server, for what khulasa asks it directly rather than through the LangChain4j
 * client: streamed completions, {@code GET /models} (health, model identity) and {@code POST /tokenize}.
 */
@ApplicationScoped
public class LlmServer {

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http;

    public LlmServer(@ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String baseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.openai.api-key") String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        // HTTP/1.1: what every local server (Ollama, llama.cpp, vLLM) speaks; connections are pooled by the client.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The base URL as configured, without a trailing slash, e.g. {@code http://localhost:11434/v1}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The API key sent as {@code Authorization: Bearer …}. */
    String apiKey() {
        return apiKey;
    }

    HttpClient http() {
        return http;
    }

    /** A request to {@code <base URL><path>}, e.g. {@code /chat/completions}, with the API key. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + apiKey);
    }

    /**
     * A request to the server's root, for endpoints outside the OpenAI {@code /v1} prefix (llama.cpp's and vLLM's
     * {@code /tokenize}).
     */
    HttpRequest.Builder rootRequest(String path) {
        String root = baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
        return HttpRequest.newBuilder(URI.create(root + path)).header("Authorization", "Bearer " + apiKey);
    }
}
