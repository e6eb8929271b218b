package io.khulasa.reallm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.khulasa.testing.FakeLlm;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Opt-in: the packaged service against a REAL OpenAI-protocol model, configured through the usual environment
 * variables. Not part of {@code ./mvnw verify}; run it with
 * <pre>
 * QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL=http://localhost:11434/v1 \
 * QUARKUS_LANGCHAIN4J_OPENAI_CHAT_MODEL_MODEL_NAME=qwen2.5:7b-instruct \
 * ./mvnw -B verify -Preal-llm
 * </pre>
 * It checks what can be checked of a real answer: status, language, that names from the article survive.
 */
@QuarkusIntegrationTest
class RealLlmSmokeIT {

    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");

    @Test
    void summarisesTheReferenceArticleInArabic() {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "length", "short"))
                .when().post("/v1/summaries").then().statusCode(200).extract().jsonPath();
        String summary = answer.getString("summary");
        assertThat(share(summary, Character.UnicodeScript.ARABIC)).as(summary).isGreaterThan(0.9);
        assertThat(summary).containsAnyOf("قره باغ", "أردوغان", "بوتين");
        System.out.printf("summary (%s, %s ms):%n%s%n", answer.getString("provenance.model"), answer.getString("provenance.durationMs"), summary);
    }

    @Test
    void translatesTheReferenceArticleIntoEnglish() {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE))
                .when().post("/v1/translations").then().statusCode(200).extract().jsonPath();
        String translation = answer.getString("translation");
        assertThat(share(translation, Character.UnicodeScript.LATIN)).as(translation).isGreaterThan(0.95);
        assertThat(translation).contains("Karabakh").containsAnyOf("Erdogan", "Erdoğan").contains("Putin");
        assertThat(answer.getString("title")).isNotBlank();
        System.out.printf("translation (%s, %s ms):%n%s%n%s%n", answer.getString("provenance.model"),
                answer.getString("provenance.durationMs"), answer.getString("title"), translation);
    }

    static double share(String text, Character.UnicodeScript script) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long inScript = text.codePoints().filter(Character::isLetter).filter(c -> Character.UnicodeScript.of(c) == script).count();
        return letters == 0 ? 0 : (double) inScript / letters;
    }
}
