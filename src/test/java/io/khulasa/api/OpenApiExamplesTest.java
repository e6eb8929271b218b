package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/** Every request body example in the OpenAPI document, batches included, is a request the service accepts. */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiExamplesTest {

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void answers() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Arabic-to-English"))
                .willReturn(FakeLlm.completion("Talks on Syria\n\nThe ministers discussed peace and stability.")));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise"))
                .willReturn(FakeLlm.completion("بحث الوزيران سبل إرساء السلام والاستقرار في سوريا.")));
    }

    @Test
    void everyRequestBodyExampleIsAccepted() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").asString());
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            JsonNode examples = path.getValue().path("post").path("requestBody").path("content")
                    .path("application/json").path("examples");
            for (Map.Entry<String, JsonNode> example : examples.properties()) {
                JsonNode value = resolve(doc, example.getValue()).get("value");
                int status = given().contentType("application/json").body(value.toString()).post(path.getKey())
                        .then().extract().statusCode();
                assertThat(status).as("example %s of POST %s", example.getKey(), path.getKey()).isBetween(200, 299);
                checked.add(path.getKey());
            }
        }
        assertThat(checked).contains("/v1/summaries", "/v1/translations", "/v1/digests", "/v1/clean",
                "/v1/summaries/batch", "/v1/translations/batch", "/v1/digests/batch");
        // Every POST with a JSON body has an example.
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (path.getValue().path("post").path("requestBody").path("content").has("application/json")) {
                assertThat(checked).as("an example for POST %s", path.getKey()).contains(path.getKey());
            }
        }
    }

    /** A {@code $ref} to a component example, or the example itself. */
    private static JsonNode resolve(JsonNode doc, JsonNode example) {
        if (!example.has("$ref")) {
            return example;
        }
        String name = example.get("$ref").asText().substring("#/components/examples/".length());
        return doc.at("/components/examples/" + name);
    }
}
