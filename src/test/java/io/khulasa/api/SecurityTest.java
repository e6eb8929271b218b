package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

/**
 * API keys, per-key rate limits and the protected metrics endpoint. Every test uses its own key, so the rate limit
 * (5 per minute per key) of one test never refuses another's calls.
 */
@QuarkusTest
@TestProfile(SecurityTest.Secured.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecurityTest {

    /** Keys from the list and from a file, 5 requests per minute per key, metrics behind a key, DEBUG logs. */
    public static class Secured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("khulasa.security.api-keys", "bearer-key-0001,header-key-0002,rate-key-a,rate-key-b,"
                    + LogHygieneTest.API_KEY + ",metrics-key-0003,rate-key-c");
            config.put("khulasa.security.api-keys-file", keyFile().toString());
            config.put("khulasa.security.allow-anonymous", "false");
            config.put("khulasa.security.protect-metrics", "true");
            config.put("khulasa.security.rate-limit.per-minute", "5");
            // LogHygieneTest checks every level khulasa logs at, DEBUG included.
            config.put("quarkus.log.category.\"io.khulasa\".level", "DEBUG");
            return config;
        }

        private static Path keyFile() {
            try {
                Path file = Files.createTempFile("khulasa-api-keys", ".txt");
                Files.writeString(file, "# keys for the test desk\nfile-key-0004   # rotated monthly\n\n");
                file.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final Map<String, String> BODY = Map.of("text", "قال وزير الخارجية إن المحادثات بين الطرفين ستستأنف الأسبوع المقبل في العاصمة.");

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    @Test
    void withoutAKeyEveryApiCallIs401WithWwwAuthenticateAndNothingReachesTheLlm() {
        ArticleErrorsTest.expectProblem(given().contentType(ContentType.JSON).body(BODY).when().post("/v1/summaries").then(),
                401, "missing-api-key").header("WWW-Authenticate", startsWith("Bearer"));
        ArticleErrorsTest.expectProblem(given().when().get("/v1/prompts").then(), 401, "missing-api-key");
        ArticleErrorsTest.expectProblem(given().header("Authorization", "Basic Zm9vOmJhcg==").when().get("/v1/prompts").then(),
                401, "missing-api-key");
        ArticleErrorsTest.expectProblem(given().contentType(ContentType.JSON).body(BODY).when().post("/v1/clean").then(),
                401, "missing-api-key").header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void anUnknownKeyIs403() {
        ArticleErrorsTest.expectProblem(given().header("Authorization", "Bearer not-a-key").contentType(ContentType.JSON)
                .body(BODY).when().post("/v1/translations").then(), 403, "invalid-api-key");
        ArticleErrorsTest.expectProblem(given().header("X-API-Key", "bearer-key-000").when().get("/v1/prompts").then(),
                403, "invalid-api-key");
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void aKnownKeyWorksAsBearerTokenOrXApiKeyHeaderOrFromTheKeyFile() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص الخبر")));
        given().header("Authorization", "Bearer bearer-key-0001").contentType(ContentType.JSON).body(BODY)
                .when().post("/v1/summaries").then().statusCode(200).body("summary", equalTo("ملخص الخبر"));
        given().header("X-API-Key", "header-key-0002").when().get("/v1/prompts").then().statusCode(200);
        given().header("Authorization", "Bearer file-key-0004").when().get("/v1/prompts").then().statusCode(200);
    }

    @Test
    void healthAndOpenApiStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health").then().statusCode(200);
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void metricsNeedAKeyWhenProtected() {
        given().when().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer")).body("code", equalTo("missing-api-key"))
                .body("type", equalTo("urn:khulasa:problem:missing-api-key"));
        given().header("X-API-Key", "wrong").when().get("/q/metrics").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("invalid-api-key"));
        given().header("Authorization", "Bearer metrics-key-0003").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("khulasa_llm_in_flight"));
    }

    @Test
    void theSixthCallInAMinuteIs429WithRetryAfterAndOtherKeysKeepTheirOwnBudget() {
        for (int i = 0; i < 5; i++) {
            given().header("X-API-Key", "rate-key-a").when().get("/v1/prompts").then().statusCode(200);
        }
        // 5 per minute, refilled greedily: the next token comes about 12 s later.
        String retryAfter = ArticleErrorsTest.expectProblem(given().header("X-API-Key", "rate-key-a").when().get("/v1/prompts")
                .then(), 429, "rate-limited").extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 13);
        given().header("Authorization", "Bearer rate-key-b").when().get("/v1/prompts").then().statusCode(200);
        // A refused call (no key) does not spend anyone's budget, and a limited key stays limited.
        ArticleErrorsTest.expectProblem(given().header("Authorization", "Bearer rate-key-a").when().get("/v1/prompts")
                .then(), 429, "rate-limited");
    }

    /**
     * The summary's own route ({@link SummaryRoute}) refuses like the resource, and a request it hands on to Quarkus
     * REST (a body that does not parse) is counted once, by Quarkus REST's filter: 2 handed on + 3 answered by the
     * route are the key's 5, the sixth is refused.
     */
    @Test
    void theSummaryRouteRefusesLikeTheResourceAndCountsAHandedOnRequestOnce() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص الخبر")));
        ArticleErrorsTest.expectProblem(given().contentType(ContentType.JSON).body(BODY).when().post("/v1/summaries").then(),
                401, "missing-api-key").header("WWW-Authenticate", startsWith("Bearer"))
                .header(io.khulasa.testing.AnsweringDoor.HEADER, "route");
        ArticleErrorsTest.expectProblem(given().header("X-API-Key", "not-a-key").contentType(ContentType.JSON).body(BODY)
                .when().post("/v1/summaries").then(), 403, "invalid-api-key")
                .header(io.khulasa.testing.AnsweringDoor.HEADER, "route");
        for (int i = 0; i < 2; i++) {
            ArticleErrorsTest.expectProblem(given().header("X-API-Key", "rate-key-c").contentType(ContentType.JSON)
                    .body("{\"text\": 42}").when().post("/v1/summaries").then(), 400, "invalid-field-type")
                    .header(io.khulasa.testing.AnsweringDoor.HEADER, "rest");
        }
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", "rate-key-c").header("Cache-Control", "no-cache").contentType(ContentType.JSON)
                    .body(BODY).when().post("/v1/summaries").then().statusCode(200)
                    .header(io.khulasa.testing.AnsweringDoor.HEADER, "route");
        }
        String retryAfter = ArticleErrorsTest.expectProblem(given().header("X-API-Key", "rate-key-c")
                .contentType(ContentType.JSON).body(BODY).when().post("/v1/summaries").then(), 429, "rate-limited")
                .header(io.khulasa.testing.AnsweringDoor.HEADER, "route").header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 13);
        assertThat(FakeLlm.chatRequests(llm)).hasSize(3);
    }
}
