package io.khulasa.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.khulasa.chunking.TokenEstimator;
import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.ScriptedModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The silent-cut check (a server that cut the prompt to its context window without a word reports far fewer prompt
 * tokens than were sent) judges the server's count by khulasa's o200k estimate corrected by what the server's own
 * tokenizer says ({@code POST /tokenize}, issue 23). Here a llama.cpp-like server whose tokenizer needs half the
 * tokens o200k does on Arabic: a whole prompt is never taken for a cut one, and a real cut is still caught.
 */
class SilentCutTest {

    static final String SYSTEM = "You are a news editor. Summarise the article in Modern Standard Arabic.";
    static final String USER = "<article>\n" + FakeLlm.resource("articles/taif-post-karabakh.cleaned.txt") + "\n"
            + FakeLlm.resource("articles/gaza-aid.cleaned.txt") + "\n" + FakeLlm.resource("articles/oil-prices.cleaned.txt")
            + "\n</article>";
    static final String PROMPT = SYSTEM + "\n" + USER;

    private final TokenEstimator o200k = new TokenEstimator();
    private final int estimate = o200k.count(SYSTEM) + o200k.count(USER);
    /** The server's tokenizer: twice as efficient as o200k on this prompt. */
    private final int serverCount = estimate / 2;

    private WireMockServer server;
    private LlmServerInfo info;
    private final AtomicInteger reported = new AtomicInteger();

    /** A chat model that reports the prompt tokens the test says the server counted. */
    private final ChatModel reporting = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder().aiMessage(AiMessage.from("ملخص المقال في جملتين.")).finishReason(FinishReason.STOP)
                    .tokenUsage(new TokenUsage(reported.get(), 20)).modelName("efficient").build();
        }
    };

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

    private void serverTokenizes() {
        server.stubFor(post("/tokenize").withRequestBody(matchingJsonPath("$.content", WireMock.equalTo("اختبار")))
                .willReturn(okJson("{\"tokens\":[1]}")));
        server.stubFor(post("/tokenize").withRequestBody(matchingJsonPath("$.content", WireMock.equalTo(PROMPT)))
                .willReturn(okJson("{\"tokens\":[" + IntStream.range(0, serverCount).mapToObj(Integer::toString)
                        .collect(Collectors.joining(",")) + "]}")));
        info.refresh();
    }

    private ChatGateway gateway(LlmServerInfo serverInfo) {
        ScriptedModel streams = new ScriptedModel();
        return new ChatGateway(reporting, streams, ChatGatewayTest.config(Map.of()), new LlmMetrics(new SimpleMeterRegistry()),
                serverInfo);
    }

    private LlmCall call() {
        return new LlmCall("summarize", "efficient", SYSTEM, USER, 0.2, 700, estimate);
    }

    @Test
    void aWholePromptCountedByAMoreEfficientTokenizerIsNoCut() {
        assertThat(estimate).as("a prompt long enough to be checked").isGreaterThan(ChatGateway.SILENT_CUT_MIN_TOKENS);
        serverTokenizes();
        // The server reports its own count of the whole prompt, plus a few tokens of its chat template.
        reported.set(serverCount + 12);
        assertThat(reported.get()).as("below 75 %% of the o200k estimate: the old check called this a cut")
                .isLessThan((int) (ChatGateway.SILENT_CUT * estimate));

        LlmResult result = gateway(info).complete(call());
        assertThat(result.text()).isEqualTo("ملخص المقال في جملتين.");
        server.verify(postRequestedFor(urlEqualTo("/tokenize"))
                .withRequestBody(matchingJsonPath("$.content", WireMock.equalTo(PROMPT))));
    }

    @Test
    void aPromptCutByThatServerIsStillCaught() {
        serverTokenizes();
        reported.set(serverCount / 2); // the server kept half of its tokens: cut to its context window
        assertThatThrownBy(() -> gateway(info).complete(call())).isInstanceOfSatisfying(LlmException.class, e -> {
            assertThat(e.kind()).isEqualTo(LlmException.Kind.CONTEXT_EXCEEDED);
            assertThat(e.overflow()).contains(new LlmException.ContextOverflow(serverCount, serverCount / 2));
            assertThat(e.getMessage()).contains("where about " + serverCount + " were sent");
        });
    }

    @Test
    void withoutTokenizeTheEstimateJudges() {
        server.stubFor(post("/tokenize").willReturn(notFound()));
        info.refresh();
        reported.set(serverCount + 12);
        assertThatThrownBy(() -> gateway(info).complete(call())).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.CONTEXT_EXCEEDED));
        reported.set(estimate);
        assertThat(gateway(info).complete(call()).text()).isNotBlank();
    }
}
