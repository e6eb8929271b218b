package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A prompt version dropped into KHULASA_PROMPTS_DIR is listed and used without a rebuild. */
@QuarkusTest
@TestProfile(ExternalPromptsTest.ExternalFolder.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExternalPromptsTest {

    public static class ExternalFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khulasa.prompts.dir", Path.of("src/test/resources/external-prompts").toAbsolutePath().toString(),
                    "khulasa.tasks.translate.model", "translation-model");
        }
    }

    static final String ARTICLE = "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة.";

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص الخبر في جملة واحدة.")));
    }

    @Test
    void theExternalVersionIsListedAndBecomesTheDefault() {
        given().when().get("/v1/prompts")
                .then().statusCode(200)
                .body("defaults.summarize", equalTo("v2"))
                .body("prompts.findAll { it.task == 'summarize' }.version", equalTo(List.of("v1", "v2")))
                .body("prompts.find { it.task == 'summarize' && it.version == 'v2' }.source", equalTo("external"))
                .body("prompts.find { it.task == 'translate' && it.version == 'v1' }.source", equalTo("external"));
    }

    @Test
    void theExternalVersionIsUsedWithItsOwnParameters() {
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "title", "المحادثات"))
                .when().post("/v1/summaries")
                .then().statusCode(200).body("provenance.prompts.summarize", equalTo("v2"));

        var request = FakeLlm.chatRequests(llm).get(0);
        assertThat(request.get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(request.get("max_tokens").asInt()).isEqualTo(120);
        assertThat(request.at("/messages/1/content").asText())
                .isEqualTo("Title: المحادثات\n<article>\n" + ARTICLE + "\n</article>\n");
    }

    @Test
    void thePackagedVersionStaysAvailableByName() {
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "promptVersion", "v1"))
                .when().post("/v1/summaries")
                .then().statusCode(200).body("provenance.prompts.summarize", equalTo("v1"));
        assertThat(FakeLlm.chatRequests(llm).get(0).at("/messages/1/content").asText()).startsWith("Summarise the following");
    }

    @Test
    void aTaskModelOverrideIsSentAndReported() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("The talks will resume next week.")));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE))
                .when().post("/v1/translations")
                .then().statusCode(200).body("provenance.model", equalTo("translation-model"));
        assertThat(FakeLlm.chatRequests(llm).get(0).get("model").asText()).isEqualTo("translation-model");
    }
}
