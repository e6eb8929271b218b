package io.khulasa.llm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * Whether the configured LLM answers, for dashboards: {@code GET /q/health/group/llm}. Deliberately not part of
 * liveness or readiness, so an LLM outage never takes every replica out of rotation. It asks the OpenAI-protocol
 * {@code GET /models} endpoint, which costs no tokens.
 */
@HealthGroup("llm")
@ApplicationScoped
public class LlmHealthCheck implements HealthCheck {

    private final String baseUrl;
    private final String apiKey;
    private final String model;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LlmHealthCheck(@ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String baseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.openai.api-key") String apiKey,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name") String model) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.model = model;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("llm").withData("baseUrl", baseUrl)
                .withData("model", model);
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/models"))
                    .timeout(Duration.ofSeconds(3)).header("Authorization", "Bearer " + apiKey).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            health.withData("status", response.statusCode())
                    .withData("latencyMs", (System.nanoTime() - start) / 1_000_000);
            return (response.statusCode() < 400 ? health.up() : health.down()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return health.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
