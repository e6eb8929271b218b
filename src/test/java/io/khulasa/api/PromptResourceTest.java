package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.khulasa.testing.FakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PromptResourceTest {

    @Test
    void listsEveryPackagedVersionWithItsHashSourceAndDefault() throws Exception {
        String summarizeHash = sha256(Path.of("prompts/summarize/v2.yaml"));
        given().when().get("/v1/prompts")
                .then().statusCode(200)
                .body("defaults.summarize", equalTo("v2"))
                .body("defaults.translate", equalTo("v4"))
                .body("prompts.task", hasItems("summarize", "translate"))
                .body("prompts.find { it.task == 'summarize' && it.version == 'v2' }.sha256", equalTo(summarizeHash))
                .body("prompts.find { it.task == 'summarize' && it.version == 'v2' }.source", equalTo("packaged"))
                .body("prompts.find { it.task == 'summarize' && it.version == 'v2' }.isDefault", equalTo(true))
                .body("prompts.find { it.task == 'summarize' }.placeholders", hasItems("article", "title", "length", "format"))
                .body("prompts.findAll { it.task == 'translate' }.version", equalTo(java.util.List.of("v1", "v2", "v3", "v4")))
                .body("prompts.find { it.task == 'translate' && it.version == 'v2' }.placeholders", hasItems("article", "title", "glossary"))
                .body("prompts.find { it.task == 'translate' }.temperature", equalTo(0.1f))
                .body("prompts.find { it.task == 'translate' }.maxOutputTokens", equalTo(4096));
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
