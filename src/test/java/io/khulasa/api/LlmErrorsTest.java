package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** LLM trouble: bounded retries, then the documented 502/503/504 problems. */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LlmErrorsTest {

    static final Map<String, String> BODY = Map.of("text", "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة.");

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    private io.restassured.response.ValidatableResponse summarize() {
        return given().contentType(ContentType.JSON).body(BODY).when().post("/v1/summaries").then();
    }

    @Test
    void aRateLimitIsRetriedAfterWhatRetryAfterAsks() {
        llm.stubFor(FakeLlm.chat().inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"error\":{\"message\":\"slow down\"}}"))
                .willSetStateTo("ok"));
        llm.stubFor(FakeLlm.chat().inScenario("429").whenScenarioStateIs("ok").willReturn(FakeLlm.completion("ملخص الخبر")));

        summarize().statusCode(200).body("summary", equalTo("ملخص الخبر")).body("provenance.llmCalls", equalTo(2));
        var requests = llm.getAllServeEvents();
        assertThat(requests).hasSize(2);
        long gapMs = requests.get(0).getRequest().getLoggedDate().getTime() - requests.get(1).getRequest().getLoggedDate().getTime();
        assertThat(gapMs).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(900);
    }

    @Test
    void aPersistentRateLimitStopsAfterFourCallsWith503AndRetryAfter() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        ArticleErrorsTest.expectProblem(summarize(), 503, "llm-rate-limited").header("Retry-After", "1");
        assertThat(FakeLlm.chatRequests(llm)).hasSize(4);
    }

    @Test
    void aRetryAfterBeyondTheLongestBackOffIsPassedOnInsteadOfWaited() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        ArticleErrorsTest.expectProblem(summarize(), 503, "llm-rate-limited").header("Retry-After", "120");
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void aPersistent5xxIsA502AfterFourCalls() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(503).withBody("overloaded")));
        ArticleErrorsTest.expectProblem(summarize(), 502, "llm-upstream-error").body("task", equalTo("summarize"));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(4);
    }

    @Test
    void aPassing5xxIsRetried() {
        llm.stubFor(FakeLlm.chat().inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        llm.stubFor(FakeLlm.chat().inScenario("5xx").whenScenarioStateIs("ok").willReturn(FakeLlm.completion("ملخص")));
        summarize().statusCode(200).body("provenance.llmCalls", equalTo(2));
    }

    @Test
    void malformedJsonIsA502() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"choices\": [ {\"message\": ")));
        ArticleErrorsTest.expectProblem(summarize(), 502, "llm-malformed-response");
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void anEmptyCompletionIsA502() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("   ", "stop", 10, 0)));
        ArticleErrorsTest.expectProblem(summarize(), 502, "llm-empty-completion");
    }

    @Test
    void aNullCompletionIsA502() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(null, "stop", 10, 0)));
        ArticleErrorsTest.expectProblem(summarize(), 502, "llm-empty-completion");
    }

    @Test
    void aCompletionCutByTheTokenLimitIsNeverReturnedAsComplete() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("بحث وزير الدفاع التركي مع نظيره", "length", 100, 700)));
        ArticleErrorsTest.expectProblem(summarize(), 502, "llm-truncated");
    }

    @Test
    void aWrongKeyIsA502ThatSaysSoWithoutRetrying() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"bad key\"}}")));
        ArticleErrorsTest.expectProblem(summarize(), 502, "llm-request-rejected");
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void aSlowLlmIsA504() {
        // %test timeout is 3 s
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("متأخر").withFixedDelay(5_000)));
        ArticleErrorsTest.expectProblem(summarize(), 504, "llm-timeout");
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void aDroppedConnectionIsAnUpstreamFailure() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        summarize().statusCode(org.hamcrest.Matchers.oneOf(502, 503)).contentType("application/problem+json");
    }
}
