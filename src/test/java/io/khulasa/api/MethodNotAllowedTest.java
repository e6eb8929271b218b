package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import io.restassured.response.Response;

/**
 * A 405 names the methods the path takes in {@code Allow} (RFC 9110 § 15.5.6; issue 22), and every method it names
 * is one the path really takes.
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MethodNotAllowedTest {

    @InjectFakeLlm
    WireMockServer llm;

    /** The fake is shared with the other tests of this profile: only this test's requests count. */
    @BeforeEach
    void forgetOtherTestsRequests() {
        llm.resetRequests();
    }

    @AfterEach
    void noLlmCall() {
        assertThat(FakeLlm.chatRequests(llm)).as("a wrong method never reaches the LLM").isEmpty();
    }

    static Stream<Arguments> wrongMethods() {
        String job = "/v1/jobs/5b0c2f4e-8d7a-4b55-9b8e-0f3c2a61d0aa";
        return Stream.of(
                Arguments.of("GET", "/v1/summaries", "OPTIONS, POST"),
                Arguments.of("PUT", "/v1/summaries", "OPTIONS, POST"),
                Arguments.of("DELETE", "/v1/summaries", "OPTIONS, POST"),
                Arguments.of("PATCH", "/v1/summaries", "OPTIONS, POST"),
                Arguments.of("GET", "/v1/summaries/batch", "OPTIONS, POST"),
                Arguments.of("PUT", "/v1/translations", "OPTIONS, POST"),
                Arguments.of("GET", "/v1/translations/batch", "OPTIONS, POST"),
                Arguments.of("DELETE", "/v1/digests", "OPTIONS, POST"),
                Arguments.of("PATCH", "/v1/digests/batch", "OPTIONS, POST"),
                Arguments.of("GET", "/v1/clean", "OPTIONS, POST"),
                Arguments.of("GET", "/v1/glossary/reload", "OPTIONS, POST"),
                Arguments.of("DELETE", "/v1/glossary", "GET, HEAD, OPTIONS"),
                Arguments.of("POST", "/v1/prompts", "GET, HEAD, OPTIONS"),
                Arguments.of("GET", "/v1/jobs", "OPTIONS, POST"),
                Arguments.of("PUT", job, "DELETE, GET, HEAD, OPTIONS"),
                Arguments.of("POST", job, "DELETE, GET, HEAD, OPTIONS"));
    }

    @ParameterizedTest(name = "{0} {1} -> Allow: {2}")
    @MethodSource("wrongMethods")
    void a405NamesTheAllowedMethods(String method, String path, String allow) {
        Response r = given().contentType("application/json").body("{}").when().request(method, path);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo("method-not-allowed");
        assertThat(r.header("Allow")).isEqualTo(allow);
        for (String allowed : allow.split(", ")) {
            int status = given().contentType("application/json").body("{}").when().request(allowed, path).statusCode();
            assertThat(status).as("%s %s is allowed by the 405's Allow header", allowed, path).isNotEqualTo(405);
        }
    }

    @Test
    void theTableIsReadFromTheResourceClasses() {
        Map<Pattern, Set<String>> table = AllowedMethods.of(List.of(SummaryResource.class, PromptResource.class,
                HttpProblems.class));
        assertThat(allowed(table, "/v1/summaries")).containsExactly("POST");
        assertThat(allowed(table, "/v1/summaries/batch/")).isEmpty();
        assertThat(allowed(table, "/v1/summaries/batch")).containsExactly("POST");
        assertThat(allowed(table, "/v1/prompts")).containsExactly("GET");
        assertThat(AllowedMethods.forPath("/v1/nothing-here")).isNull();
    }

    @Test
    void templatesMatchOneSegmentOrTheirOwnRegex() {
        assertThat(AllowedMethods.pattern("/v1/jobs/{id}").matcher("/v1/jobs/abc-1").matches()).isTrue();
        assertThat(AllowedMethods.pattern("/v1/jobs/{id}").matcher("/v1/jobs/a/b").matches()).isFalse();
        assertThat(AllowedMethods.pattern("/v1/x/{n: [0-9]{1,3}}").matcher("/v1/x/123").matches()).isTrue();
        assertThat(AllowedMethods.pattern("/v1/x/{n: [0-9]{1,3}}").matcher("/v1/x/1234").matches()).isFalse();
        assertThat(AllowedMethods.pattern("/v1/a.b").matcher("/v1/aXb").matches()).as("literal parts are quoted").isFalse();
    }

    private static List<String> allowed(Map<Pattern, Set<String>> table, String path) {
        return table.entrySet().stream().filter(e -> e.getKey().matcher(path).matches())
                .flatMap(e -> e.getValue().stream()).sorted().toList();
    }

}
