package io.khulasa.llm;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.config.KhulasaConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;

/**
 * The HTTP clients of the models {@link ChatGateway} calls: the primary ({@code quarkus.langchain4j.openai.*}, the
 * server {@link LlmServer} also asks for its models and token counts) and the optional fallback
 * ({@code khulasa.llm.fallback.*}). Both speak the same protocol through {@link ChatCompletions}, with the same
 * sampling settings and connection pool size, so a call fails over without changing shape.
 */
@ApplicationScoped
public class ChatClients {

    private final ChatCompletions primary;
    private final Optional<FallbackChatModel> fallback;

    public ChatClients(Vertx vertx, ObjectMapper json, LlmServer server, KhulasaConfig config) {
        ChatCompletions.Sampling sampling = server.sampling();
        int pool = config.llm().connectionPoolSize();
        this.primary = new ChatCompletions(vertx, json, server.baseUrl(), server.apiKey(), server.timeout(), pool,
                sampling);
        KhulasaConfig.Fallback f = config.llm().fallback();
        this.fallback = f.baseUrl().filter(u -> !u.isBlank()).map(url -> new FallbackChatModel(
                new ChatCompletions(vertx, json, url, f.apiKey().filter(k -> !k.isBlank()).orElse("no-key"), f.timeout(),
                        pool, sampling),
                f.model().filter(m -> !m.isBlank()).orElse(null)));
        fallback.ifPresent(m -> Log.infof("Fallback LLM configured (model %s)",
                m.modelName() == null ? "as requested of the primary" : m.modelName()));
    }

    ChatCompletions primary() {
        return primary;
    }

    Optional<FallbackChatModel> fallback() {
        return fallback;
    }

    @PreDestroy
    void close() {
        primary.close();
        fallback.ifPresent(f -> ((ChatCompletions) f.model()).close());
    }
}
