package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.SseEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 21, phase 2: every delivery of a summary carries its {@code sentences}, of a translation its
 * {@code paragraphs}, with offsets into the cleaned text exactly as {@code POST /v1/clean} returns it; strict mode.
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TraceabilityTest {

    /** Astral characters (emoji, a flag: surrogate pairs) before the spans, so UTF-16 and code points differ. */
    static final String ARTICLE = """
            أعلنت وزارة الصحة 😷 اليوم تسجيل 120 إصابة جديدة بالفيروس في العاصمة 🇸🇦.
            وقال وزير الصحة خالد العبدالله إن المستشفيات مستعدة لاستقبال المرضى.
            وأضاف أن حملة التطعيم ستبدأ الأسبوع المقبل في جميع المحافظات.""";

    static final String SUMMARY = "سجلت وزارة الصحة 120 إصابة جديدة بالفيروس في العاصمة. وستبدأ حملة التطعيم "
            + "الأسبوع المقبل في جميع المحافظات.";

    static final String FOREIGN_SENTENCE = "وفاز المنتخب البرازيلي بكأس العالم لكرة القدم بعد مباراة مثيرة.";

    static final String FOREIGN = SUMMARY + " " + FOREIGN_SENTENCE;

    static final String TRANSLATION = """
            The Ministry of Health announced 120 new cases of the virus in the capital today.

            Health Minister Khalid Al-Abdullah said hospitals were ready to receive patients.

            He added that the vaccination campaign will start next week in all provinces.""";

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/v1/summaries")
    URL summaries;

    @BeforeEach
    void reset() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .willReturn(FakeLlm.completion(SUMMARY)));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic"))
                .willReturn(FakeLlm.completion(TRANSLATION)));
    }

    static String cleaned(Map<String, Object> input) {
        return given().contentType("application/json").body(input).post("/v1/clean").then().statusCode(200)
                .extract().jsonPath().getString("text");
    }

    /** Every span's text is the cleaned text's substring at its offsets. */
    static void spansIndex(String cleaned, List<Map<String, Object>> spans) {
        assertThat(spans).isNotEmpty();
        for (Map<String, Object> span : spans) {
            int start = (Integer) span.get("start");
            int end = (Integer) span.get("end");
            assertThat(cleaned.substring(start, end)).isEqualTo(span.get("text"));
        }
    }

    static List<Map<String, Object>> sources(JsonPath json, String sentences) {
        return json.<Map<String, Object>>getList(sentences + ".sources.flatten()");
    }

    @Test
    void aSummaryCarriesOneSupportedSentenceEachWithSpansOfTheCleanedTextAfterAstralCharacters() {
        String cleaned = cleaned(Map.of("text", ARTICLE));
        assertThat(cleaned.codePointCount(0, cleaned.length())).isLessThan(cleaned.length());
        JsonPath json = given().contentType("application/json")
                .body(Map.of("text", ARTICLE, "includeCleanedText", true)).post("/v1/summaries")
                .then().statusCode(200).extract().jsonPath();

        assertThat(json.getString("cleaning.text")).isEqualTo(cleaned);
        assertThat(json.getList("sentences.text")).containsExactly(
                "سجلت وزارة الصحة 120 إصابة جديدة بالفيروس في العاصمة.",
                "وستبدأ حملة التطعيم الأسبوع المقبل في جميع المحافظات.");
        assertThat(json.getList("sentences.supported")).containsOnly(true);
        spansIndex(cleaned, sources(json, "sentences"));
        // The first sentence's best source is the article's first sentence, which holds the emoji.
        int start = json.getInt("sentences[0].sources[0].start");
        int end = json.getInt("sentences[0].sources[0].end");
        assertThat(cleaned.substring(start, end)).contains("120").contains("😷");
        // The second one's source comes after both emoji: an offset in code points would be off by the pairs.
        assertThat(json.getInt("sentences[1].sources[0].start")).isGreaterThan(cleaned.indexOf("🇸🇦"));
        assertThat(json.getList("provenance.warnings")).isEmpty();
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void withoutIncludeCleanedTextTheReportHasNoText() {
        JsonPath json = given().contentType("application/json").body(Map.of("text", ARTICLE)).post("/v1/summaries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getMap("cleaning")).doesNotContainKey("text");
    }

    @Test
    void htmlInputIsTracedOnTheCleanedTextOfTheSamePage() {
        String html = "<html><head><title>الصحة</title></head><body><article>"
                + ARTICLE.lines().map(l -> "<p>" + l + "</p>").reduce("", String::concat)
                + "</article></body></html>";
        String cleaned = cleaned(Map.of("html", html));
        JsonPath json = given().contentType("application/json").body(Map.of("html", html, "includeCleanedText", true))
                .post("/v1/summaries").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("cleaning.text")).isEqualTo(cleaned);
        spansIndex(cleaned, sources(json, "sentences"));
        assertThat(json.getList("sentences.supported")).containsOnly(true);
    }

    @Test
    void anUnsupportedSentenceIsFlaggedAndWarnedByDefault() {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).atPriority(1)
                .willReturn(FakeLlm.completion(FOREIGN)));
        JsonPath json = given().contentType("application/json").body(Map.of("text", ARTICLE)).post("/v1/summaries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("sentences.supported")).containsExactly(true, true, false);
        assertThat(json.getString("sentences[2].text")).isEqualTo(FOREIGN_SENTENCE);
        assertThat(json.getList("provenance.warnings", String.class))
                .contains("unsupported-sentence: 1 of 3 sentences (indexes 2)");
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void strictModeRepromptsOnceNamingTheSentenceThenRefuses() {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).atPriority(1)
                .willReturn(FakeLlm.completion(FOREIGN)));
        given().contentType("application/json").body(Map.of("text", ARTICLE, "requireSupport", true))
                .post("/v1/summaries").then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("output-unsupported"))
                .body("sentence", org.hamcrest.Matchers.equalTo(FOREIGN_SENTENCE))
                .body("sentenceIndex", org.hamcrest.Matchers.equalTo(2))
                .body("llmCalls", org.hamcrest.Matchers.equalTo(2));
        List<JsonNode> requests = FakeLlm.chatRequests(llm);
        assertThat(requests).hasSize(2);
        JsonNode messages = requests.get(1).get("messages");
        assertThat(messages.get(messages.size() - 1).get("content").asText()).contains(FOREIGN_SENTENCE);
    }

    @Test
    void strictModeAcceptsASupportedAnswerToTheReprompt() {
        llm.stubFor(FakeLlm.chat().inScenario("strict").whenScenarioStateIs(Scenario.STARTED).atPriority(1)
                .willReturn(FakeLlm.completion(FOREIGN)).willSetStateTo("again"));
        llm.stubFor(FakeLlm.chat().inScenario("strict").whenScenarioStateIs("again").atPriority(1)
                .willReturn(FakeLlm.completion(SUMMARY)));
        JsonPath json = given().contentType("application/json").body(Map.of("text", ARTICLE, "requireSupport", true))
                .post("/v1/summaries").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("summary")).isEqualTo(SUMMARY);
        assertThat(json.getList("sentences.supported")).containsOnly(true);
        assertThat(json.getList("provenance.warnings", String.class)).anyMatch(w -> w.startsWith("output-reprompted")
                && w.contains("output-unsupported"));
        assertThat(json.getInt("provenance.llmCalls")).isEqualTo(2);
    }

    @Test
    void aStreamedSummaryEndsWithItsSentencesAndStrictModeWithAnErrorEvent() {
        llm.stubFor(FakeLlm.chat().atPriority(1).willReturn(FakeLlm.streamed(List.of(SUMMARY.substring(0, 20),
                SUMMARY.substring(20), " " + FOREIGN_SENTENCE), "stop", 100, 20)));
        SseEvents.Answer warned = SseEvents.post(summaries.toString(), Map.of("text", ARTICLE));
        SseEvents.Event done = warned.last();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("sentences")).hasSize(3);
        assertThat(done.data().at("/sentences/2/supported").asBoolean()).isFalse();
        assertThat(done.data().at("/provenance/warnings").toString()).contains("unsupported-sentence");

        SseEvents.Answer strict = SseEvents.post(summaries.toString(), Map.of("text", ARTICLE, "requireSupport", true));
        SseEvents.Event error = strict.last();
        assertThat(error.name()).isEqualTo("error");
        assertThat(error.data().get("code").asText()).isEqualTo("output-unsupported");
        assertThat(error.data().get("sentenceIndex").asInt()).isEqualTo(2);
    }

    @Test
    void aTranslationCarriesItsParagraphsAlignedToTheArticle() {
        String cleaned = cleaned(Map.of("text", ARTICLE));
        JsonPath json = given().contentType("application/json").body(Map.of("text", ARTICLE)).post("/v1/translations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("paragraphs")).hasSize(3);
        List<Map<String, Object>> sources = json.getList("paragraphs.source");
        spansIndex(cleaned, sources);
        assertThat(json.getList("paragraphs.source.text")).containsExactlyElementsOf(cleaned.lines().toList());
        assertThat(json.getList("provenance.warnings")).isEmpty();
    }

    @Test
    void aStreamedTranslationEndsWithItsParagraphs() {
        llm.stubFor(FakeLlm.chat().atPriority(1).willReturn(FakeLlm.streamed(List.of(TRANSLATION.substring(0, 40),
                TRANSLATION.substring(40)), "stop", 100, 60)));
        SseEvents.Answer answer = SseEvents.post(summaries.toString().replace("summaries", "translations"),
                Map.of("text", ARTICLE, "includeCleanedText", true));
        SseEvents.Event done = answer.last();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("paragraphs")).hasSize(3);
        assertThat(done.data().has("sentences")).isFalse();
        String cleaned = done.data().at("/cleaning/text").asText();
        assertThat(cleaned).isEqualTo(cleaned(Map.of("text", ARTICLE)));
        for (JsonNode p : done.data().get("paragraphs")) {
            JsonNode source = p.get("source");
            assertThat(cleaned.substring(source.get("start").asInt(), source.get("end").asInt()))
                    .isEqualTo(source.get("text").asText());
        }
    }

    @Test
    void aNumberAbsentFromItsSourceParagraphIsAParagraphWarning() {
        // 120 is in the article, but not in the paragraph the second English paragraph translates.
        String moved = TRANSLATION.replace("said hospitals", "said 120 hospitals");
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic")).atPriority(1)
                .willReturn(FakeLlm.completion(moved)));
        JsonPath json = given().contentType("application/json").body(Map.of("text", ARTICLE)).post("/v1/translations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("provenance.warnings", String.class))
                .anyMatch(w -> w.startsWith("paragraph-number-mismatch: paragraph 1 "));
    }

    @Test
    void aDigestCarriesBothPartsFromOneIndex() {
        String cleaned = cleaned(Map.of("text", ARTICLE));
        JsonPath json = given().contentType("application/json").body(Map.of("text", ARTICLE)).post("/v1/digests")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("summarySentences")).hasSize(2);
        spansIndex(cleaned, sources(json, "summarySentences"));
        assertThat(json.getList("translationParagraphs")).hasSize(3);
        spansIndex(cleaned, json.getList("translationParagraphs.source"));
    }

    @Test
    void aStrictDigestWhoseSummaryIsRefusedKeepsItsTranslation() {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).atPriority(1)
                .willReturn(FakeLlm.completion(FOREIGN)));
        JsonPath json = given().contentType("application/json").body(Map.of("text", ARTICLE, "requireSupport", true))
                .post("/v1/digests").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("errors.summary.code")).isEqualTo("output-unsupported");
        assertThat(json.getMap("$")).doesNotContainKey("summarySentences");
        assertThat(json.getList("translationParagraphs")).hasSize(3);
    }

    @Test
    void aBatchItemAndAJobResultCarryTheSentences() throws InterruptedException {
        JsonPath batch = given().contentType("application/json")
                .body(Map.of("articles", List.of(Map.of("id", "a", "text", ARTICLE)))).post("/v1/summaries/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(batch.getList("results[0].result.sentences")).hasSize(2);

        String id = given().contentType("application/json")
                .body(Map.of("task", "summary", "articles", List.of(Map.of("id", "a", "text", ARTICLE))))
                .post("/v1/jobs").then().statusCode(202).extract().jsonPath().getString("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath job;
        do {
            Thread.sleep(50);
            job = given().get("/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
        } while (!"done".equals(job.getString("status")) && System.nanoTime() < deadline);
        assertThat(job.getString("status")).isEqualTo("done");
        assertThat(job.getList("results[0].result.sentences.supported")).containsExactly(true, true);
    }
}
