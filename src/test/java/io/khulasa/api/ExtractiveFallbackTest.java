package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.extractive.ExtractiveSummarizer;
import io.khulasa.extractive.SummaryLength;
import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The extractive summary stands in for an unavailable LLM, only when the request allows it, and never silently. */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExtractiveFallbackTest {

    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");
    static final String CLEANED = FakeLlm.resource("articles/taif-post-karabakh.cleaned.txt").strip();
    static final String TRANSLATION = FakeLlm.resource("llm/reference-translation.txt").strip();

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    private static ValidatableResponse post(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", ARTICLE);
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = { "short", "medium", "long" })
    void anLlmOutageWithAllowExtractiveIsAnsweredByTheExtractiveSummary(String length) {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(503).withBody("overloaded")));
        String expected = new ExtractiveSummarizer().summarize(CLEANED, SummaryLength.parse(length)).text();

        post("/v1/summaries", body("allowExtractive", true, "length", length))
                .statusCode(200)
                .body("summary", equalTo(expected))
                .body("title", equalTo("محادثات روسية تركية جديدة بشأن سوريا وحديث عن حل للملف السوري على غرار ما جرى في “قره باغ”"))
                .body("provenance.engine", equalTo("extractive"))
                .body("provenance.cached", equalTo(false))
                .body("provenance.model", nullValue())
                .body("provenance.prompts", equalTo(Map.of()))
                .body("provenance.warnings", equalTo(List.of("extractive-fallback: the language model was unavailable "
                        + "(llm-upstream-error), so this summary is the article's "
                        + SummaryLength.parse(length).sentences() + " most central sentences, verbatim, not an LLM summary")));
        // The LLM was tried (with its retries) before falling back.
        assertThat(FakeLlm.chatRequests(llm)).hasSize(4);
    }

    @Test
    void bulletsAreOneSentencePerLine() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(500)));
        String summary = post("/v1/summaries", body("allowExtractive", true, "length", "short", "format", "bullets"))
                .statusCode(200).body("provenance.engine", equalTo("extractive")).extract().path("summary");
        assertThat(summary.lines()).hasSize(2).allMatch(l -> l.startsWith("- "));
    }

    @Test
    void aPersistentRateLimitFallsBackToo() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        post("/v1/summaries", body("allowExtractive", true))
                .statusCode(200)
                .header("Retry-After", nullValue())
                .body("provenance.engine", equalTo("extractive"))
                .body("provenance.warnings[0]", org.hamcrest.Matchers.containsString("(llm-rate-limited)"));
    }

    @Test
    void aTimeoutFallsBackToo() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص").withFixedDelay(4_000)));
        post("/v1/summaries", body("allowExtractive", true))
                .statusCode(200)
                .body("provenance.engine", equalTo("extractive"))
                .body("provenance.warnings[0]", org.hamcrest.Matchers.containsString("(llm-timeout)"));
    }

    @Test
    void withoutTheFlagTheOutageIsTheAnswer() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(503)));
        ArticleErrorsTest.expectProblem(post("/v1/summaries", body()), 502, "llm-upstream-error");
        llm.resetRequests();
        ArticleErrorsTest.expectProblem(post("/v1/summaries", body("allowExtractive", false)), 502, "llm-upstream-error");
    }

    @Test
    void badInputIsNeverSummarisedExtractively() {
        ArticleErrorsTest.expectProblem(post("/v1/summaries", Map.of("text", "This is an English text, not an Arabic article.",
                "allowExtractive", true)), 422, "no-arabic-text");
        ArticleErrorsTest.expectProblem(post("/v1/summaries", body("allowExtractive", "yes")), 400, "invalid-field-type");
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void anLlmThatAnsweredBadlyIsAnErrorNotAnOutage() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص مقطوع", "length", 100, 700)));
        ArticleErrorsTest.expectProblem(post("/v1/summaries", body("allowExtractive", true)), 502, "llm-truncated");
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("A summary in English.")));
        ArticleErrorsTest.expectProblem(post("/v1/summaries", body("allowExtractive", true)), 502, "output-wrong-language");
    }

    @Test
    void aDigestFallsBackForItsSummaryAndReportsTheTranslation() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(503)));
        post("/v1/digests", body("allowExtractive", true, "length", "short"))
                .statusCode(200)
                .body("summary", equalTo(new ExtractiveSummarizer().summarize(CLEANED, SummaryLength.SHORT).text()))
                .body("translation", nullValue())
                .body("errors.translation.code", equalTo("llm-upstream-error"))
                .body("provenance.engine", equalTo("extractive"));
    }

    /** Issue 12: a long article's digest had no extractive fallback for its (chunked) summary part. */
    @Test
    void aLongArticlesDigestFallsBackForItsChunkedSummary() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(503)));
        given().contentType("application/json").body(Map.of("text",
                FakeLlm.resource("articles/long-investigation-water.txt"), "allowExtractive", true))
                .when().post("/v1/digests").then()
                .statusCode(200)
                .body("summary", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("errors.translation.code", equalTo("llm-upstream-error"))
                .body("provenance.engine", equalTo("extractive"));
    }

    @Test
    void aDigestWithAnExtractiveSummaryAndAnLlmTranslationIsMixed() {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .willReturn(aResponse().withStatus(503)));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic"))
                .willReturn(FakeLlm.completion(TRANSLATION)));
        post("/v1/digests", body("allowExtractive", true))
                .statusCode(200)
                .body("errors", nullValue())
                .body("provenance.engine", equalTo("mixed"))
                .body("provenance.prompts", equalTo(Map.of("translate", "v4")))
                .body("provenance.warnings[0]", org.hamcrest.Matchers.startsWith("extractive-fallback: "));
    }
}
