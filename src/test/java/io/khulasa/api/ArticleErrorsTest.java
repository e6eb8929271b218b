package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input: a clear 4xx problem with a stable code, never a 500, never a stack trace, never an LLM call. */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ArticleErrorsTest {

    static final String ARABIC = "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة.";

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص")));
    }

    @AfterEach
    void noLlmCall() {
        assertThat(FakeLlm.chatRequests(llm)).as("bad input must never reach the LLM").isEmpty();
    }

    static Stream<Arguments> badJsonBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"text\": ", 400, "malformed-json"),
                Arguments.of("not an object", "[1, 2]", 400, "malformed-json"),
                Arguments.of("missing article", "{\"title\": \"عنوان\"}", 400, "missing-article"),
                Arguments.of("empty object", "{}", 400, "missing-article"),
                Arguments.of("blank text", "{\"text\": \"  \\n \"}", 400, "blank-article"),
                Arguments.of("both text and html", "{\"text\": \"" + ARABIC + "\", \"html\": \"<p>" + ARABIC + "</p>\"}", 400,
                        "ambiguous-article"),
                Arguments.of("text is a number", "{\"text\": 42}", 400, "invalid-field-type"),
                Arguments.of("text is an object", "{\"text\": {\"a\": 1}}", 400, "invalid-field-type"),
                Arguments.of("title is an array", "{\"text\": \"" + ARABIC + "\", \"title\": [\"x\"]}", 400, "invalid-field-type"),
                Arguments.of("misspelt field", "{\"text\": \"" + ARABIC + "\", \"promtVersion\": \"v1\"}", 400, "unknown-field"),
                Arguments.of("bad promptVersion", "{\"text\": \"" + ARABIC + "\", \"promptVersion\": \"../../etc/passwd\"}", 400,
                        "invalid-prompt-version"),
                Arguments.of("promptVersion without v", "{\"text\": \"" + ARABIC + "\", \"promptVersion\": \"1\"}", 400,
                        "invalid-prompt-version"),
                Arguments.of("promptVersion wrong type", "{\"text\": \"" + ARABIC + "\", \"promptVersion\": 2}", 400,
                        "invalid-prompt-version"),
                Arguments.of("unknown promptVersion", "{\"text\": \"" + ARABIC + "\", \"promptVersion\": \"v999\"}", 404,
                        "unknown-prompt-version"),
                Arguments.of("English text", "{\"text\": \"The minister said talks would resume next week in the capital.\"}",
                        422, "no-arabic-text"),
                Arguments.of("HTML with only scripts", "{\"html\": \"<html><head><script>var a = 1;</script></head><body><script>alert(1)</script></body></html>\"}",
                        422, "no-arabic-text"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("badJsonBodies")
    void summariesAnswerAProblem(String name, String body, int status, String code) {
        expectProblem(given().contentType(ContentType.JSON).body(body).when().post("/v1/summaries").then(), status, code);
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("badJsonBodies")
    void translationsAnswerAProblem(String name, String body, int status, String code) {
        expectProblem(given().contentType(ContentType.JSON).body(body).when().post("/v1/translations").then(), status, code);
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] body = "{\"text\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1); // a lone 0xFF byte
        expectProblem(given().contentType("application/json; charset=utf-8").body(body).when().post("/v1/summaries").then(),
                400, "invalid-utf8");
    }

    @Test
    void anUnknownLengthNamesTheAllowedValues() {
        expectProblem(given().contentType(ContentType.JSON).body(Map.of("text", ARABIC, "length", "huge"))
                .when().post("/v1/summaries").then(), 400, "invalid-field-value")
                .body("detail", containsString("[short, medium, long]"));
    }

    @Test
    void anUnknownVersionListsTheAvailableOnes() {
        expectProblem(given().contentType(ContentType.JSON).body(Map.of("text", ARABIC, "promptVersion", "v7"))
                .when().post("/v1/summaries").then(), 404, "unknown-prompt-version")
                .body("available", org.hamcrest.Matchers.hasItem("v1"))
                .body("task", equalTo("summarize"));
    }

    @Test
    void anArticleOverTheLimitIsA413() {
        String big = "ا".repeat(140_000); // 280,000 bytes of UTF-8, over 262,144
        expectProblem(given().contentType(ContentType.JSON).body(Map.of("text", big)).when().post("/v1/summaries").then(),
                413, "article-too-large")
                .body("limitBytes", equalTo(262144));
    }

    @Test
    void aBodyOverTheHttpLimitIsA413Problem() {
        String huge = "{\"text\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}"; // over the 16M body limit
        expectProblem(given().contentType(ContentType.JSON).body(huge).when().post("/v1/summaries").then(),
                413, "request-too-large");
    }

    @Test
    void anotherContentTypeIsA415() {
        expectProblem(given().contentType(ContentType.TEXT).body(ARABIC).when().post("/v1/summaries").then(),
                415, "unsupported-media-type");
        expectProblem(given().contentType("application/x-www-form-urlencoded").body("text=x").when().post("/v1/translations").then(),
                415, "unsupported-media-type");
    }

    @Test
    void aMissingBodyIsA400() {
        expectProblem(given().contentType(ContentType.JSON).when().post("/v1/summaries").then(), 400, "missing-body");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        expectProblem(given().when().get("/v1/nothing-here").then(), 404, "not-found");
        expectProblem(given().when().get("/v1/summaries").then(), 405, "method-not-allowed");
    }

    @Test
    void cleanAnswersTheSameProblems() {
        expectProblem(given().contentType(ContentType.JSON).body("{\"text\": \"Hello world, nothing Arabic here at all.\"}")
                .when().post("/v1/clean").then(), 422, "no-arabic-text");
        expectProblem(given().contentType(ContentType.JSON).body("{}").when().post("/v1/clean").then(), 400, "missing-article");
    }

    static ValidatableResponse expectProblem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:khulasa:problem:" + code))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("$", not(hasKey("stackTrace")))
                .body("$", not(hasKey("trace")));
    }
}
