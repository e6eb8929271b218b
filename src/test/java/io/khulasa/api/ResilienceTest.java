package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.FallbackLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Protection of and from the LLM: the bulkhead on calls in flight, the circuit breaker, and the fallback model, with a
 * tiny breaker window (4 calls, 2 s open), 2 call slots and a fallback WireMock server.
 */
@QuarkusTest
@TestProfile(ResilienceTest.Resilience.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FallbackLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResilienceTest {

    public static class Resilience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khulasa.llm.circuit-breaker.enabled", "true",
                    "khulasa.llm.circuit-breaker.request-volume-threshold", "4",
                    "khulasa.llm.circuit-breaker.failure-ratio", "0.5",
                    "khulasa.llm.circuit-breaker.delay", "2s",
                    "khulasa.llm.max-in-flight", "2",
                    "khulasa.llm.queue-timeout", "200ms",
                    "khulasa.llm.max-attempts", "2");
        }
    }

    static final Map<String, String> BODY = Map.of("text", "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة.");
    static final String PRIMARY_MODEL = "qwen2.5:7b-instruct";
    static final ExecutorService CLIENTS = Executors.newFixedThreadPool(4);

    @InjectFakeLlm
    WireMockServer llm;

    @FallbackLlm.Inject
    WireMockServer fallback;

    @BeforeEach
    void reset() {
        llm.resetAll();
        fallback.resetAll();
        try {
            CircuitBreakerMaintenance.get().reset("khulasa-llm");
        } catch (IllegalArgumentException notYetCreated) {
            // The gateway (and its breaker) is created on first use: nothing to reset yet.
        }
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    private static Response summarize() {
        return given().contentType(ContentType.JSON).body(BODY).when().post("/v1/summaries");
    }

    @Test
    void whenThePrimaryFailsTheFallbackAnswersAndProvenanceNamesIt() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(500).withBody("overloaded")));
        fallback.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص من النموذج الاحتياطي", "stop", 80, 20)));

        summarize().then().statusCode(200)
                .body("summary", org.hamcrest.Matchers.equalTo("ملخص من النموذج الاحتياطي"))
                .body("provenance.model", org.hamcrest.Matchers.equalTo(FallbackLlm.MODEL))
                .body("provenance.llmCalls", org.hamcrest.Matchers.equalTo(3));

        assertThat(FakeLlm.chatRequests(llm)).as("the primary's own retries come first").hasSize(2);
        fallback.verify(1, postRequestedFor(urlEqualTo(FakeLlm.CHAT_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FallbackLlm.API_KEY)));
        assertThat(FakeLlm.chatRequests(fallback).get(0).get("model").asText()).isEqualTo(FallbackLlm.MODEL);
        assertThat(FakeLlm.chatRequests(fallback).get(0).get("messages").toString())
                .as("the same prompt").isEqualTo(FakeLlm.chatRequests(llm).get(0).get("messages").toString());

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("khulasa_llm_fallbacks_total{outcome=\"success\",reason=\"upstream\",task=\"summarize\"}"))
                .body(containsString("khulasa_llm_tokens_total{model=\"" + FallbackLlm.MODEL + "\",task=\"summarize\",type=\"input\"}"));
    }

    @Test
    void aRejectedRequestIsNotSentToTheFallback() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad model\"}}")));
        fallback.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("لا ينبغي")));
        ArticleErrorsTest.expectProblem(summarize().then(), 502, "llm-request-rejected");
        assertThat(FakeLlm.chatRequests(fallback)).isEmpty();
    }

    @Test
    void repeatedOutagesOpenTheBreakerWhichFailsFastThenAProbeClosesIt() throws Exception {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(500)));
        fallback.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(500)));

        // 2 requests x 2 attempts = 4 failed primary calls: the window is full and all failed.
        ArticleErrorsTest.expectProblem(summarize().then(), 502, "llm-upstream-error");
        ArticleErrorsTest.expectProblem(summarize().then(), 502, "llm-upstream-error");
        assertThat(FakeLlm.chatRequests(llm)).hasSize(4);

        ArticleErrorsTest.expectProblem(summarize().then(), 503, "llm-circuit-open")
                .header("Retry-After", org.hamcrest.Matchers.oneOf("1", "2"))
                .body("detail", containsString("fallback model failed too"));
        // Failing fast means no call at all: nothing is waited for while the breaker is open.
        assertThat(FakeLlm.chatRequests(llm)).as("no call while the breaker is open").hasSize(4);

        // After the delay one probe goes through; its success closes the breaker.
        Thread.sleep(2_100);
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص")));
        summarize().then().statusCode(200).body("provenance.model", org.hamcrest.Matchers.equalTo(PRIMARY_MODEL));
        summarize().then().statusCode(200).body("provenance.model", org.hamcrest.Matchers.equalTo(PRIMARY_MODEL));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(6);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("khulasa_llm_errors_total{kind=\"circuit_open\",model=\"" + PRIMARY_MODEL + "\",task=\"summarize\"}"))
                .body(containsString("khulasa_llm_circuit_open 0.0"));
    }

    @Test
    void whileTheBreakerIsOpenTheFallbackAnswersAndHalfOpenLetsOnlyOneProbeThrough() throws Exception {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(503)));
        fallback.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص احتياطي")));
        summarize().then().statusCode(200).body("provenance.model", org.hamcrest.Matchers.equalTo(FallbackLlm.MODEL));
        summarize().then().statusCode(200).body("provenance.model", org.hamcrest.Matchers.equalTo(FallbackLlm.MODEL));
        summarize().then().statusCode(200).body("provenance.model", org.hamcrest.Matchers.equalTo(FallbackLlm.MODEL))
                .body("provenance.llmCalls", org.hamcrest.Matchers.equalTo(1));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(4);

        Thread.sleep(2_100);
        // The probe is slow; a second request meanwhile must not reach the primary.
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص").withFixedDelay(1_000)));
        CompletableFuture<Response> probe = CompletableFuture.supplyAsync(ResilienceTest::summarize, CLIENTS);
        awaitRequests(llm, 5);
        summarize().then().statusCode(200).body("provenance.model", org.hamcrest.Matchers.equalTo(FallbackLlm.MODEL));
        probe.get().then().statusCode(200).body("provenance.model", org.hamcrest.Matchers.equalTo(PRIMARY_MODEL));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(5);
    }

    @Test
    void whenEveryCallSlotStaysBusyTheNextCallFailsFastWith503() throws Exception {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص").withFixedDelay(1_500)));
        List<CompletableFuture<Response>> holding = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            holding.add(CompletableFuture.supplyAsync(ResilienceTest::summarize, CLIENTS));
        }
        awaitRequests(llm, 2);

        ArticleErrorsTest.expectProblem(summarize().then(), 503, "llm-saturated").header("Retry-After", "1");
        // Refused after the queue timeout (200 ms), while both slots were still taken: not after waiting for a slot.
        assertThat(holding).as("both slots still busy when the third call was refused").noneMatch(CompletableFuture::isDone);

        for (CompletableFuture<Response> call : holding) {
            call.get().then().statusCode(200);
        }
        assertThat(FakeLlm.chatRequests(llm)).hasSize(2);
        assertThat(FakeLlm.chatRequests(fallback)).as("saturation is khulasa's limit, not an outage").isEmpty();
    }

    private static void awaitRequests(WireMockServer server, int count) throws InterruptedException {
        Supplier<Integer> received = () -> server.getAllServeEvents().size();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (received.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake LLM received " + received.get() + " requests, expected " + count);
            }
            Thread.sleep(10);
        }
    }
}
