package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Metrics, health and request ids, as operators see them. */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsTest {

    static final Map<String, String> BODY = Map.of("text", "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة.");

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    @Test
    void oneSummaryShowsTokenAndLatencySeries() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص", "stop", 321, 45)));
        given().contentType(ContentType.JSON).body(BODY).when().post("/v1/summaries").then().statusCode(200);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("khulasa_llm_tokens_total{model=\"qwen2.5:7b-instruct\",task=\"summarize\",type=\"input\"}"))
                .body(containsString("khulasa_llm_duration_seconds_count{model=\"qwen2.5:7b-instruct\",outcome=\"success\",task=\"summarize\"}"))
                .body(containsString("gen_ai_client_token_usage"))
                .body(containsString("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/v1/summaries\"}"));
    }

    @Test
    void llmErrorsAreCountedByKind() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("مقطوع", "length", 10, 700)));
        given().contentType(ContentType.JSON).body(BODY).when().post("/v1/translations").then().statusCode(502);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("khulasa_llm_errors_total{kind=\"truncated\",model=\"qwen2.5:7b-instruct\",task=\"translate\"}"));
    }

    @Test
    void readinessIgnoresTheLlmAndTheLlmGroupReportsIt() {
        llm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/group/llm").then().statusCode(503).body("checks[0].name", equalTo("llm"))
                .body("checks[0].status", equalTo("DOWN"));

        llm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"data\": []}")));
        given().when().get("/q/health/group/llm").then().statusCode(200).body("checks[0].status", equalTo("UP"));
    }

    @Test
    void theRequestIdIsInTheProvenance() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص الخبر")));
        given().header("X-Request-Id", "desk-7").contentType(ContentType.JSON).body(BODY).when().post("/v1/summaries")
                .then().statusCode(200).header("X-Request-Id", "desk-7").body("provenance.requestId", equalTo("desk-7"));
        String made = given().contentType(ContentType.JSON).body(BODY).when().post("/v1/summaries")
                .then().statusCode(200).extract().header("X-Request-Id");
        given().contentType(ContentType.JSON).body(BODY).header("X-Request-Id", made).when().post("/v1/summaries")
                .then().statusCode(200).body("provenance.requestId", equalTo(made));
    }

    @Test
    void theCallersRequestIdIsEchoedOrOneIsMade() {
        given().header("X-Request-Id", "desk-42.abc").contentType(ContentType.JSON).body(BODY).when().post("/v1/clean")
                .then().statusCode(200).header("X-Request-Id", "desk-42.abc");
        given().contentType(ContentType.JSON).body(BODY).when().post("/v1/clean")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "bad id with spaces\nand a newline").when().get("/v1/prompts")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
