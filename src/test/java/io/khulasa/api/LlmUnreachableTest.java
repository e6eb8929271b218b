package io.khulasa.api;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Nothing listens at the configured base URL: 503, and the service itself stays healthy. */
@QuarkusTest
@TestProfile(LlmUnreachableTest.NothingListening.class)
class LlmUnreachableTest {

    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
            return Map.of("quarkus.langchain4j.openai.base-url", "http://127.0.0.1:9/v1");
        }
    }

    @Test
    void anUnreachableLlmIsA503() {
        ArticleErrorsTest.expectProblem(given().contentType(ContentType.JSON)
                .body(Map.of("text", "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة."))
                .when().post("/v1/translations").then(), 503, "llm-unreachable");
    }

    @Test
    void anUnreachableLlmIsAnsweredExtractivelyWhenTheRequestAllowsIt() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة. "
                        + "وأضاف الوزير أن الاتفاق بات قريبا بعد جولات عدة من التفاوض بين الوفدين.", "allowExtractive", true))
                .when().post("/v1/summaries").then().statusCode(200)
                .body("provenance.engine", org.hamcrest.Matchers.equalTo("extractive"))
                .body("provenance.warnings[0]", org.hamcrest.Matchers.containsString("(llm-unreachable)"))
                .body("summary", org.hamcrest.Matchers.startsWith("قال وزير الخارجية"));
    }

    @Test
    void healthPromptsAndTheCleanerServeWithoutAnLlm() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/v1/prompts").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة."))
                .when().post("/v1/clean").then().statusCode(200);
    }
}
