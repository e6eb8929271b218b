package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.testing.FakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of the OpenAPI document has a unique verb+noun id, so a client generated from it gets methods such
 * as {@code getJob()} and {@code listPrompts()}, not {@code get()} and {@code list()}. The ids are part of the API:
 * renaming a Java method must not change them, so they are declared, and pinned here.
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationIdsTest {

    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /v1/summaries", "summarizeArticle"),
            Map.entry("POST /v1/summaries/batch", "summarizeBatch"),
            Map.entry("POST /v1/translations", "translateArticle"),
            Map.entry("POST /v1/translations/batch", "translateBatch"),
            Map.entry("POST /v1/digests", "digestArticle"),
            Map.entry("POST /v1/digests/batch", "digestBatch"),
            Map.entry("POST /v1/clean", "cleanArticle"),
            Map.entry("POST /v1/checks", "checkArticle"),
            Map.entry("POST /v1/jobs", "submitJob"),
            Map.entry("GET /v1/jobs/{id}", "getJob"),
            Map.entry("DELETE /v1/jobs/{id}", "cancelJob"),
            Map.entry("GET /v1/prompts", "listPrompts"),
            Map.entry("GET /v1/glossary", "showGlossary"),
            Map.entry("POST /v1/glossary/reload", "reloadGlossary")));

    private static final java.util.Set<String> METHODS = java.util.Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    @Test
    void everyOperationHasItsUniqueVerbNounId() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").asString());
        Map<String, String> ids = new TreeMap<>();
        List<String> all = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return; // a path item's shared parameters or summary
            }
            String id = operation.getValue().path("operationId").asText(null);
            all.add(id);
            ids.put(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), id);
        }));
        assertThat(ids).isEqualTo(EXPECTED);
        assertThat(all).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("[a-z]+(?:[A-Z][a-z]+)+"));
    }
}
