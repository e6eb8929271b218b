package io.khulasa.llm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured OpenAI-protocol server, for what khulasa asks it directly rather than through the LangChain4j
 * client: streamed completions, {@code GET /models} (health, model identity) and {@code POST /tokenize}; and the
 * settings every chat call to it carries (its timeout, its sampling), read here once for the blocking client
 * ({@link ChatClients}) and the streamed one ({@link OpenAiChatStreams}), which used to read them each.
 */
@ApplicationScoped
public class LlmServer {

    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final ChatCompletions.Sampling sampling;
    private final HttpClient http;

    @Inject
    public LlmServer(@ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String baseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.openai.api-key") String apiKey,
            @ConfigProperty(name = "quarkus.langchain4j.openai.timeout", defaultValue = "180s") Duration timeout,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.top-p", defaultValue = "1.0") double topP,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.presence-penalty", defaultValue = "0") double presencePenalty,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.frequency-penalty", defaultValue = "0") double frequencyPenalty) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.sampling = new ChatCompletions.Sampling(topP, presencePenalty, frequencyPenalty);
        // HTTP/1.1: what every local server (Ollama, llama.cpp, vLLM) speaks; connections are pooled by the client.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A server with the configuration's defaults for everything but its address and key (tests). */
    public LlmServer(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, Duration.ofSeconds(180), 1.0, 0, 0);
    }

    /** The base URL as configured, without a trailing slash, e.g. {@code http://localhost:11434/v1}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The API key sent as {@code Authorization: Bearer …}. */
    String apiKey() {
        return apiKey;
    }

    /** How long the server may stay silent before a call times out ({@code quarkus.langchain4j.openai.timeout}). */
    Duration timeout() {
        return timeout;
    }

    /** What every call sends besides the messages ({@code quarkus.langchain4j.openai.chat-model.*}). */
    ChatCompletions.Sampling sampling() {
        return sampling;
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
