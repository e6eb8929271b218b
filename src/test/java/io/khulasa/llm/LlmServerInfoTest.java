package io.khulasa.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** What the server says about itself: which model answers for a name, and its own token counts. */
class LlmServerInfoTest {

    private WireMockServer server;
    private LlmServerInfo info;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        info = new LlmServerInfo(new LlmServer(server.baseUrl() + "/v1", "key"), new ObjectMapper(),
                ChatGatewayTest.config(Map.of()));
    }

    @AfterEach
    void stop() {
        info.stop();
        server.stop();
    }

    @Test
    void ollamaListsTheModelByNameAndAPullChangesItsIdentity() {
        server.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:8b\","
                + "\"created\":1,\"owned_by\":\"library\"},{\"id\":\"qwen2.5:7b-instruct\",\"created\":1732000000,"
                + "\"owned_by\":\"library\"}]}")));
        info.refresh();
        String before = info.identity("qwen2.5:7b-instruct");
        assertThat(before).isEqualTo("qwen2.5:7b-instruct@1732000000");
        server.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:8b\","
                + "\"created\":1,\"owned_by\":\"library\"},{\"id\":\"qwen2.5:7b-instruct\","
                + "\"created\":1733000000,\"owned_by\":\"library\"}]}")));
        info.refresh();
        assertThat(info.identity("qwen2.5:7b-instruct")).isNotEqualTo(before);
        assertThat(info.identity("unknown-model")).isEmpty();
    }

    /** llama.cpp serves one model whatever name is asked for: that one answers. */
    @Test
    void llamaCppsOnlyModelAnswersForAnyName() {
        server.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"models/qwen2-1_5b-q4.gguf\","
                + "\"object\":\"model\",\"created\":1732000000,\"owned_by\":\"llamacpp\",\"meta\":{\"n_ctx_train\":32768}}]}")));
        info.refresh();
        assertThat(info.identity("qwen2.5:7b-instruct")).startsWith("models/qwen2-1_5b-q4.gguf@1732000000#");
    }

    @Test
    void aServerThatTokenizesCountsForKhulasaAndOneThatDoesNotIsEstimated() {
        assertThat(info.count("نص")).as("not asked yet").isEmpty();
        server.stubFor(post("/tokenize").willReturn(okJson("{\"tokens\":[1,2,3,4,5]}")));
        info.refresh();
        assertThat(info.count("بحث وزير الدفاع التركي")).hasValue(5);
        assertThat(info.count("بحث وزير الدفاع التركي")).hasValue(5);
        // probe + one count: the second is from the cache
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/tokenize")))).hasSize(2);
        server.resetAll();
        info.refresh();
        assertThat(info.count("نص آخر")).isEmpty();
    }
}
