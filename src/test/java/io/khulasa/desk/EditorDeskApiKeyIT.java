package io.khulasa.desk;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The desk on a service that requires API keys: the page itself loads without one, learns from the 401 on
 * {@code GET /v1/prompts} that it needs a key, asks for it, keeps it for the tab only and sends it as a bearer token.
 */
@QuarkusIntegrationTest
@TestProfile(EditorDeskApiKeyIT.WithKeys.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EditorDeskApiKeyIT {

    static final String KEY = "desk-key-7f3a9c0e51";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khulasa.security.api-keys", KEY + ",another-key-0002", "khulasa.security.allow-anonymous", "false");
        }
    }

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/")
    URL root;

    DeskBrowser browser;

    @BeforeEach
    void start() throws Exception {
        llm.resetAll();
        browser = DeskBrowser.start(root.toURI());
    }

    @AfterEach
    void stop() {
        try {
            browser.screenshot("end-api-key");
        } finally {
            browser.close();
        }
    }

    @Test
    void theKeyIsAskedForAfterA401UsedAsABearerTokenAndKeptForTheTabOnly() {
        // The page and its assets need no key; the API does.
        given().when().get("/").then().statusCode(200);
        given().when().get("/desk/app.js").then().statusCode(200);
        given().when().get("/v1/prompts").then().statusCode(401);

        browser.openDesk();
        assertThat(browser.js("return document.body.dataset.prompts")).isEqualTo("needs-key");
        assertThat(browser.id("key-panel").isDisplayed()).isTrue();
        assertThat(browser.id("key-notice").getText()).contains("API key required").contains("missing-api-key");
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("api-key");
        assertThat(new Select(browser.id("summary-version")).getOptions()).hasSize(1);
        browser.screenshot("api-key-asked");

        // A wrong key: the service's 403, in the key panel.
        browser.id("api-key").sendKeys("not-a-key");
        browser.id("use-key").click();
        browser.waitFor("the refusal of the wrong key", d -> browser.id("key-notice").getText().contains("invalid-api-key"));
        assertThat(browser.id("key-notice").getText()).contains("Unknown API key");

        // The right key: the pickers fill, and the key goes with every API call as a bearer token.
        browser.id("api-key").clear();
        browser.id("api-key").sendKeys(KEY);
        browser.id("use-key").click();
        browser.waitFor("the key to be accepted", d -> "loaded".equals(browser.js("return document.body.dataset.prompts")));
        assertThat(browser.id("key-notice").getText()).contains("Key accepted");
        assertThat(new Select(browser.id("summary-version")).getOptions()).hasSizeGreaterThan(1);

        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .willReturn(FakeLlm.streamed(List.of("بحث وزير الدفاع التركي ", "ونظيره الروسي الملف السوري."), "stop", 500, 20)));
        browser.paste(browser.testId("article-input"), EditorDeskIT.ARTICLE);
        browser.testId("run-summary").click();
        browser.waitForState("summary-output", "done");
        assertThat(browser.textContent(browser.testId("summary-output"))).isEqualTo("بحث وزير الدفاع التركي ونظيره الروسي الملف السوري.");
        for (String path : List.of("/v1/clean", "/v1/summaries")) {
            assertThat(browser.requestsTo(path)).singleElement()
                    .satisfies(r -> assertThat(r.headers()).containsEntry("authorization", "Bearer " + KEY));
        }

        // Session storage only: never localStorage, never a cookie; a reload of the tab keeps it.
        assertThat(browser.js("return sessionStorage.getItem('khulasa.apiKey')")).isEqualTo(KEY);
        assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.js("return document.cookie")).isEqualTo("");
        browser.openDesk();
        assertThat(browser.js("return document.body.dataset.prompts")).isEqualTo("loaded");
        assertThat(browser.requestsTo("/v1/prompts")).singleElement()
                .satisfies(r -> assertThat(r.headers()).containsEntry("authorization", "Bearer " + KEY));

        // Forgetting it: the next call is refused again and the page asks for a key.
        browser.id("forget-key").click();
        assertThat(browser.js("return sessionStorage.getItem('khulasa.apiKey')")).isNull();
        browser.paste(browser.testId("article-input"), EditorDeskIT.ARTICLE);
        browser.testId("run-summary").click();
        browser.waitFor("the refusal without a key", d -> browser.testId("error").getText().contains("missing-api-key"));
        assertThat(browser.id("key-panel").isDisplayed()).isTrue();

        List<DeskBrowser.Request> requests = browser.requests();
        assertThat(requests).allSatisfy(r -> assertThat(URI.create(r.url()).getScheme() + "://" + URI.create(r.url()).getAuthority())
                .as(r.url()).isEqualTo(browser.origin().toString()));
        assertThat(browser.consoleErrors()).allSatisfy(e -> assertThat(e).containsAnyOf("status of 401", "status of 403"));
    }
}
