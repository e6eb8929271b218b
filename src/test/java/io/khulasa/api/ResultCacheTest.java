package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.khulasa.tasks.ResultCache;
import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.SseEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The result cache: keyed by the cleaned article, so boilerplate does not matter; never caches failures. */
@QuarkusTest
@TestProfile(ResultCacheTest.CacheOn.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResultCacheTest {

    /** The test profile turns the cache off (tests count LLM calls); this one turns it back on. */
    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The model identity is refreshed often, so that a swapped model is noticed within the test.
            return Map.of("khulasa.cache.enabled", "true", "khulasa.llm.server-info-refresh", "200ms");
        }
    }

    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");
    static final String SUMMARY = FakeLlm.resource("llm/reference-summary.txt").strip();
    static final String TRANSLATION = FakeLlm.resource("llm/reference-translation.txt").strip();

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/v1/summaries")
    URL summaries;

    @Inject
    ResultCache cache;

    @BeforeEach
    void reset() {
        llm.resetAll();
        cache.clear();
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .willReturn(FakeLlm.completion(SUMMARY, "stop", 2113, 231)));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic"))
                .willReturn(FakeLlm.completion(TRANSLATION, "stop", 2190, 812)));
    }

    /**
     * The reference article as another site would carry it: same title and body, different byline, different
     * "read also" links, share and follow prompts, an advertisement line, a tatweel inside a word.
     */
    static String otherSite() {
        List<String> lines = new ArrayList<>(ARTICLE.lines().toList());
        lines.set(2, "الجزيرة نت – متابعات");
        lines.set(12, "شارك الخبر عبر فيسبوك وتويتر");
        lines.set(16, "طالع أيضا: أخبار سوريا اليوم");
        lines.add(16, "إعلان");
        lines.add("تابعونا على تلغرام لمتابعة آخر الأخبار");
        return String.join("\n", lines).replace("وأصدرت وزارة الدفاع", "وأصدرت وزارة الدفـــاع");
    }

    private static ValidatableResponse post(String path, Map<String, ?> body, String cacheControl) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (cacheControl != null) {
            request.header("Cache-Control", cacheControl);
        }
        return request.when().post(path).then();
    }

    @Test
    void theSameArticleFromTwoSitesIsOneEntry() {
        String other = otherSite();
        assertThat(other).isNotEqualTo(ARTICLE);
        // Precondition: the two dirty variants clean to the same title and text.
        var a = given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE)).post("/v1/clean").then().statusCode(200)
                .extract().jsonPath();
        var b = given().contentType(ContentType.JSON).body(Map.of("text", other)).post("/v1/clean").then().statusCode(200)
                .extract().jsonPath();
        assertThat(b.getString("text")).isEqualTo(a.getString("text"));
        assertThat(b.getString("title")).isEqualTo(a.getString("title"));

        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200)
                .body("summary", equalTo(SUMMARY))
                .body("provenance.cached", equalTo(false))
                .body("provenance.llmCalls", equalTo(1));
        post("/v1/summaries", Map.of("text", other), null).statusCode(200)
                .body("summary", equalTo(SUMMARY))
                .body("provenance.cached", equalTo(true))
                .body("provenance.llmCalls", equalTo(0))
                .body("provenance.usage.inputTokens", equalTo(0))
                .body("provenance.prompts.summarize", equalTo("v2"))
                .body("provenance.model", equalTo("qwen2.5:7b-instruct"))
                // the cleaning report is this request's own
                .body("cleaning.charsIn", equalTo(other.length()));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
        // the in-memory cache's meters, as docs/operations.md names them
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("cache_gets_total\\{cache=\"khulasa-results\",result=\"hit\"} [1-9]")
                .containsPattern("cache_size\\{cache=\"khulasa-results\"} 1\\.0");
    }

    /** A streamed request whose answer is cached streams it at once, and its {@code done} event says so. */
    @Test
    void aCachedAnswerIsStreamedAtOnceAndItsDoneEventSaysCached() {
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200).body("provenance.cached", equalTo(false));

        SseEvents.Answer answer = SseEvents.post(summaries.toString(), Map.of("text", ARTICLE));

        assertThat(answer.text()).isEqualTo(SUMMARY);
        SseEvents.Event done = answer.last();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().at("/provenance/cached").asBoolean()).isTrue();
        assertThat(done.data().at("/provenance/llmCalls").asInt()).isZero();
        assertThat(FakeLlm.chatRequests(llm)).as("the stream made no LLM call").hasSize(1);
    }

    /** A streamed answer, once accepted, is stored like a blocking one: the next request gets it from the cache. */
    @Test
    void aStreamedAnswerIsCachedForTheNextRequest() {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true"))).atPriority(1)
                .willReturn(FakeLlm.streamed(List.of(SUMMARY.substring(0, 20), SUMMARY.substring(20)), "stop", 2113, 231)));

        SseEvents.Answer streamed = SseEvents.post(summaries.toString(), Map.of("text", ARTICLE));
        assertThat(streamed.last().data().at("/provenance/cached").asBoolean()).isFalse();
        assertThat(streamed.text()).isEqualTo(SUMMARY);

        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200)
                .body("summary", equalTo(SUMMARY))
                .body("provenance.cached", equalTo(true))
                .body("provenance.llmCalls", equalTo(0));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void noCacheAsksAgainAndRefreshesTheEntry() {
        post("/v1/translations", Map.of("text", ARTICLE), null).statusCode(200).body("provenance.cached", equalTo(false));
        String revised = TRANSLATION.replace("The Russian Defence Ministry", "Russia's Defence Ministry");
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(revised)));

        post("/v1/translations", Map.of("text", ARTICLE), "no-cache").statusCode(200)
                .body("provenance.cached", equalTo(false))
                .body("provenance.llmCalls", equalTo(1))
                .body("translation", org.hamcrest.Matchers.containsString("Russia's Defence Ministry"));
        post("/v1/translations", Map.of("text", ARTICLE), "max-age=0, No-Cache").statusCode(200)
                .body("provenance.cached", equalTo(false));
        // The refreshed answer is what the cache now serves.
        post("/v1/translations", Map.of("text", ARTICLE), null).statusCode(200)
                .body("provenance.cached", equalTo(true))
                .body("translation", org.hamcrest.Matchers.containsString("Russia's Defence Ministry"));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(2);
    }

    /** Issue 12: a long article's chunk calls bypassed the refresh and came back {@code cached: true}. */
    @Test
    void noCacheOnALongArticleAsksTheLlmAgainForEveryChunk() {
        String longArticle = FakeLlm.resource("articles/long-investigation-water.txt");
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate part"))
                .willReturn(FakeLlm.completion("A faithful English translation of this part.")));
        int chunks = post("/v1/translations", Map.of("text", longArticle), null).statusCode(200)
                .body("provenance.cached", equalTo(false)).extract().path("provenance.chunks");
        assertThat(chunks).isGreaterThan(1);
        post("/v1/translations", Map.of("text", longArticle), null).statusCode(200)
                .body("provenance.cached", equalTo(true)).body("provenance.llmCalls", equalTo(0));
        post("/v1/translations", Map.of("text", longArticle), "no-cache").statusCode(200)
                .body("provenance.cached", equalTo(false)).body("provenance.llmCalls", equalTo(chunks));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(2 * chunks);
    }

    /** Issue 13: the model behind the configured name changed (pulled again); its old answers are not served. */
    @Test
    void aModelSwappedBehindTheSameNameNeverServesTheOldModelsAnswers() throws InterruptedException {
        servedModel(1_732_000_000L);
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200).body("provenance.cached", equalTo(false));
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200).body("provenance.cached", equalTo(true));

        servedModel(1_733_000_000L);
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200).body("provenance.cached", equalTo(false));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(2);
    }

    /** What Ollama's {@code GET /v1/models} lists; waits until khulasa has read it (refreshed every 200 ms here). */
    private void servedModel(long created) throws InterruptedException {
        llm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models").willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"object\":\"list\",\"data\":[{\"id\":"
                        + "\"qwen2.5:7b-instruct\",\"object\":\"model\",\"created\":" + created
                        + ",\"owned_by\":\"library\"}]}")));
        int seen = llm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/models"))).size();
        for (int i = 0; i < 100 && llm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/models"))).size() < seen + 2; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void optionsPromptVersionAndGlossaryArePartOfTheKey() {
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200).body("provenance.cached", equalTo(false));
        post("/v1/summaries", Map.of("text", ARTICLE, "length", "short"), null).statusCode(200)
                .body("provenance.cached", equalTo(false));
        post("/v1/summaries", Map.of("text", ARTICLE, "format", "bullets"), null).statusCode(200)
                .body("provenance.cached", equalTo(false));
        post("/v1/summaries", Map.of("text", ARTICLE, "promptVersion", "v1"), null).statusCode(200)
                .body("provenance.cached", equalTo(false));
        post("/v1/summaries", Map.of("text", ARTICLE, "length", "short"), null).statusCode(200)
                .body("provenance.cached", equalTo(true));
        post("/v1/translations", Map.of("text", ARTICLE), null).statusCode(200).body("provenance.cached", equalTo(false));
        post("/v1/translations", Map.of("text", ARTICLE, "glossary",
                List.of(Map.of("arabic", "قره باغ", "english", "Karabakh"))), null).statusCode(200)
                .body("provenance.cached", equalTo(false))
                .body("provenance.glossary.english", equalTo(List.of("Karabakh")));
        post("/v1/translations", Map.of("text", ARTICLE, "glossary",
                List.of(Map.of("arabic", "قره باغ", "english", "Karabakh"))), null).statusCode(200)
                .body("provenance.cached", equalTo(true))
                .body("provenance.glossary.english", equalTo(List.of("Karabakh")));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(6);
    }

    @Test
    void aDigestReusesCachedPartsAndIsCachedOnlyWhenBothAre() {
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200)
                .body("provenance", not(hasKey("cachedParts")));
        // The summary part came from the cache, the translation did not: said per part, the whole is not cached.
        post("/v1/digests", Map.of("text", ARTICLE), null).statusCode(200)
                .body("summary", equalTo(SUMMARY))
                .body("provenance.cached", equalTo(false))
                .body("provenance.cachedParts", equalTo(List.of("summarize")))
                .body("provenance.llmCalls", equalTo(1));
        post("/v1/digests", Map.of("text", ARTICLE), null).statusCode(200)
                .body("provenance.cached", equalTo(true))
                .body("provenance.cachedParts", equalTo(List.of("summarize", "translate")))
                .body("provenance.llmCalls", equalTo(0));
        post("/v1/translations", Map.of("text", ARTICLE), null).statusCode(200)
                .body("provenance.cached", equalTo(true))
                .body("provenance.cachedParts", equalTo(List.of("translate")));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(2);
    }

    @Test
    void failuresAreNeverCached() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad model\"}")));
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(502).body("code", equalTo("llm-request-rejected"));
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("The summary in English.")));
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(502).body("code", equalTo("output-wrong-language"));
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(SUMMARY)));
        post("/v1/summaries", Map.of("text", ARTICLE), null).statusCode(200)
                .body("provenance.cached", equalTo(false)).body("provenance.llmCalls", equalTo(1));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void anExtractiveFallbackIsNeverCached() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(503)));
        post("/v1/summaries", Map.of("text", ARTICLE, "allowExtractive", true), null).statusCode(200)
                .body("provenance.engine", equalTo("extractive"))
                .body("provenance.cached", equalTo(false));
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(SUMMARY)));
        post("/v1/summaries", Map.of("text", ARTICLE, "allowExtractive", true), null).statusCode(200)
                .body("provenance.engine", equalTo("llm"))
                .body("provenance.cached", equalTo(false))
                .body("provenance.llmCalls", greaterThanOrEqualTo(1));
    }
}
