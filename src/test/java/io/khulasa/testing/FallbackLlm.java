package io.khulasa.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A second fake OpenAI-compatible LLM, configured as the fallback model ({@code khulasa.llm.fallback.*}, model
 * {@value #MODEL}); injected into {@code WireMockServer} fields annotated {@link Inject}. Stub it with the same
 * {@link FakeLlm} helpers.
 */
public class FallbackLlm implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "fallback-model";
    public static final String API_KEY = "fallback-secret-4e1d";

    /** Marks the field that receives the fallback's WireMock server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").containerThreads(32));
        server.start();
        return Map.of("khulasa.llm.fallback.base-url", server.baseUrl() + "/v1",
                "khulasa.llm.fallback.model", MODEL,
                "khulasa.llm.fallback.api-key", API_KEY,
                "khulasa.llm.fallback.timeout", "3s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Inject.class, WireMockServer.class));
    }
}
