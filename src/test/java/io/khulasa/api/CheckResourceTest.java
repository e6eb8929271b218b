package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code POST /v1/checks}: a text written elsewhere, checked against the article with no LLM call. */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CheckResourceTest {

    static final String ARTICLE = TraceabilityTest.ARTICLE;

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    @AfterEach
    void noLlmCall() {
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    static JsonPath check(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/v1/checks").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void aSummaryWhoseEverySentenceIsSupportedHasNoFindings() {
        JsonPath json = check(Map.of("text", ARTICLE, "summary", TraceabilityTest.SUMMARY, "includeCleanedText", true));
        assertThat(json.getList("findings")).isEmpty();
        assertThat(json.getList("sentences.supported")).containsExactly(true, true);
        assertThat(json.getMap("$")).doesNotContainKey("paragraphs");
        String cleaned = TraceabilityTest.cleaned(Map.of("text", ARTICLE));
        assertThat(json.getString("cleaning.text")).isEqualTo(cleaned);
        TraceabilityTest.spansIndex(cleaned, TraceabilityTest.sources(json, "sentences"));
    }

    @Test
    void aForeignSentenceIsAnOutputUnsupportedFinding() {
        JsonPath json = check(Map.of("text", ARTICLE, "summary", TraceabilityTest.FOREIGN));
        assertThat(json.getList("sentences.supported")).containsExactly(true, true, false);
        assertThat(json.getList("findings.code")).containsExactly("output-unsupported");
        assertThat(json.getString("findings[0].detail")).contains("sentence 2").contains(TraceabilityTest.FOREIGN_SENTENCE);
    }

    @Test
    void aChangedNumberIsAnOutputNumberMismatchFinding() {
        JsonPath json = check(Map.of("text", ARTICLE, "summary", TraceabilityTest.SUMMARY.replace("120", "130")));
        assertThat(json.getList("findings.code")).contains("output-number-mismatch");
        assertThat(json.getString("findings.find { it.code == 'output-number-mismatch' }.detail")).contains("130");
    }

    @Test
    void aTranslationWithAParagraphMissingIsAnUntranslatedParagraphFinding() {
        // Each paragraph has a number: the alignment's anchors (by length alone, three paragraphs of about the same
        // length with the middle one missing are ambiguous).
        String article = """
                أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس في العاصمة.
                وقال الوزير إن 45 مستشفى مستعدة لاستقبال المرضى في الأيام المقبلة.
                وأضاف أن حملة التطعيم ستبدأ في 3 محافظات خلال الأسبوع المقبل.""";
        String missing = "The Ministry of Health announced 120 new cases of the virus in the capital today.\n\n"
                + "He added that the vaccination campaign will start in 3 provinces next week.";
        JsonPath json = check(Map.of("text", article, "translation", missing));
        assertThat(json.getList("paragraphs")).hasSize(2);
        assertThat(json.getList("findings.code")).containsExactly("untranslated-paragraph");
        assertThat(json.getString("findings[0].detail")).isEqualTo("1 of 3 article paragraphs (indexes 1)");
        assertThat(json.getMap("$")).doesNotContainKey("sentences");
        List<String> articleParagraphs = TraceabilityTest.cleaned(Map.of("text", article)).lines().toList();
        assertThat(json.getList("paragraphs.source.text")).containsExactly(articleParagraphs.get(0), articleParagraphs.get(2));
    }

    @Test
    void aCompleteTranslationHasNoFindingsAndAnArabicOneIsTheWrongLanguage() {
        JsonPath json = check(Map.of("text", ARTICLE, "translation", TraceabilityTest.TRANSLATION));
        assertThat(json.getList("findings")).isEmpty();
        assertThat(json.getList("paragraphs")).hasSize(3);
        JsonPath arabic = check(Map.of("text", ARTICLE, "translation", "هذه ليست ترجمة إلى الإنجليزية بل نص عربي آخر تماما."));
        assertThat(arabic.getList("findings.code")).contains("output-wrong-language");
    }

    @Test
    void bothTextsAreCheckedInOneRequest() {
        JsonPath json = check(Map.of("text", ARTICLE, "summary", TraceabilityTest.FOREIGN,
                "translation", TraceabilityTest.TRANSLATION));
        assertThat(json.getList("sentences")).hasSize(3);
        assertThat(json.getList("paragraphs")).hasSize(3);
        assertThat(json.getList("findings.code")).containsExactly("output-unsupported");
    }

    @Test
    void htmlInputIsCheckedOnTheCleanedTextOfTheSamePage() {
        String html = "<html><body><article>" + ARTICLE.lines().map(l -> "<p>" + l + "</p>").reduce("", String::concat)
                + "</article></body></html>";
        String cleaned = TraceabilityTest.cleaned(Map.of("html", html));
        JsonPath json = check(Map.of("html", html, "summary", TraceabilityTest.SUMMARY, "includeCleanedText", true));
        assertThat(json.getString("cleaning.text")).isEqualTo(cleaned);
        TraceabilityTest.spansIndex(cleaned, TraceabilityTest.sources(json, "sentences"));
    }

    @Test
    void badInputIsTheUsualProblem() {
        problem(Map.of("text", ARTICLE), 400, "missing-output");
        problem(Map.of("summary", TraceabilityTest.SUMMARY), 400, "missing-article");
        problem(Map.of("text", ARTICLE, "html", "<p>نص</p>", "summary", "ملخص"), 400, "ambiguous-article");
        problem(Map.of("text", "   ", "summary", "ملخص"), 400, "blank-article");
        problem(Map.of("text", ARTICLE, "summary", "  "), 400, "invalid-field-value");
        problem(Map.of("text", ARTICLE, "summary", 42), 400, "invalid-field-type");
        problem(Map.of("text", ARTICLE, "sumary", "ملخص"), 400, "unknown-field");
        problem(Map.of("text", "Only English text here, nothing else at all to read.", "summary", "ملخص"), 422,
                "no-arabic-text");
        Map<String, Object> huge = new HashMap<>(Map.of("text", ARTICLE));
        huge.put("translation", "x".repeat(300 * 1024));
        given().contentType("application/json").body(huge).post("/v1/checks").then().statusCode(413);
        given().contentType("application/json").body("{").post("/v1/checks").then().statusCode(400)
                .body("code", equalTo("malformed-json"));
        given().contentType("application/json").post("/v1/checks").then().statusCode(400)
                .body("code", equalTo("missing-body"));
    }

    static void problem(Map<String, Object> body, int status, String code) {
        given().contentType("application/json").body(body).post("/v1/checks").then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code));
    }
}
