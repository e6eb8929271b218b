package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.khulasa.testing.FakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiTest {

    @ParameterizedTest
    @ValueSource(strings = { "/v1/summaries", "/v1/translations", "/v1/digests" })
    void everyTaskEndpointDocumentsEveryErrorStatus(String path) {
        var post = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath()
                .getMap("paths.'" + path + "'.post");
        org.assertj.core.api.Assertions.assertThat(post).containsKeys("summary", "description", "requestBody", "responses");
        org.assertj.core.api.Assertions.assertThat(((java.util.Map<?, ?>) post.get("responses")).keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "413", "415", "422", "429", "502", "503", "504");
    }

    @Test
    void errorsUseTheProblemSchemaAndExamplesUseTheReferenceArticle() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Problem.properties", hasKey("code"))
                .body("components.responses.BadRequest.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.responses.LlmUnavailable.headers", hasKey("Retry-After"))
                .body("components.examples.ReferenceArticleText.value.text", containsString("الصـ.ـراع"))
                .body("paths.'/v1/summaries'.post.requestBody.content.'application/json'.examples.'reference-article'.'$ref'",
                        equalTo("#/components/examples/ReferenceArticleSummaryRequest"))
                .body("paths.'/v1/prompts'.get.summary", notNullValue())
                .body("paths.'/v1/clean'.post.summary", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/summaries", "/v1/translations", "/v1/digests" })
    void everyTaskEndpointDocumentsTheCacheControlHeader(String path) {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'" + path + "'.post.parameters.'$ref'", hasItem("#/components/parameters/CacheControl"))
                .body("components.parameters.CacheControl.in", equalTo("header"))
                .body("components.parameters.CacheControl.name", equalTo("Cache-Control"));
    }

    @Test
    void guardsCacheAndExtractiveFallbackAreDocumented() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.SummaryRequest.properties", hasKey("allowExtractive"))
                .body("components.schemas.DigestRequest.properties", hasKey("allowExtractive"))
                .body("components.schemas.Provenance.properties", hasKey("engine"))
                .body("components.schemas.Provenance.properties", hasKey("cached"))
                .body("components.schemas.Provenance.properties.cachedParts.description", containsString("cachedParts"))
                .body("components.responses.LlmFailed.content.'application/problem+json'.examples.keySet()",
                        hasItems("output-wrong-language", "output-number-mismatch", "output-echo", "output-empty"))
                .body("components.responses.LlmFailed.content.'application/problem+json'.examples.'output-echo'.value.code",
                        equalTo("output-echo"))
                .body("components.examples.ExtractiveSummary.value.provenance.engine", equalTo("extractive"))
                .body("paths.'/v1/summaries'.post.responses.'200'.content.'application/json'.examples.extractive.'$ref'",
                        equalTo("#/components/examples/ExtractiveSummary"));
    }

    @Test
    void theApiKeySchemesAndTheProtectionProblemsAreDocumented() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearerApiKey.scheme", equalTo("bearer"))
                .body("components.securitySchemes.headerApiKey.name", equalTo("X-API-Key"))
                .body("security.size()", equalTo(2))
                .body("components.responses.MissingApiKey.headers", hasKey("WWW-Authenticate"))
                .body("components.responses.InvalidApiKey.content.'application/problem+json'.examples", hasKey("invalid-api-key"))
                .body("components.responses.RateLimited.headers", hasKey("Retry-After"))
                .body("components.responses.LlmUnavailable.content.'application/problem+json'.examples", hasKey("llm-circuit-open"))
                .body("components.responses.LlmUnavailable.content.'application/problem+json'.examples", hasKey("llm-saturated"))
                .body("paths.'/v1/prompts'.get.responses", hasKey("401"))
                .body("paths.'/v1/clean'.post.responses", hasKey("429"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    /** Batch items are the single request plus an id, in the document too; the glossary file may be null. */
    @Test
    void batchItemsListEveryFieldOfTheSingleRequestAndTheGlossaryFileMayBeNull() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.SummaryBatchItem.properties.keySet()", hasItems("id", "text", "html", "title",
                        "promptVersion", "length", "format", "allowExtractive"))
                .body("components.schemas.SummaryBatchItem.required", hasItem("id"))
                .body("components.schemas.DigestBatchItem.properties.keySet()", hasItems("id", "promptVersions", "glossary"))
                .body("components.schemas.TranslationBatchItem.properties.keySet()", hasItems("id", "glossary"))
                .body("paths.'/v1/digests/batch'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/DigestBatchRequest"))
                .body("components.schemas.GlossaryResponse.properties.file.type", hasItem("null"));
    }
}
