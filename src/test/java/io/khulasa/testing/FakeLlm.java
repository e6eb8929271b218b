package io.khulasa.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake OpenAI-compatible LLM (WireMock) for {@code @QuarkusTest}s: started once per test profile, pointed to by
 * {@code quarkus.langchain4j.openai.base-url}, injected into fields annotated {@link InjectFakeLlm}.
 */
public class FakeLlm implements QuarkusTestResourceLifecycleManager {

    public static final String CHAT_PATH = "/v1/chat/completions";
    /** {@code prompt_tokens} left to the fake to count from the request, as a real server does ({@link ServerCountedUsage}). */
    public static final int SERVER_COUNTED = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(128).extensions(new MeetingPoint(), new ServerCountedUsage()));
        server.start();
        return Map.of("quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectFakeLlm.class, WireMockServer.class));
    }

    /** A chat completion answer as an OpenAI server sends it. */
    public static ResponseDefinitionBuilder completion(String content, String finishReason, int promptTokens,
            int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-test");
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000L);
        body.put("model", "fake-model");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        choice.put("finish_reason", finishReason);
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /** A completed answer; its prompt tokens counted from the request as a real server counts them. */
    public static ResponseDefinitionBuilder completion(String content) {
        return completion(content, "stop", SERVER_COUNTED, 50);
    }

    /** The chat endpoint, for stubbing. */
    public static MappingBuilder chat() {
        return post(urlEqualTo(CHAT_PATH));
    }

    /** Every chat request the fake received, oldest first, as JSON. */
    public static List<JsonNode> chatRequests(WireMockServer server) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(CHAT_PATH)))
                .stream().map(FakeLlm::json).toList();
    }

    public static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UTF-8 test resource as a string. */
    public static String resource(String path) {
        try (InputStream in = FakeLlm.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    /**
     * A streamed chat completion ({@code stream: true}) as an OpenAI server sends it: one SSE event per piece, a final
     * event with the finish reason, a usage event, then {@code [DONE]}.
     */
    public static ResponseDefinitionBuilder streamed(List<String> pieces, String finishReason, int promptTokens,
            int completionTokens) {
        StringBuilder body = new StringBuilder();
        boolean first = true;
        for (String piece : pieces) {
            ObjectNode delta = JSON.createObjectNode();
            if (first) {
                delta.put("role", "assistant");
                first = false;
            }
            delta.put("content", piece);
            body.append("data: ").append(streamChunk(delta, null)).append("\n\n");
        }
        body.append("data: ").append(streamChunk(JSON.createObjectNode(), finishReason)).append("\n\n");
        ObjectNode usageEvent = JSON.createObjectNode();
        usageEvent.put("id", "chatcmpl-test");
        usageEvent.put("object", "chat.completion.chunk");
        usageEvent.put("created", 1_700_000_000L);
        usageEvent.put("model", "fake-model");
        usageEvent.putArray("choices");
        ObjectNode usage = usageEvent.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        body.append("data: ").append(usageEvent).append("\n\n");
        body.append("data: [DONE]\n\n");
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
    }

    /**
     * A stream that breaks off as llama-server's does when it fails midway: the pieces, then {@code data: <error>},
     * then the connection closes, with neither a finish reason nor {@code [DONE]}.
     */
    public static ResponseDefinitionBuilder streamedThenError(List<String> pieces, String errorJson) {
        StringBuilder body = new StringBuilder();
        for (String piece : pieces) {
            ObjectNode delta = JSON.createObjectNode();
            delta.put("content", piece);
            body.append("data: ").append(streamChunk(delta, null)).append("\n\n");
        }
        if (errorJson != null) {
            body.append("data: ").append(errorJson).append("\n\n");
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
    }

    /** A streamed completion that ends normally; its prompt tokens counted from the request. */
    public static ResponseDefinitionBuilder streamed(String... pieces) {
        return streamed(List.of(pieces), "stop", SERVER_COUNTED, 50);
    }

    private static String streamChunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-test");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1_700_000_000L);
        chunk.put("model", "fake-model");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk.toString();
    }
}
