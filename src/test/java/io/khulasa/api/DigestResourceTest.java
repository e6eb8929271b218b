package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.MeetingPoint;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DigestResourceTest {

    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");
    static final String SUMMARY = FakeLlm.resource("llm/reference-summary.txt").strip();
    static final String TRANSLATION = FakeLlm.resource("llm/reference-translation.txt").strip();
    static final String TITLE_EN = "New Russian-Turkish talks on Syria";

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
        MeetingPoint.reset();
    }

    private void summaryAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).willReturn(answer));
    }

    private void translationAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic")).willReturn(answer));
    }

    @Test
    void runsBothCallsConcurrently() {
        // Each answer is held until the other request has arrived: sequential calls would fail here.
        summaryAnswers(FakeLlm.completion(SUMMARY, "stop", 2000, 200).withTransformers(MeetingPoint.NAME));
        translationAnswers(FakeLlm.completion(TITLE_EN + "\n\n" + TRANSLATION, "stop", 2100, 800)
                .withTransformers(MeetingPoint.NAME));

        given().contentType("application/json").body(Map.of("text", ARTICLE))
                .when().post("/v1/digests")
                .then().statusCode(200)
                .body("summary", equalTo(SUMMARY))
                .body("translation", equalTo(TRANSLATION))
                .body("translatedTitle", equalTo(TITLE_EN))
                .body("provenance.prompts.summarize", equalTo("v2"))
                .body("provenance.prompts.translate", equalTo("v4"))
                .body("provenance.usage.inputTokens", equalTo(4100))
                .body("provenance.usage.outputTokens", equalTo(1000))
                .body("provenance.llmCalls", equalTo(2))
                .body("$", not(hasKey("errors")));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(2);
    }

    @Test
    void aFailedPartIsReportedAndTheOtherReturned() {
        summaryAnswers(FakeLlm.completion(SUMMARY));
        translationAnswers(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}"));

        given().contentType("application/json").body(Map.of("text", ARTICLE))
                .when().post("/v1/digests")
                .then().statusCode(200)
                .body("summary", equalTo(SUMMARY))
                .body("$", not(hasKey("translation")))
                .body("errors.translation.status", equalTo(502))
                .body("errors.translation.code", equalTo("llm-upstream-error"))
                .body("errors.translation.type", equalTo("urn:khulasa:problem:llm-upstream-error"))
                .body("errors.translation.task", equalTo("translate"))
                .body("$", not(hasKey("errors.summary")))
                .body("provenance.prompts", equalTo(Map.of("summarize", "v2")));
    }

    @Test
    void whenEveryPartFailsTheWholeRequestFails() {
        summaryAnswers(FakeLlm.completion("", "stop", 10, 0));
        translationAnswers(aResponse().withStatus(500));

        given().contentType("application/json").body(Map.of("text", ARTICLE))
                .when().post("/v1/digests")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("llm-empty-completion"))
                .body("errors.summary.code", equalTo("llm-empty-completion"))
                .body("errors.translation.code", equalTo("llm-upstream-error"));
    }

    @Test
    void anUnknownVersionForOnePartFailsBeforeAnyLlmCall() {
        given().contentType("application/json")
                .body(Map.of("text", ARTICLE, "promptVersions", Map.of("translate", "v99")))
                .when().post("/v1/digests")
                .then().statusCode(404)
                .body("code", equalTo("unknown-prompt-version"))
                .body("task", equalTo("translate"));
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }
}
