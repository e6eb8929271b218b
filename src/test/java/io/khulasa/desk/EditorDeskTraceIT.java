package io.khulasa.desk;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.MeetingPoint;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The desk's links from an answer to the article, in a real browser against the packaged service and the fake LLM:
 * summary sentences marked supported or not, a sentence or a translation paragraph highlighting its source in the
 * cleaned article (mouse and keyboard), and an edited summary checked again through POST /v1/checks.
 */
@QuarkusIntegrationTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EditorDeskTraceIT {

    static final String ARTICLE = EditorDeskIT.ARTICLE;
    static final String SUMMARY = EditorDeskIT.SUMMARY;
    static final String TRANSLATION = EditorDeskIT.TRANSLATION;
    /** A sentence from another story: fluent, plausible, in no sentence of the article. */
    static final String FOREIGN = "وفاز فريق الأهلي بكأس الدوري المصري بعد مباراة مثيرة أمام الزمالك في القاهرة.";
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/")
    URL root;

    DeskBrowser browser;

    @BeforeEach
    void start() throws Exception {
        llm.resetAll();
        MeetingPoint.reset();
        browser = DeskBrowser.start(root.toURI());
    }

    @AfterEach
    void everyRequestStayedOnTheServiceAndNoScriptFailed(TestInfo test) {
        try {
            browser.screenshot("end-" + test.getTestMethod().orElseThrow().getName());
            assertThat(browser.requests()).allSatisfy(r -> assertThat(URI.create(r.url()).getScheme() + "://"
                    + URI.create(r.url()).getAuthority()).as(r.method() + " " + r.url()).isEqualTo(browser.origin().toString()));
            assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        } finally {
            browser.close();
        }
    }

    @Test
    void summarySentencesAreMarkedAndSelectingOneHighlightsItsSourcesInTheCleanedArticle() throws Exception {
        String summary = SUMMARY + " " + FOREIGN;
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .willReturn(FakeLlm.streamed(EditorDeskIT.pieces(summary, 10), "stop", 2113, 231)));
        browser.openDesk();
        browser.paste(browser.testId("article-input"), ARTICLE);
        browser.testId("run-summary").click();
        browser.waitForState("summary-output", "done");
        browser.waitFor("the summary's sentences", d -> !sentences().isEmpty());

        // The text is the answer's, each sentence of it an element marked supported or not.
        assertThat(browser.textContent(browser.testId("summary-output"))).isEqualTo(summary);
        List<WebElement> sentences = sentences();
        JsonNode expected = check(Map.of("text", ARTICLE, "summary", summary)).get("sentences");
        assertThat(sentences).hasSameSizeAs(expected);
        assertThat(sentences.size()).isGreaterThanOrEqualTo(2);
        WebElement foreign = sentences.get(sentences.size() - 1);
        assertThat(browser.textContent(foreign)).isEqualTo(FOREIGN);
        assertThat(foreign.getDomAttribute("data-supported")).isEqualTo("false");
        for (WebElement sentence : sentences.subList(0, sentences.size() - 1)) {
            assertThat(sentence.getDomAttribute("data-supported")).as(browser.textContent(sentence)).isEqualTo("true");
        }
        // The unsupported sentence is visibly marked and says why, next to the answer.
        assertThat(foreign.getDomAttribute("class")).contains("unsupported");
        assertThat(foreign.getDomAttribute("title")).startsWith("Not found in the article");
        assertThat(browser.js("return getComputedStyle(arguments[0]).textDecorationStyle", foreign)).isEqualTo("wavy");
        WebElement notes = browser.testId("summary-notes");
        assertThat(notes.isDisplayed()).isTrue();
        assertThat(notes.getText()).contains("Sentences not found in the article").contains(FOREIGN);
        assertThat(browser.js("return document.getElementById(arguments[0].getAttribute('aria-describedby')).textContent", foreign))
                .asString().contains("Not found in the article");

        // A click highlights the first sentence's sources: exactly the spans the service names, scrolled into view.
        String cleaned = cleanedText();
        sentences.get(0).click();
        browser.waitFor("the first sentence's sources highlighted", d -> !highlights().isEmpty());
        assertThat(highlightedText()).isEqualTo(union(cleaned, expected.get(0).get("sources")));
        assertThat(highlightedText()).contains("آكار");
        assertThat(sentences.get(0).getDomAttribute("aria-current")).isEqualTo("true");
        assertThat(browser.js("return arguments[0].closest('[dir]').dir", highlights().get(0))).isEqualTo("rtl");
        browser.waitFor("the highlight scrolled into view", d -> (Boolean) browser.js(
                "const r = arguments[0].getBoundingClientRect(), box = arguments[1].getBoundingClientRect();"
                        + "return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight",
                highlights().get(0), browser.testId("cleaned-output")));
        // The cleaned article's text is unchanged by the highlights (only wrapped).
        assertThat(browser.textContent(browser.testId("cleaned-output"))).isEqualTo(cleaned.replace("\n", ""));
        browser.fullPageScreenshot("editor-desk-trace");

        // The keyboard: Tab moves to the next sentence, which highlights its own sources; Enter on one does too.
        sentences.get(0).sendKeys(Keys.TAB);
        assertThat(browser.js("return document.activeElement === arguments[0]", sentences.get(1))).isEqualTo(true);
        browser.waitFor("the second sentence's sources", d -> highlightedText().equals(union(cleaned, expected.get(1).get("sources"))));
        assertThat(sentences.get(0).getDomAttribute("aria-current")).isNull();
        sentences.get(0).sendKeys(Keys.ENTER);
        browser.waitFor("the first sentence's sources again", d -> highlightedText().equals(union(cleaned, expected.get(0).get("sources"))));
        // The unsupported sentence shows its closest passages, if any, and says so.
        foreign.click();
        assertThat(browser.id("summary-trace-status").getText()).isNotBlank();
        assertThat(highlightedText()).isEqualTo(union(cleaned, expected.get(expected.size() - 1).get("sources")));
    }

    @Test
    void aTranslationParagraphHighlightsItsSourceParagraphSideBySide() throws Exception {
        String title = EditorDeskIT.TITLE_EN;
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic"))
                .willReturn(FakeLlm.streamed(EditorDeskIT.pieces(title + "\n\n" + TRANSLATION, 20), "stop", 2050, 812)));
        browser.openDesk();
        browser.paste(browser.testId("article-input"), ARTICLE);
        browser.testId("run-translation").click();
        browser.waitForState("translation-output", "done");
        browser.waitFor("the translation's paragraphs", d -> !paragraphs().isEmpty());

        assertThat(browser.textContent(browser.testId("translation-output"))).isEqualTo(TRANSLATION);
        List<WebElement> paragraphs = paragraphs();
        JsonNode expected = check(Map.of("text", ARTICLE, "translation", TRANSLATION)).get("paragraphs");
        assertThat(paragraphs).hasSameSizeAs(expected);
        assertThat(paragraphs).hasSize(TRANSLATION.split("\n\n").length);
        WebElement call = paragraphs.stream().filter(p -> browser.textContent(p).startsWith("The call came a few hours")).findFirst()
                .orElseThrow();
        assertThat(browser.js("return getComputedStyle(arguments[0]).direction", call)).isEqualTo("ltr");

        String cleaned = cleanedText();
        call.click();
        browser.waitFor("its source paragraph highlighted", d -> !highlights().isEmpty());
        String highlighted = highlightedText();
        assertThat(highlighted).contains("ويأتي هذا الاتصال بعد ساعات قليلة");
        assertThat(highlighted).isEqualTo(union(cleaned, expected.get(paragraphs.indexOf(call)).get("source")));
        assertThat(List.of(cleaned.split("\n"))).as("a whole paragraph of the cleaned article").contains(highlighted);
        assertThat(browser.js("return getComputedStyle(arguments[0]).direction", highlights().get(0))).isEqualTo("rtl");

        // Keyboard: the next paragraph by Tab, its own source.
        call.sendKeys(Keys.TAB);
        int next = paragraphs.indexOf(call) + 1;
        browser.waitFor("the next paragraph's source", d -> highlightedText().equals(union(cleaned, expected.get(next).get("source"))));
    }

    @Test
    void anEditedSummaryIsCheckedAgainAndItsMarksFollowTheEditedText() throws Exception {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .willReturn(FakeLlm.completion(SUMMARY, "stop", 2113, 231)));
        browser.openDesk();
        browser.id("stream").click();
        browser.paste(browser.testId("article-input"), ARTICLE);
        browser.testId("run-summary").click();
        browser.waitForState("summary-output", "done");
        browser.waitFor("the summary's sentences", d -> !sentences().isEmpty());
        assertThat(sentences()).allSatisfy(s -> assertThat(s.getDomAttribute("data-supported")).isEqualTo("true"));
        int before = sentences().size();

        // Edit in place: the answer becomes a text field, in its language and direction.
        browser.testId("edit-summary").click();
        WebElement editor = browser.testId("summary-editor");
        assertThat(browser.js("return document.activeElement === arguments[0]", editor)).isEqualTo(true);
        assertThat(editor.getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(editor.getDomProperty("value")).isEqualTo(SUMMARY);
        assertThat(browser.id("copy-summary").isEnabled()).isFalse();
        String edited = SUMMARY + " " + FOREIGN;
        browser.paste(editor, edited);
        browser.testId("check-summary").click();
        browser.waitFor("the edited summary checked", d -> "true".equals(browser.js(
                "return document.getElementById('summary-output').dataset.checked || ''")));

        // Checked through POST /v1/checks with the article as it was run, no model call; the marks follow the text.
        List<DeskBrowser.Request> checks = browser.requestsTo("/v1/checks");
        assertThat(checks).hasSize(1);
        JsonNode body = JSON.readTree(checks.get(0).postData());
        assertThat(body.get("text").asText()).isEqualTo(ARTICLE);
        assertThat(body.get("summary").asText()).isEqualTo(edited);
        assertThat(llm.getAllServeEvents()).hasSize(1);
        assertThat(browser.textContent(browser.testId("summary-output"))).isEqualTo(edited);
        List<WebElement> sentences = sentences();
        assertThat(sentences).hasSize(before + 1);
        assertThat(sentences.get(before).getDomAttribute("data-supported")).isEqualTo("false");
        assertThat(browser.textContent(sentences.get(before))).isEqualTo(FOREIGN);
        WebElement notes = browser.testId("summary-notes");
        assertThat(notes.getText()).contains(FOREIGN);
        assertThat(notes.findElements(By.cssSelector("li[data-code='output-unsupported']"))).hasSize(1);

        // The links work on the edited text, and Copy copies it.
        sentences.get(0).click();
        browser.waitFor("a source highlighted", d -> !highlights().isEmpty());
        assertThat(highlightedText()).contains("آكار");
        browser.id("copy-summary").click();
        browser.waitFor("the edited summary on the clipboard", d -> edited.equals(browser.clipboard()));
    }

    @Test
    void anEditedTranslationWithAParagraphLeftOutIsCheckedAgainAndSaysSo() throws Exception {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic"))
                .willReturn(FakeLlm.completion(EditorDeskIT.TITLE_EN + "\n\n" + TRANSLATION, "stop", 2050, 812)));
        browser.openDesk();
        browser.id("stream").click();
        browser.paste(browser.testId("article-input"), ARTICLE);
        browser.testId("run-translation").click();
        browser.waitForState("translation-output", "done");
        browser.waitFor("the translation's paragraphs", d -> !paragraphs().isEmpty());
        int before = paragraphs().size();

        browser.testId("edit-translation").click();
        WebElement editor = browser.testId("translation-editor");
        assertThat(editor.getDomAttribute("dir")).isEqualTo("ltr");
        List<String> kept = new java.util.ArrayList<>(List.of(TRANSLATION.split("\n\n")));
        kept.remove(3); // "The call came a few hours after…"
        String edited = String.join("\n\n", kept);
        browser.paste(editor, edited);
        browser.testId("check-translation").click();
        browser.waitFor("the edited translation checked", d -> "true".equals(browser.js(
                "return document.getElementById('translation-output').dataset.checked || ''")));

        JsonNode body = JSON.readTree(browser.requestsTo("/v1/checks").get(0).postData());
        assertThat(body.get("translation").asText()).isEqualTo(edited);
        assertThat(browser.textContent(browser.testId("translation-output"))).isEqualTo(edited);
        assertThat(paragraphs()).hasSize(before - 1);
        WebElement notes = browser.testId("translation-notes");
        assertThat(notes.findElements(By.cssSelector("li[data-code='untranslated-paragraph']"))).hasSize(1);
        assertThat(notes.getText()).contains("has no paragraph in the translation");

        // The links follow the edited text: the paragraph after the one left out highlights the source the check
        // names for it now (the service's alignment of the edited text, not the first answer's).
        JsonNode expected = check(Map.of("text", ARTICLE, "translation", edited)).get("paragraphs");
        WebElement next = paragraphs().get(3);
        assertThat(browser.textContent(next)).startsWith("During the call, the two presidents welcomed");
        next.click();
        browser.waitFor("its source paragraph highlighted", d -> !highlights().isEmpty());
        assertThat(highlightedText()).isEqualTo(union(cleanedText(), expected.get(3).get("source")));
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<WebElement> sentences() {
        return browser.driver().findElements(By.cssSelector("[data-testid='summary-sentence']"));
    }

    private List<WebElement> paragraphs() {
        return browser.driver().findElements(By.cssSelector("[data-testid='translation-paragraph']"));
    }

    private List<WebElement> highlights() {
        return browser.driver().findElements(By.cssSelector("[data-testid='source-highlight']"));
    }

    /** The highlighted pieces' text, in document order. */
    private String highlightedText() {
        return String.valueOf(browser.js("return [...document.querySelectorAll(\"[data-testid='source-highlight']\")]"
                + ".map(m => m.textContent).join('')"));
    }

    /** The text the spans cover in the cleaned text, in order, overlaps counted once, lines joined as shown. */
    private static String union(String cleaned, JsonNode spans) {
        boolean[] covered = new boolean[cleaned.length()];
        for (JsonNode span : spans.isArray() ? spans : JSON.createArrayNode().add(spans)) {
            for (int i = span.get("start").asInt(); i < span.get("end").asInt(); i++) {
                covered[i] = true;
            }
            assertThat(cleaned.substring(span.get("start").asInt(), span.get("end").asInt())).isEqualTo(span.get("text").asText());
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < covered.length; i++) {
            if (covered[i] && cleaned.charAt(i) != '\n') {
                text.append(cleaned.charAt(i));
            }
        }
        return text.toString();
    }

    private static String cleanedText() {
        return given().contentType("application/json").body(Map.of("text", ARTICLE)).when().post("/v1/clean").then()
                .statusCode(200).extract().path("text");
    }

    /** What POST /v1/checks says of that text, asked directly (the page's marks must be the same). */
    private static JsonNode check(Map<String, String> body) {
        Map<String, Object> request = new LinkedHashMap<>(body);
        return JSON.valueToTree(given().contentType("application/json").body(request).when().post("/v1/checks").then()
                .statusCode(200).extract().as(Map.class));
    }
}
