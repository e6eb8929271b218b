package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.khulasa.testing.AnsweringDoor;
import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * {@link SummaryRoute}: which summary requests it answers, which it hands on to Quarkus REST, and that for the same
 * request both doors answer the same (status, headers, body but for the request's own ids and times).
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SummaryRouteTest {

    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");
    static final String SUMMARY = FakeLlm.resource("llm/reference-summary.txt").strip();
    static final String JSON_BODY = json(Map.of("text", ARTICLE));
    /** Quarkus REST chooses the JSON method for it as for {@code application/json}; the route leaves weights to it. */
    static final String ACCEPT_FOR_REST = "application/json;q=1.0";

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/v1/summaries")
    URL summaries;

    @BeforeEach
    void reset() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(SUMMARY, "stop", 2113, 231)));
    }

    /** The request as sent: the Content-Type exactly as given (RestAssured would add a charset otherwise). */
    private static RequestSpecification exactly(String contentType, String accept) {
        RequestSpecification spec = given().config(RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (contentType != null) {
            spec = spec.header("Content-Type", contentType);
        }
        if (accept != null) {
            spec = spec.header("Accept", accept);
        }
        return spec;
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                // content type, accept, body, the door that answers, status
                Arguments.of("application/json", null, JSON_BODY, "route", 200),
                Arguments.of("application/json; charset=UTF-8", "*/*", JSON_BODY, "route", 200),
                Arguments.of("Application/JSON;charset=\"utf-8\"", "application/json", JSON_BODY, "route", 200),
                // Quarkus REST weighs the media types, and chooses the event stream when asked for it.
                Arguments.of("application/json", ACCEPT_FOR_REST, JSON_BODY, "rest", 200),
                Arguments.of("application/json", "text/event-stream", JSON_BODY, "rest", 200),
                Arguments.of("application/json", "application/json, text/event-stream", JSON_BODY, "rest", 200),
                Arguments.of("application/json", "text/html", JSON_BODY, "rest", 406),
                // A body declared in another charset, or not as JSON, is Quarkus REST's to read (it reads JSON by its bytes).
                Arguments.of("application/json; charset=UTF-16", null, JSON_BODY, "rest", 200),
                Arguments.of("text/plain", null, JSON_BODY, "rest", 415),
                // Bodies that do not parse or pass validation get Quarkus REST's problems, as always.
                Arguments.of("application/json", null, "{\"text\": ", "rest", 400),
                Arguments.of("application/json", null, "{\"text\": 42}", "rest", 400),
                Arguments.of("application/json", null, "{\"text\": \"نص\", \"colour\": \"red\"}", "rest", 400),
                Arguments.of("application/json", null, "null", "rest", 400),
                Arguments.of("application/json", null, "{\"text\": \"نص\", \"promptVersion\": \"1;drop\"}", "rest", 400),
                // Valid JSON the core refuses (empty, no Arabic) is the route's to answer with the core's problem.
                Arguments.of("application/json", null, "{\"text\": \"\"}", "route", 400),
                Arguments.of("application/json", null, "{\"text\": \"short English text\"}", "route", 422));
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @MethodSource("requests")
    void answersThePlainJsonRequestAndHandsOnTheRest(String contentType, String accept, String body, String door, int status) {
        Response response = exactly(contentType, accept).header("Cache-Control", "no-cache").body(body)
                .when().post("/v1/summaries");
        assertThat(response.header(AnsweringDoor.HEADER)).as("the door that answered").isEqualTo(door);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.header(RequestIdFilter.HEADER)).isNotBlank();
    }

    /** A body of unknown length (chunked) is not read on the event loop: Quarkus REST streams it, as before. */
    @Test
    void aChunkedBodyGoesToQuarkusRest() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(summaries.toURI()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(JSON_BODY.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(AnsweringDoor.HEADER)).hasValue("rest");
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("a summary", JSON_BODY, "ok"),
                Arguments.of("the core's refusal", "{\"text\": \"short English text\"}", "ok"),
                Arguments.of("an empty text", "{\"text\": \"  \"}", "ok"),
                Arguments.of("an unknown prompt version", "{\"text\": \"نص\", \"promptVersion\": \"v99\"}", "ok"),
                Arguments.of("the model's error", JSON_BODY, "llm-400"),
                Arguments.of("the model over its limit", JSON_BODY, "llm-429"));
    }

    /** The same request through each door: the same status, headers and body but for the request's own ids and times. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void bothDoorsAnswerTheSame(String outcome, String body, String model) throws Exception {
        switch (model) {
            case "llm-400" -> llm.stubFor(FakeLlm.chat().willReturn(WireMock.aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    // vLLM's rejection; not a context overflow, whose window the planner would remember for later tests
                    .withBody("{\"object\":\"error\",\"message\":\"temperature must be non-negative, got -1.0.\","
                            + "\"type\":\"BadRequestError\",\"param\":null,\"code\":400}")));
            case "llm-429" -> llm.stubFor(FakeLlm.chat().willReturn(WireMock.aResponse().withStatus(429)
                    .withHeader("Content-Type", "application/json").withHeader("Retry-After", "7")
                    .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));
            default -> {
            }
        }
        Response route = exactly("application/json", "application/json").header("Cache-Control", "no-cache").body(body)
                .when().post("/v1/summaries");
        Response rest = exactly("application/json", ACCEPT_FOR_REST).header("Cache-Control", "no-cache").body(body)
                .when().post("/v1/summaries");
        assertThat(route.header(AnsweringDoor.HEADER)).isEqualTo("route");
        assertThat(rest.header(AnsweringDoor.HEADER)).isEqualTo("rest");
        assertThat(route.statusCode()).isEqualTo(rest.statusCode());
        assertThat(headers(route)).isEqualTo(headers(rest));
        assertThat(comparable(route.asString())).isEqualTo(comparable(rest.asString()));
    }

    @Test
    void echoesASaneRequestIdAndReplacesAnotherOne() {
        Response given = exactly("application/json", null).header("X-Request-Id", "desk-42.a").body(JSON_BODY)
                .when().post("/v1/summaries");
        assertThat(given.header(AnsweringDoor.HEADER)).isEqualTo("route");
        assertThat(given.header(RequestIdFilter.HEADER)).isEqualTo("desk-42.a");
        assertThat(given.jsonPath().getString("provenance.requestId")).isEqualTo("desk-42.a");

        Response replaced = exactly("application/json", null).header("X-Request-Id", "bad id\twith tab").body(JSON_BODY)
                .when().post("/v1/summaries");
        assertThat(replaced.header(RequestIdFilter.HEADER)).matches("[0-9a-f-]{36}");
        assertThat(replaced.jsonPath().getString("provenance.requestId")).isEqualTo(replaced.header(RequestIdFilter.HEADER));
    }

    /** Header names and the values that do not differ by request (its id, its length, the door marker left out). */
    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().forEach(h -> {
            String name = h.getName().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals(AnsweringDoor.HEADER.toLowerCase(java.util.Locale.ROOT))) {
                headers.put(name, name.equals("x-request-id") || name.equals("content-length") ? "…" : h.getValue());
            }
        });
        return headers;
    }

    /** The body without what is the request's own: its ids and its duration. */
    private static JsonNode comparable(String body) throws Exception {
        JsonNode node = new ObjectMapper().readTree(body);
        if (node instanceof ObjectNode object) {
            object.remove("traceId");
            if (object.get("provenance") instanceof ObjectNode provenance) {
                provenance.remove(java.util.List.of("requestId", "traceId", "durationMs"));
            }
        }
        return node;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
