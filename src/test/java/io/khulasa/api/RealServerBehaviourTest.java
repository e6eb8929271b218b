package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.SseEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What real OpenAI-protocol servers do that a well-behaved fake never did (issue 13, observed with llama-server,
 * Ollama, vLLM and OpenAI), with the exact bodies they send, and what khulasa answers to each. The circuit breaker is
 * on, to show that a full server is not an outage.
 */
@QuarkusTest
@TestProfile(RealServerBehaviourTest.Servers.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RealServerBehaviourTest {

    public static class Servers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A window of 10 calls at half failures: the 4 outages of aServerErrorKeepsTheServersWords stay below
            // it, while a dozen "server full" answers in a row would open it, were they counted as outages.
            return Map.of("khulasa.llm.circuit-breaker.enabled", "true",
                    "khulasa.llm.circuit-breaker.request-volume-threshold", "10",
                    "khulasa.llm.circuit-breaker.failure-ratio", "0.5",
                    "khulasa.llm.circuit-breaker.delay", "5s",
                    "khulasa.llm.capacity-wait", "3s");
        }
    }

    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");
    static final String SUMMARY = FakeLlm.resource("llm/reference-summary.txt").strip();
    static final String TRANSLATION = FakeLlm.resource("llm/reference-translation.txt").strip();
    /**
     * About 1,800 estimated tokens: one call at the default budget (2,850 for a translation), two chunks at half of
     * it, which is what a new plan after an overflow uses.
     */
    static final String MEDIUM_ARTICLE = firstCharsOf(FakeLlm.resource("articles/long-investigation-water.txt"), 6_000);

    private static String firstCharsOf(String article, int chars) {
        StringBuilder sb = new StringBuilder();
        for (String line : article.lines().toList()) {
            if (sb.length() >= chars) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** llama-server, a prompt over its context window (HTTP 400, also with {@code stream: true}). */
    static final String LLAMA_CPP_OVER_CONTEXT = "{\"error\":{\"code\":400,\"message\":\"request (24669 tokens) exceeds "
            + "the available context size (8192 tokens), try increasing it\",\"type\":\"exceed_context_size_error\","
            + "\"n_prompt_tokens\":24669,\"n_ctx\":8192}}";
    /** llama-server with its slots and KV cache full of parallel requests (HTTP 500): capacity, not an outage. */
    static final String LLAMA_CPP_SLOTS_FULL = "{\"error\":{\"code\":500,\"message\":\"Context size has been exceeded.\","
            + "\"type\":\"server_error\"}}";

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/v1/summaries")
    URL summaries;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    /** Reproduced failure 1: a stream cut by the server's error chunk ended with {@code done}, usage 0/0. */
    @Test
    void aStreamCutByTheServersErrorChunkEndsWithAnErrorNeverDone() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.streamedThenError(List.of("بحث وزير الدفاع ", "التركي مع نظيره"),
                "{\"error\":{\"code\":500,\"message\":\"llama_decode: failed to decode the batch\",\"type\":\"server_error\"}}")));
        SseEvents.Answer answer = SseEvents.post(summaries.toString(), Map.of("text", ARTICLE));
        assertThat(answer.text()).isEqualTo("بحث وزير الدفاع التركي مع نظيره");
        assertThat(answer.last().name()).isEqualTo("error");
        assertThat(answer.last().data().get("code").asText()).isEqualTo("llm-stream-broken");
        assertThat(answer.last().data().get("detail").asText()).contains("llama_decode: failed to decode the batch");
        assertThat(answer.named("done")).isEmpty();
    }

    @Test
    void aStreamThatStopsWithoutAFinishReasonIsBroken() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.streamedThenError(List.of("بحث وزير الدفاع "), null)));
        SseEvents.Answer answer = SseEvents.post(summaries.toString(), Map.of("text", ARTICLE));
        assertThat(answer.last().name()).isEqualTo("error");
        assertThat(answer.last().data().get("code").asText()).isEqualTo("llm-stream-broken");
    }

    /** Reproduced failure 2: capacity answers were retried as outages, then opened the breaker for every client. */
    @Test
    void aFullServerIsWaitedForWithoutUsingUpAttemptsOrOpeningTheBreaker() {
        // Five "slots full" answers: more than the 4 attempts, more than the breaker's window.
        llm.stubFor(FakeLlm.chat().inScenario("slots").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody(LLAMA_CPP_SLOTS_FULL)).willSetStateTo("1"));
        for (int i = 1; i < 5; i++) {
            llm.stubFor(FakeLlm.chat().inScenario("slots").whenScenarioStateIs(String.valueOf(i))
                    .willReturn(aResponse().withStatus(500).withBody(LLAMA_CPP_SLOTS_FULL)).willSetStateTo(String.valueOf(i + 1)));
        }
        llm.stubFor(FakeLlm.chat().inScenario("slots").whenScenarioStateIs("5").willReturn(FakeLlm.completion(SUMMARY)));

        given().contentType("application/json").body(Map.of("text", ARTICLE)).when().post("/v1/summaries")
                .then().statusCode(200).body("summary", equalTo(SUMMARY)).body("provenance.llmCalls", equalTo(6));
        given().when().get("/q/metrics").then().body(containsString("khulasa_llm_circuit_open 0.0"));
    }

    @Test
    void aServerFullForLongerThanTheCapacityWaitIs503Saturated() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(500).withBody(LLAMA_CPP_SLOTS_FULL)));
        given().contentType("application/json").body(Map.of("text", ARTICLE)).when().post("/v1/summaries")
                .then().statusCode(503).body("code", equalTo("llm-saturated"))
                .body("detail", containsString("Context size has been exceeded.")).header("Retry-After", greaterThan("0"));
        given().when().get("/q/metrics").then().body(containsString("khulasa_llm_circuit_open 0.0"));
    }

    /** Reproduced failure 3: "check the API key and model name", the server's counts thrown away. */
    @Test
    void aPromptOverTheContextIsPlannedAgainInSmallerChunks() {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic news article"))
                .willReturn(aResponse().withStatus(400).withBody(LLAMA_CPP_OVER_CONTEXT)));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate part"))
                .willReturn(FakeLlm.completion("A faithful English translation of this part.")));
        given().contentType("application/json").body(Map.of("text", MEDIUM_ARTICLE)).when().post("/v1/translations")
                .then().statusCode(200).body("provenance.chunks", greaterThan(1))
                .body("provenance.prompts.translate-chunk", equalTo("v1"));
    }

    @Test
    void aPromptThatStillDoesNotFitIs502WithTheServersCounts() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(400).withBody(LLAMA_CPP_OVER_CONTEXT)));
        given().contentType("application/json").body(Map.of("text", MEDIUM_ARTICLE)).when().post("/v1/translations")
                .then().statusCode(502).body("code", equalTo("llm-context-exceeded"))
                .body("promptTokens", equalTo(24669)).body("contextWindow", equalTo(8192))
                .body("detail", containsString("exceeds the available context size"));
        assertThat(FakeLlm.chatRequests(llm)).as("the whole article, then its chunks once").hasSizeGreaterThan(1);
    }

    /** Ollama's /v1 route cuts the prompt to its context and reports the cut count: caught, planned again. */
    @Test
    void aPromptTheServerCutSilentlyIsPlannedAgainInSmallerChunks() {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic news article"))
                .willReturn(FakeLlm.completion(TRANSLATION, "stop", 512, 300)));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate part"))
                .willReturn(FakeLlm.completion("A faithful English translation of this part.")));
        given().contentType("application/json").body(Map.of("text", MEDIUM_ARTICLE)).when().post("/v1/translations")
                .then().statusCode(200).body("provenance.chunks", greaterThan(1));
    }

    /** Reproduced failure 4: the server's message was discarded. */
    @Test
    void aServerErrorKeepsTheServersWords() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"code\":500,\"message\":\"CUDA error: out of memory\",\"type\":\"server_error\"}}")));
        given().contentType("application/json").body(Map.of("text", ARTICLE)).when().post("/v1/summaries")
                .then().statusCode(502).body("code", equalTo("llm-upstream-error"))
                .body("detail", equalTo("The LLM answered HTTP 500: CUDA error: out of memory"));
    }

    /** Reproduced failure 7: the first paragraph taken for the title. */
    @Test
    void aTranslationWithoutItsTitleLineHasNoTitleAndSaysSo() {
        // The reference translation starts with the article's first paragraph: no title line.
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(TRANSLATION)));
        given().contentType("application/json").body(Map.of("text", ARTICLE)).when().post("/v1/translations")
                .then().statusCode(200).body("title", nullValue())
                .body("translation", startsWith(TRANSLATION.substring(0, 40)))
                .body("provenance.warnings", hasItem(startsWith("title-missing")));
    }
}
