package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.LogCapture;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Articles may be embargoed and keys are secrets: neither may reach the log. Full requests (a summary, a translation,
 * an LLM error whose body echoes the article, a refused key) run with a handler on the root logger; no captured line,
 * at any level (khulasa's own categories at DEBUG in this profile), holds the article, the answer or a key.
 */
@QuarkusTest
@TestProfile(SecurityTest.Secured.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LogHygieneTest {

    static final String API_KEY = "log-key-9f3e7c21b5";
    static final String WRONG_KEY = "stolen-key-77aa0c";
    // Distinctive sentences that appear nowhere else.
    static final String ARTICLE = "أعلنت بلدية الزرقاء اليوم افتتاح حديقة السنديان الكبرى بعد ترميم استمر ثلاث سنوات كاملة.";
    static final String SECRET_PHRASE = "حديقة السنديان الكبرى";
    static final String SUMMARY = "افتتحت بلدية الزرقاء حديقة السنديان الكبرى بعد الترميم.";
    static final String TRANSLATION = "Zarqa municipality opened the Great Oak Garden after a three-year restoration.";

    @InjectFakeLlm
    WireMockServer llm;

    private final LogCapture capture = new LogCapture();
    private final List<String> lines = capture.lines();

    @BeforeEach
    void attach() {
        llm.resetAll();
        capture.attach();
    }

    @AfterEach
    void detach() {
        capture.detach();
    }

    @TestHTTPResource("/v1/summaries")
    java.net.URL summaries;

    /**
     * An editor stopping a stream (the desk closes its connection) is not a failure of the service: nothing is logged
     * at ERROR, where Quarkus's last-resort handler logged the closed connection with an error id and a 500 problem
     * was mapped for the response that could no longer be ended. Nor is it a failure of the model (no failure logged,
     * so none counted by the circuit breaker either), and the model call stops with the stream instead of running to
     * the end of its answer: a write to the closed connection did not fail, so it used to run on for as long as the
     * model kept generating.
     */
    @Test
    void aClientClosingAnEventStreamStopsTheModelCallAndLogsNoError() throws Exception {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pieces.add("جملة " + i + " من الملخص. ");
        }
        // The pieces dribble in over twenty seconds: the client goes away after the first ones.
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.streamed(pieces, "stop", 120, 40).withChunkedDribbleDelay(40, 20_000)));
        byte[] body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(Map.of("text", ARTICLE));
        long closed;
        try (java.net.Socket socket = new java.net.Socket(summaries.getHost(), summaries.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + summaries.getPath() + " HTTP/1.1\r\nHost: " + summaries.getHost() + "\r\n"
                    + "X-API-Key: " + API_KEY + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            List<String> head200 = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.startsWith("event: delta"); line = in.readLine()) {
                head200.add(line); // the head, then events until the first delta
            }
            assertThat(head200).contains("Cache-Control: no-cache", "X-Accel-Buffering: no");
            closed = System.nanoTime();
        }
        // The stream notices the closed connection at the model's next piece (half a second apart here).
        long deadline = closed + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (lines.stream().noneMatch(l -> l.contains("Event stream closed by the client")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long stoppedAfterMs = (System.nanoTime() - closed) / 1_000_000;
        Thread.sleep(1_000); // what would be logged after the stream ends (the response's close)
        assertThat(lines).anyMatch(l -> l.contains("Event stream closed by the client"));
        assertThat(stoppedAfterMs).as("the stream stopped with its client, not at the end of the model's answer (20 s)")
                .isLessThan(10_000);
        assertThat(lines).as("the client leaving is not the model failing").noneMatch(l -> l.contains("failed after"));
        assertThat(lines).noneMatch(l -> l.startsWith("SEVERE") || l.startsWith("ERROR"));
    }

    @Test
    void noArticleTextNoAnswerAndNoKeyIsLogged() {
        Map<String, String> body = Map.of("text", ARTICLE, "title", "افتتاح " + SECRET_PHRASE);
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(SUMMARY)));
        given().header("Authorization", "Bearer " + API_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/v1/summaries").then().statusCode(200);

        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(TRANSLATION)));
        given().header("X-API-Key", API_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/v1/translations").then().statusCode(200);

        // A provider whose error body echoes the prompt: retried, then a 502, and still nothing in the log.
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"failed on input: " + ARTICLE + "\"}}")));
        given().header("X-API-Key", API_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/v1/summaries").then().statusCode(502);

        given().header("Authorization", "Bearer " + WRONG_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/v1/summaries").then().statusCode(403);

        assertThat(lines).as("the capture works: the requests logged something").isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains(SECRET_PHRASE))
                .noneMatch(l -> l.contains("بلدية الزرقاء"))
                .noneMatch(l -> l.contains("Great Oak Garden"))
                .noneMatch(l -> l.contains(API_KEY))
                .noneMatch(l -> l.contains(WRONG_KEY));
    }
}
