package io.khulasa.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

import io.khulasa.testing.FakeLlm;

/** Streams read off the wire, as real servers send them, well and badly. */
class OpenAiChatStreamsTest {

    private WireMockServer server;
    private OpenAiChatStreams streams;

    private static final ChatRequest REQUEST = ChatRequest.builder()
            .messages(SystemMessage.from("system"), UserMessage.from("user"))
            .parameters(ChatRequestParameters.builder().modelName("m").temperature(0.2).maxOutputTokens(700).build())
            .build();

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        streams = new OpenAiChatStreams(new LlmServer(server.baseUrl() + "/v1", "key", Duration.ofSeconds(5), 1.0, 0, 0),
                new ObjectMapper());
    }

    @AfterEach
    void stop() {
        streams.shutdown();
        server.stop();
    }

    private void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(response));
    }

    @Test
    void aCompleteStreamGivesItsPiecesTextFinishReasonUsageAndModel() throws Exception {
        answer(FakeLlm.streamed(List.of("Russian ", "and Turkish ", "officials"), "stop", 321, 12));
        List<String> pieces = new ArrayList<>();
        ChatResponse response = streams.stream(REQUEST, pieces::add);
        assertThat(pieces).containsExactly("Russian ", "and Turkish ", "officials");
        assertThat(response.aiMessage().text()).isEqualTo("Russian and Turkish officials");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(321);
        assertThat(response.metadata().modelName()).isEqualTo("fake-model");
        var sent = new ObjectMapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(700);
        assertThat(sent.at("/messages/1/content").asText()).isEqualTo("user");
        assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Bearer key");
    }

    /** llama-server failing midway: an error chunk, then the connection closes, with no finish reason and no [DONE]. */
    @Test
    void anErrorChunkBreaksTheStreamWithTheServersWords() {
        answer(FakeLlm.streamedThenError(List.of("Russian "),
                "{\"error\":{\"code\":500,\"message\":\"llama_decode: failed to decode\",\"type\":\"server_error\"}}"));
        List<String> pieces = new ArrayList<>();
        assertThatThrownBy(() -> streams.stream(REQUEST, pieces::add)).isInstanceOfSatisfying(LlmStreamException.class,
                e -> assertThat(e.said().message()).isEqualTo("llama_decode: failed to decode"));
        assertThat(pieces).containsExactly("Russian ");
    }

    @Test
    void aStreamEndingWithoutAFinishReasonIsBroken() {
        answer(FakeLlm.streamedThenError(List.of("Russian ", "and"), null));
        assertThatThrownBy(() -> streams.stream(REQUEST, piece -> { })).isInstanceOf(LlmStreamException.class);
    }

    @Test
    void anHttpErrorBeforeTheStreamKeepsItsBodyAndRetryAfter() {
        answer(aResponse().withStatus(400).withHeader("Retry-After", "7")
                .withBody("{\"error\":{\"code\":400,\"message\":\"request (24669 tokens) exceeds the available context size "
                        + "(8192 tokens), try increasing it\",\"type\":\"exceed_context_size_error\",\"n_prompt_tokens\":24669,"
                        + "\"n_ctx\":8192}}"));
        assertThatThrownBy(() -> streams.stream(REQUEST, piece -> { })).isInstanceOfSatisfying(LlmHttpException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(LlmErrorClassifier.classify(e).overflow()).contains(new LlmException.ContextOverflow(24669, 8192));
        });
    }
}
