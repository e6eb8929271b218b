package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BatchResourceTest {

    static final String ARABIC = "وقال الوزير إن المحادثات ستستمر في الأسبوع المقبل بين الطرفين.\nوأضاف أن الاتفاق قريب.";
    static final String LLM_FAILS = "وأعلنت الحكومة أن الموازنة الجديدة ستعرض على البرلمان خلال أيام قليلة.";

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
        MeetingPoint.reset();
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).willReturn(FakeLlm.completion("ملخص.")));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic")).willReturn(FakeLlm.completion("A translation.")));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("الموازنة الجديدة")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"down\"}}")));
    }

    @Test
    void oneBadArticleNeverFailsTheBatchAndResultsKeepTheInputOrder() {
        List<Map<String, Object>> articles = List.of(
                Map.of("id", "ok-1", "text", ARABIC),
                Map.of("id", "english", "text", "Only English text here, nothing else at all to read."),
                Map.of("id", "no-text", "title", "عنوان"),
                Map.of("id", "bad-version", "text", ARABIC, "promptVersions", Map.of("summarize", "x1")),
                Map.of("id", "unknown-version", "text", ARABIC, "promptVersions", Map.of("translate", "v99")),
                Map.of("id", "llm-down", "text", LLM_FAILS),
                Map.of("id", "ok-2", "text", ARABIC, "length", "short"));

        JsonPath answer = given().contentType("application/json").body(Map.of("articles", articles))
                .when().post("/v1/digests/batch").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("results.id", String.class))
                .containsExactly("ok-1", "english", "no-text", "bad-version", "unknown-version", "llm-down", "ok-2");
        assertThat(answer.getList("results.status", Integer.class)).containsExactly(200, 422, 400, 400, 404, 502, 200);
        assertThat(answer.getString("results[0].result.summary")).isEqualTo("ملخص.");
        assertThat(answer.getString("results[0].result.translation")).isEqualTo("A translation.");
        assertThat(answer.getString("results[0].result.provenance.prompts.summarize")).isEqualTo(StreamingTest.defaultVersion("summarize"));
        assertThat(answer.getString("results[1].problem.code")).isEqualTo("no-arabic-text");
        assertThat(answer.getString("results[2].problem.code")).isEqualTo("missing-article");
        assertThat(answer.getString("results[3].problem.code")).isEqualTo("invalid-prompt-version");
        assertThat(answer.getString("results[4].problem.code")).isEqualTo("unknown-prompt-version");
        assertThat(answer.getString("results[5].problem.code")).isEqualTo("llm-upstream-error");
        assertThat(answer.getString("results[5].problem.errors.translation.code")).isEqualTo("llm-upstream-error");
        assertThat(answer.getMap("results[1]")).doesNotContainKey("result");
        assertThat(answer.getMap("results[0]")).doesNotContainKey("problem");
        assertThat(answer.getInt("succeeded")).isEqualTo(2);
        assertThat(answer.getInt("failed")).isEqualTo(5);
    }

    @Test
    void articlesAreProcessedConcurrently() {
        llm.resetAll();
        // Both summaries are held until the other has arrived: one article after the other would fail here.
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص.").withTransformers(MeetingPoint.NAME)));
        given().contentType("application/json")
                .body(Map.of("articles", List.of(Map.of("id", "a", "text", ARABIC), Map.of("id", "b", "text", ARABIC))))
                .when().post("/v1/summaries/batch")
                .then().statusCode(200)
                .body("succeeded", equalTo(2))
                .body("results[1].result.summary", equalTo("ملخص."));
    }

    @Test
    void translationsBatch() {
        given().contentType("application/json")
                .body(Map.of("articles", List.of(Map.of("id", "a", "text", ARABIC), Map.of("id", "b", "html", "<p>nothing</p>"))))
                .when().post("/v1/translations/batch")
                .then().statusCode(200)
                .body("results[0].result.translation", equalTo("A translation."))
                .body("results[1].status", equalTo(422))
                .body("succeeded", equalTo(1))
                .body("failed", equalTo(1));
    }

    /** Issue 12: this item was a 500 {@code internal-error}; the single endpoint answers 502 with the guard's code. */
    @Test
    void anAnswerThatFailsAnOutputGuardIsThatItemsProblemWithTheGuardsCode() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ترجمة عربية للخبر وليست إنجليزية")));
        given().contentType("application/json").body(Map.of("articles", List.of(Map.of("id", "a", "text", ARABIC))))
                .when().post("/v1/translations/batch")
                .then().statusCode(200)
                .body("results[0].status", equalTo(502))
                .body("results[0].problem.code", equalTo("output-wrong-language"))
                .body("results[0].problem.llmCalls", equalTo(2))
                .body("failed", equalTo(1));
    }

    @Test
    void aMalformedBatchIsRefusedBeforeAnyLlmCall() {
        given().contentType("application/json").body(Map.of("articles", List.of(Map.of("id", "a", "text", ARABIC),
                Map.of("id", "a", "text", ARABIC))))
                .when().post("/v1/summaries/batch").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("duplicate-id")).body("id", equalTo("a"));
        given().contentType("application/json").body(Map.of("articles", List.of(Map.of("text", ARABIC))))
                .when().post("/v1/summaries/batch").then().statusCode(400).body("code", equalTo("missing-id"));
        given().contentType("application/json").body(Map.of("articles", List.of()))
                .when().post("/v1/summaries/batch").then().statusCode(400).body("code", equalTo("empty-batch"));
        given().contentType("application/json").body(Map.of())
                .when().post("/v1/summaries/batch").then().statusCode(400).body("code", equalTo("missing-articles"));
        given().contentType("application/json").body(Map.of("articles", List.of(Map.of("id", "a", "text", ARABIC)), "extra", 1))
                .when().post("/v1/summaries/batch").then().statusCode(400).body("code", equalTo("unknown-field"));
        // A misspelt field inside an item: the item's own request rules, unchanged.
        given().contentType("application/json").body(Map.of("articles", List.of(Map.of("id", "a", "text", ARABIC,
                "promtVersion", "v1"))))
                .when().post("/v1/summaries/batch").then().statusCode(400).body("code", equalTo("unknown-field"))
                .body("field", equalTo("promtVersion"));

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            Map<String, Object> article = new HashMap<>();
            article.put("id", "n" + i);
            article.put("text", ARABIC);
            many.add(article);
        }
        given().contentType("application/json").body(Map.of("articles", many))
                .when().post("/v1/digests/batch").then().statusCode(413)
                .body("code", equalTo("batch-too-large")).body("limit", equalTo(50));
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }
}
