package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TranslationResourceTest {

    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");
    static final String TRANSLATION = FakeLlm.resource("llm/reference-translation.txt").strip();
    static final String ENGLISH_TITLE = "New Russian-Turkish talks on Syria, and talk of a solution to the Syrian file along the lines of Nagorno-Karabakh";

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    @Test
    void sendsExactlyTheGoldenChatRequestForTheReferenceArticle() throws Exception {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(ENGLISH_TITLE + "\n\n" + TRANSLATION)));
        // Pinned to v1: the golden file is v1's request, whatever the default version is.
        given().contentType("application/json").body(Map.of("text", ARTICLE, "promptVersion", "v1"))
                .when().post("/v1/translations").then().statusCode(200);

        List<JsonNode> requests = FakeLlm.chatRequests(llm);
        assertThat(requests).hasSize(1);
        JsonNode golden = new ObjectMapper().readTree(FakeLlm.resource("golden/translate-v1-reference.request.json"));
        assertThat(requests.get(0)).isEqualTo(golden);
    }

    @Test
    void sendsExactlyTheGoldenChatRequestOfTheDefaultVersion() throws Exception {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(ENGLISH_TITLE + "\n\n" + TRANSLATION)));
        given().contentType("application/json").body(Map.of("text", ARTICLE))
                .when().post("/v1/translations").then().statusCode(200).body("provenance.prompts.translate", equalTo("v4"));

        List<JsonNode> requests = FakeLlm.chatRequests(llm);
        assertThat(requests).hasSize(1);
        // v4 sends the title rule because the article has a title, and no glossary rule: no glossary entry matched.
        JsonNode golden = new ObjectMapper().readTree(FakeLlm.resource("golden/translate-v4-reference.request.json"));
        assertThat(requests.get(0)).isEqualTo(golden);
        assertThat(requests.get(0).at("/messages/0/content").asText()).contains("First line: the English translation of the title")
                .doesNotContain("House glossary");
    }

    @Test
    void theDefaultVersionSendsTheTitleAndGlossaryRulesOnlyWhenTheyApply() {
        String arabic = "قال وزير الدفاع خلوصي آكار إن الاتفاق في قره باغ صامد.\nوأضاف أن المحادثات ستستمر.";
        String english = "Defence Minister Hulusi Akar said the agreement in Nagorno-Karabakh was holding.\n\n"
                + "He added that the talks would continue.";
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(english)));
        given().contentType("application/json").body(Map.of("text", arabic))
                .when().post("/v1/translations").then().statusCode(200);
        given().contentType("application/json").body(Map.of("text", arabic, "glossary", List.of(
                        Map.of("arabic", "قره باغ", "english", "Nagorno-Karabakh", "kind", "place"))))
                .when().post("/v1/translations").then().statusCode(200)
                .body("provenance.glossary.english", equalTo(List.of("Nagorno-Karabakh")));

        List<JsonNode> requests = FakeLlm.chatRequests(llm);
        assertThat(requests).hasSize(2);
        JsonNode plain = requests.get(0);
        assertThat(plain.at("/messages/0/content").asText()).doesNotContain("First line").doesNotContain("House glossary");
        assertThat(plain.at("/messages/1/content").asText()).doesNotContain("glossary").doesNotContain("<title>");
        JsonNode withGlossary = requests.get(1);
        assertThat(withGlossary.at("/messages/0/content").asText()).isEqualTo(plain.at("/messages/0/content").asText());
        assertThat(withGlossary.at("/messages/1/content").asText()).isEqualTo("""
                Translate this Arabic news article into English.

                House glossary: wherever one of these Arabic names or terms occurs (also with a prefix such as و, ف, ب, ل, ك or ال), write its English rendering exactly as given (spelling, hyphens, capitals); it overrides the spelling rule.
                <glossary>
                - قره باغ → Nagorno-Karabakh (place)
                </glossary>

                <article>
                قال وزير الدفاع خلوصي آكار إن الاتفاق في قره باغ صامد.
                وأضاف أن المحادثات ستستمر.
                </article>
                """);
    }

    @Test
    void theFirstLineIsTheTranslatedTitleWhenATitleWasSent() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(ENGLISH_TITLE + "\n\n" + TRANSLATION, "stop", 2190, 812)));
        given().contentType("application/json").body(Map.of("text", ARTICLE))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("title", equalTo(ENGLISH_TITLE))
                .body("translation", equalTo(TRANSLATION))
                .body("provenance.prompts.translate", equalTo("v4"))
                .body("provenance.usage.inputTokens", equalTo(2190))
                .body("provenance.usage.outputTokens", equalTo(812));
    }

    @Test
    void withoutATitleTheWholeCompletionIsTheTranslation() {
        String arabic = "وقال الوزير إن المحادثات ستستمر في الأسبوع المقبل بين الطرفين.\nوأضاف أن الاتفاق قريب.";
        String english = "The minister said the talks would continue next week between the two sides.\n\nHe added that an agreement was near.";
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(english)));
        given().contentType("application/json").body(Map.of("text", arabic))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("title", nullValue())
                .body("translation", equalTo(english));

        String user = FakeLlm.chatRequests(llm).get(0).at("/messages/1/content").asText();
        assertThat(user).doesNotContain("<title>");
    }

    @Test
    void thePromptsTemperatureAndOutputLimitReachTheModel() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("The talks went on.")));
        given().contentType("application/json").body(Map.of("text", "وقال الوزير إن المحادثات ستستمر في الأسبوع المقبل."))
                .when().post("/v1/translations").then().statusCode(200);

        JsonNode request = FakeLlm.chatRequests(llm).get(0);
        assertThat(request.get("temperature").asDouble()).isEqualTo(0.1);
        assertThat(request.get("max_tokens").asInt()).isEqualTo(4096);
        assertThat(request.get("model").asText()).isEqualTo("qwen2.5:7b-instruct");
    }

    @Test
    void versionTwoListsTheGlossaryEntriesFoundInTheArticle() {
        String arabic = "قال وزير الدفاع خلوصي آكار إن الاتفاق في قره باغ صامد.\nوأضاف أن المحادثات ستستمر.";
        String english = "Defence Minister Hulusi Akar said the agreement in Nagorno-Karabakh was holding.\n\n"
                + "He added that the talks would continue.";
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(english)));
        given().contentType("application/json").body(Map.of("text", arabic, "promptVersion", "v2", "glossary", List.of(
                        Map.of("arabic", "قره باغ", "english", "Nagorno-Karabakh", "kind", "place"),
                        Map.of("arabic", "خلوصي آكار", "english", "Hulusi Akar", "kind", "person", "note", "Turkish defence minister"),
                        Map.of("arabic", "إدلب", "english", "Idlib"))))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("translation", equalTo(english))
                .body("provenance.prompts.translate", equalTo("v2"))
                .body("provenance.glossary.english", equalTo(List.of("Hulusi Akar", "Nagorno-Karabakh")))
                .body("provenance.warnings", equalTo(List.of()));

        JsonNode request = FakeLlm.chatRequests(llm).get(0);
        assertThat(request.at("/messages/1/content").asText()).isEqualTo("""
                Translate this Arabic news article into English.

                Use these English renderings for these names and terms:
                <glossary>
                - خلوصي آكار → Hulusi Akar (person); Turkish defence minister
                - قره باغ → Nagorno-Karabakh (place)
                </glossary>

                <article>
                قال وزير الدفاع خلوصي آكار إن الاتفاق في قره باغ صامد.
                وأضاف أن المحادثات ستستمر.
                </article>
                """);
        assertThat(request.at("/messages/0/content").asText())
                .contains("When a glossary is given between <glossary> and </glossary>")
                .contains("write its English rendering verbatim");
    }

    @Test
    void versionTwoWithoutGlossaryMatchesHasNoGlossarySection() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("The talks went on.")));
        given().contentType("application/json").body(Map.of("text", "وقال الوزير إن المحادثات ستستمر في الأسبوع المقبل."))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("provenance.prompts.translate", equalTo("v4"))
                .body("provenance.glossary", equalTo(List.of()))
                .body("provenance.warnings", equalTo(List.of()));
        assertThat(FakeLlm.chatRequests(llm).get(0).at("/messages/1/content").asText()).isEqualTo("""
                Translate this Arabic news article into English.

                <article>
                وقال الوزير إن المحادثات ستستمر في الأسبوع المقبل.
                </article>
                """);
    }
}
