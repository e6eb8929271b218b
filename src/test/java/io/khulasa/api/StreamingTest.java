package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.SseEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Server-Sent Events for articles within the single-call budget; long articles: {@link LongArticleStreamingTest}. */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StreamingTest {

    static final String ARABIC = "وقال الوزير إن المحادثات ستستمر في الأسبوع المقبل بين الطرفين.\nوأضاف أن الاتفاق قريب.";

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/v1/summaries")
    URL summaries;

    @TestHTTPResource("/v1/translations")
    URL translations;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    @Test
    void aSummaryIsStreamedAsDeltasThenDone() {
        llm.stubFor(FakeLlm.chat().withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(FakeLlm.streamed(List.of("قال الوزير ", "إن المحادثات ", "ستستمر."), "stop", 120, 9)));

        SseEvents.Answer answer = SseEvents.post(summaries.toString(), Map.of("text", ARABIC, "title", "محادثات"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/event-stream");
        assertThat(answer.named("delta")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(answer.text()).isEqualTo("قال الوزير إن المحادثات ستستمر.");
        SseEvents.Event done = answer.last();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("title").asText()).isEqualTo("محادثات");
        assertThat(done.data().at("/provenance/prompts/summarize").asText()).isEqualTo(defaultVersion("summarize"));
        assertThat(done.data().at("/provenance/usage/inputTokens").asInt()).isEqualTo(120);
        assertThat(done.data().at("/provenance/usage/outputTokens").asInt()).isEqualTo(9);
        assertThat(done.data().at("/provenance/llmCalls").asInt()).isEqualTo(1);
        assertThat(done.data().get("provenance").has("chunks")).isFalse();
        assertThat(done.data().has("cleaning")).isTrue();

        JsonNode request = FakeLlm.chatRequests(llm).get(0);
        assertThat(request.get("stream").asBoolean()).isTrue();
        assertThat(request.get("max_tokens").asInt()).isEqualTo(700);
    }

    @Test
    void aTranslationsTitleLineIsNotStreamedButSentInDone() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.streamed(List.of("Talks", " to go on\n", "\nThe minister said", " talks would continue.\n\nHe added a deal was near.\n"),
                "stop", 200, 30)));

        SseEvents.Answer answer = SseEvents.post(translations.toString(), Map.of("text", ARABIC, "title", "محادثات"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("The minister said talks would continue.\n\nHe added a deal was near.");
        assertThat(answer.last().name()).isEqualTo("done");
        assertThat(answer.last().data().get("title").asText()).isEqualTo("Talks to go on");
        assertThat(answer.last().data().at("/provenance/prompts/translate").asText()).isEqualTo(defaultVersion("translate"));
    }

    @Test
    void aStreamCutByTheOutputLimitEndsWithAnErrorEvent() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.streamed(List.of("The minister said", " talks would"), "length", 200, 4096)));

        SseEvents.Answer answer = SseEvents.post(translations.toString(), Map.of("text", ARABIC));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.named("done")).isEmpty();
        SseEvents.Event error = answer.last();
        assertThat(error.name()).isEqualTo("error");
        assertThat(error.data().get("code").asText()).isEqualTo("llm-truncated");
        assertThat(error.data().get("status").asInt()).isEqualTo(502);
        assertThat(error.data().get("type").asText()).isEqualTo("urn:khulasa:problem:llm-truncated");
    }

    @Test
    void anLlmFailureBeforeAnyTextIsRetriedThenAnErrorEvent() {
        llm.stubFor(FakeLlm.chat().willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"boom\"}}")));

        SseEvents.Answer answer = SseEvents.post(summaries.toString(), Map.of("text", ARABIC));

        assertThat(answer.last().name()).isEqualTo("error");
        assertThat(answer.last().data().get("code").asText()).isEqualTo("llm-upstream-error");
        assertThat(FakeLlm.chatRequests(llm)).hasSize(4);
    }

    @Test
    void badInputIsANormalProblemResponseBeforeTheStreamOpens() {
        SseEvents.Answer blank = SseEvents.post(translations.toString(), Map.of("text", "   "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.body()).contains("blank-article");

        SseEvents.Answer english = SseEvents.post(summaries.toString(), Map.of("text", "Only English text here, nothing else at all to read."));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.body()).contains("no-arabic-text");

        SseEvents.Answer version = SseEvents.post(summaries.toString(), Map.of("text", ARABIC, "promptVersion", "v99"));
        assertThat(version.status()).isEqualTo(404);
        assertThat(version.body()).contains("unknown-prompt-version");
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void withoutAnEventStreamAcceptHeaderTheAnswerIsStillJson() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص.")));
        given().contentType("application/json").body(Map.of("text", ARABIC))
                .when().post("/v1/summaries")
                .then().statusCode(200).contentType("application/json").body("summary", equalTo("ملخص."));
        given().contentType("application/json").accept("application/json, text/event-stream;q=0.5").body(Map.of("text", ARABIC))
                .when().post("/v1/summaries")
                .then().statusCode(200).contentType("application/json");
    }

    /** The task's default prompt version, as the service reports it (defaults change as versions are released). */
    static String defaultVersion(String task) {
        return io.restassured.RestAssured.given().when().get("/v1/prompts").then().statusCode(200).extract()
                .path("defaults.'" + task + "'");
    }

    /** Issue 12: a streamed "summary" in English ended with done; unstreamed, the same answer is a 502. */
    @Test
    void aStreamedAnswerInTheWrongLanguageEndsWithTheGuardsCodeNeverDone() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.streamed("The minister said ", "the talks would continue.")));
        SseEvents.Answer answer = SseEvents.post(summaries.toString(), Map.of("text", ARABIC));
        assertThat(answer.text()).isEqualTo("The minister said the talks would continue.");
        assertThat(answer.last().name()).isEqualTo("error");
        assertThat(answer.last().data().get("code").asText()).isEqualTo("output-wrong-language");
        assertThat(answer.named("done")).isEmpty();
        assertThat(FakeLlm.chatRequests(llm)).as("text already shown is never asked again").hasSize(1);
    }
}
