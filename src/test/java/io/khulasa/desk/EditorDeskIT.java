package io.khulasa.desk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.MeetingPoint;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The editor's desk in a real browser (Debian's headless Chromium) against the packaged service and the fake LLM:
 * what an editor sees when pasting the reference article, running the tasks, and when things go wrong. Every test
 * ends by checking that the page made no request outside the service and logged no script error.
 */
@QuarkusIntegrationTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EditorDeskIT {

    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");
    static final String SUMMARY = FakeLlm.resource("llm/reference-summary.txt").strip();
    static final String TRANSLATION = FakeLlm.resource("llm/reference-translation.txt").strip();
    static final String TITLE_EN = "New Russian-Turkish talks on Syria and talk of a Karabakh-style solution";
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/")
    URL root;

    DeskBrowser browser;
    /** Console messages a test provokes on purpose (a refused request is logged by Chromium as an error). */
    final List<String> expectedConsoleErrors = new ArrayList<>();

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
            List<DeskBrowser.Request> requests = browser.requests();
            assertThat(requests).as("requests the page made").isNotEmpty();
            assertThat(requests).allSatisfy(r -> assertThat(URI.create(r.url()).getScheme() + "://"
                    + URI.create(r.url()).getAuthority()).as(r.method() + " " + r.url()).isEqualTo(browser.origin().toString()));
            assertThat(browser.consoleErrors()).as("browser console errors")
                    .allSatisfy(e -> assertThat(expectedConsoleErrors).as(e).anyMatch(e::contains));
        } finally {
            browser.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void thePageComesFromTheServiceAloneUnderAStrictPolicyWithLabelledFields() {
        given().when().get("/").then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("default-src 'none'"),
                        org.hamcrest.Matchers.containsString("connect-src 'self'"),
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .header("Cache-Control", "no-cache");

        browser.openDesk();
        assertThat(browser.driver().getTitle()).contains("Editor's desk");
        assertThat(browser.js("return document.body.dataset.prompts")).isEqualTo("loaded");

        // The pickers list the versions the service has, its default first.
        JsonNode prompts = JSON.valueToTree(given().when().get("/v1/prompts").then().statusCode(200).extract().as(Map.class));
        assertThat(optionValues("summary-version")).containsExactlyElementsOf(versions(prompts, "summarize"));
        assertThat(optionValues("translation-version")).containsExactlyElementsOf(versions(prompts, "translate"));
        assertThat(new Select(browser.id("summary-version")).getFirstSelectedOption().getText())
                .isEqualTo("default (" + prompts.at("/defaults/summarize").asText() + ")");

        // Stable hooks, each once; text blocks with their direction and language.
        for (String id : List.of("article-input", "title-input", "run-summary", "run-translation", "run-digest",
                "summary-output", "translation-output", "cleaned-output", "cleaning-report", "provenance", "error")) {
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid='" + id + "']"))).as(id).hasSize(1);
        }
        assertDirection("article-input", "rtl", "ar");
        assertDirection("title-input", "rtl", "ar");
        assertDirection("cleaned-output", "rtl", "ar");
        assertDirection("summary-output", "rtl", "ar");
        assertDirection("translation-output", "ltr", "en");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");

        // Every field has a label; every button says what it does.
        assertThat(browser.js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => !e.classList.contains('offscreen') && e.labels.length === 0).map(e => e.id)"))
                .as("fields without a label").isEqualTo(List.of());
        assertThat(browser.js("return [...document.querySelectorAll('button')].filter(b => !b.textContent.trim()).length"))
                .isEqualTo(0L);

        // The Arabic face is the bundled one, loaded from the service: one variable file for every weight the page sets.
        for (String weight : List.of("400", "600", "700")) {
            assertThat(browser.asyncJs("document.fonts.ready.then(() => arguments[1](document.fonts.check(arguments[0]"
                    + " + ' 20px \"Noto Naskh Arabic\"', 'خلاصة')))", weight)).as("weight " + weight).isEqualTo(true);
        }
        assertThat(browser.requests().stream().map(DeskBrowser.Request::url).filter(u -> u.contains("/desk/fonts/")))
                .singleElement().asString().endsWith("/desk/fonts/noto-naskh-arabic-arabic-wght-normal.woff2");
    }

    @Test
    void theReferenceArticleIsCleanedSummarisedAndTranslatedSideBySide() throws Exception {
        // Each stream is held until the other request has arrived (so both run at once), then dribbles out over ~3 s.
        summaryAnswers(FakeLlm.streamed(pieces(SUMMARY, 14), "stop", 2113, 231)
                .withTransformers(MeetingPoint.NAME).withChunkedDribbleDelay(20, 3000));
        translationAnswers(FakeLlm.streamed(pieces(TITLE_EN + "\n\n" + TRANSLATION, 30), "stop", 2050, 812)
                .withTransformers(MeetingPoint.NAME).withChunkedDribbleDelay(30, 3000));

        browser.openDesk();
        browser.paste(browser.testId("article-input"), ARTICLE);
        assertThat(browser.id("article-kind").getText()).startsWith("Plain text");
        browser.testId("run-digest").click();

        // Both answers are written while the editor watches: each block fills before its stream is done.
        browser.waitFor("the summary to stream", d -> "streaming".equals(browser.state("summary-output"))
                && !browser.textContent(browser.testId("summary-output")).isEmpty());
        browser.waitFor("the translation to stream", d -> "streaming".equals(browser.state("translation-output"))
                && !browser.textContent(browser.testId("translation-output")).isEmpty());
        String partial = browser.textContent(browser.testId("translation-output"));
        assertThat(TRANSLATION).startsWith(partial);
        assertThat(partial.length()).isLessThan(TRANSLATION.length());
        assertThat(browser.id("stop").isEnabled()).isTrue();
        browser.screenshot("digest-streaming");

        browser.waitForState("summary-output", "done");
        browser.waitForState("translation-output", "done");

        // The right text in the right block, with the right direction.
        assertThat(browser.textContent(browser.testId("summary-output"))).isEqualTo(SUMMARY);
        assertThat(browser.textContent(browser.testId("translation-output"))).isEqualTo(TRANSLATION);
        assertThat(browser.id("translation-title").getText()).isEqualTo(TITLE_EN);
        assertDirection("summary-output", "rtl", "ar");
        assertDirection("translation-output", "ltr", "en");
        assertThat(browser.js("return getComputedStyle(arguments[0]).direction", browser.testId("summary-output"))).isEqualTo("rtl");
        assertThat(browser.js("return getComputedStyle(arguments[0]).direction", browser.testId("translation-output"))).isEqualTo("ltr");
        assertThat(browser.testId("error").isDisplayed()).isFalse();

        // The cleaned article, each repaired word marked wherever its cleaned form occurs, the original on hover.
        JsonNode cleaned = JSON.valueToTree(given().contentType("application/json").body(Map.of("text", ARTICLE))
                .when().post("/v1/clean").then().statusCode(200).extract().as(Map.class));
        WebElement cleanedOutput = browser.testId("cleaned-output");
        assertThat(browser.textContent(cleanedOutput)).isEqualTo(cleaned.get("text").asText().replace("\n", ""));
        List<WebElement> marks = cleanedOutput.findElements(By.cssSelector("mark.repair"));
        Map<String, List<String>> expected = expectedMarks(cleaned);
        assertThat(marks).hasSize(expected.values().stream().mapToInt(List::size).sum());
        for (WebElement mark : marks) {
            String word = browser.textContent(mark);
            assertThat(expected).containsKey(word);
            for (String original : originals(cleaned, word)) {
                assertThat(mark.getDomAttribute("title")).contains("«" + original + "»").contains("→ «" + word + "»");
            }
        }
        assertThat(marks).anySatisfy(m -> assertThat(m.getDomAttribute("title")).startsWith("«الصـ.ـراع» → «الصراع»"));
        assertThat(browser.js("return arguments[0].closest('[dir]').dir + '/' + arguments[0].closest('[lang]').lang", marks.get(0)))
                .isEqualTo("rtl/ar");

        // The cleaning report lists the removed lines under their rules.
        WebElement report = browser.testId("cleaning-report");
        assertThat(report.findElement(By.cssSelector("details[data-rule='byline']")).getText()).contains("طيف بوست – فريق التحرير");
        assertThat(report.findElements(By.cssSelector("details[data-rule='duplicate-title'] li"))).hasSize(2);
        assertThat(report.findElements(By.cssSelector("details[data-rule='related-link'] li"))).hasSize(2);
        assertThat(report.findElement(By.cssSelector("details[data-rule='related-link'] li")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(report.findElements(By.cssSelector("table.repairs tbody tr"))).hasSize(cleaned.at("/report/repairedWords").size());
        assertThat(browser.id("cleaned-title").getText()).isEqualTo(cleaned.get("title").asText());

        // Provenance in plain words.
        JsonNode defaults = JSON.valueToTree(given().when().get("/v1/prompts").then().statusCode(200).extract()
                .as(Map.class)).get("defaults");
        String provenance = browser.testId("provenance").getText();
        assertThat(provenance).contains("summarize " + defaults.get("summarize").asText())
                .contains("translate " + defaults.get("translate").asText())
                .contains("2,113 in, 231 out").contains("2,050 in, 812 out")
                .contains("qwen2.5:7b-instruct").contains("passed when the stream ended");
        assertThat(browser.id("summary-provenance").getText()).contains("From the cache\nno");

        // What the browser sent: the article as text, a streaming request for each task, the options.
        JsonNode summaryBody = postedJson(browser.requestsTo("/v1/summaries"));
        assertThat(summaryBody.get("text").asText()).isEqualTo(ARTICLE);
        assertThat(summaryBody.get("length").asText()).isEqualTo("medium");
        assertThat(summaryBody.has("promptVersion")).isFalse();
        assertThat(browser.requestsTo("/v1/summaries").get(0).headers()).containsEntry("accept", "text/event-stream");

        browser.screenshot("digest-done");
        // The README's picture (docs/editor-desk.png is a copy of it).
        browser.fullPageScreenshot("editor-desk");

        // Copy puts the published text on the clipboard: the summary, the translation with its title.
        browser.id("copy-summary").click();
        browser.waitFor("the summary on the clipboard", d -> SUMMARY.equals(browser.clipboard()));
        browser.id("copy-translation").click();
        browser.waitFor("the translation on the clipboard", d -> (TITLE_EN + "\n\n" + TRANSLATION).equals(browser.clipboard()));

        // On a tablet the page still fits: no sideways scrolling, summary and translation side by side.
        browser.resize(DeskBrowser.TABLET);
        browser.waitFor("the tablet layout", d -> (Boolean) browser.js(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        assertThat(((Number) browser.js("return arguments[0].getBoundingClientRect().top - arguments[1].getBoundingClientRect().top",
                browser.id("summary-panel"), browser.id("translation-panel"))).doubleValue()).isZero();
        browser.screenshot("digest-tablet");
    }

    @Test
    void ctrlEnterRunsBothWithTheChosenOptionsAndAnHtmlArticleIsSentAsHtml() throws Exception {
        summaryAnswers(FakeLlm.streamed(List.of("- ", "بحث وزيرا الدفاع التركي والروسي الملف السوري.\n- ", "ناقشا تسوية الصراع."),
                "stop", 900, 40));
        translationAnswers(FakeLlm.streamed(List.of("Oil prices\n\n", "Oil prices rose on Monday."), "stop", 800, 60));
        String html = FakeLlm.resource("articles/oil-prices.html");

        browser.openDesk();
        browser.paste(browser.testId("article-input"), html);
        assertThat(browser.id("article-kind").getText()).startsWith("HTML");
        browser.testId("title-input").sendKeys("أسعار النفط");
        new Select(browser.id("length")).selectByValue("short");
        new Select(browser.id("format")).selectByValue("bullets");
        new Select(browser.id("summary-version")).selectByValue("v1");
        new Select(browser.id("translation-version")).selectByValue("v2");
        assertThat(browser.id("summary-version-help").getText()).startsWith("v1: ");

        browser.testId("article-input").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.waitForState("summary-output", "done");
        browser.waitForState("translation-output", "done");

        JsonNode summaryBody = postedJson(browser.requestsTo("/v1/summaries"));
        assertThat(summaryBody.get("html").asText()).isEqualTo(html);
        assertThat(summaryBody.has("text")).isFalse();
        assertThat(summaryBody.get("title").asText()).isEqualTo("أسعار النفط");
        assertThat(summaryBody.get("length").asText()).isEqualTo("short");
        assertThat(summaryBody.get("format").asText()).isEqualTo("bullets");
        assertThat(summaryBody.get("promptVersion").asText()).isEqualTo("v1");
        JsonNode translationBody = postedJson(browser.requestsTo("/v1/translations"));
        assertThat(translationBody.get("promptVersion").asText()).isEqualTo("v2");
        assertThat(translationBody.has("length")).isFalse();
        assertThat(postedJson(browser.requestsTo("/v1/clean")).get("html").asText()).isEqualTo(html);

        assertThat(browser.id("summary-provenance").getText()).contains("summarize v1");
        assertThat(browser.id("translation-provenance").getText()).contains("translate v2");
        assertThat(browser.textContent(browser.testId("summary-output")))
                .isEqualTo("- بحث وزيرا الدفاع التركي والروسي الملف السوري.\n- ناقشا تسوية الصراع.");
        assertThat(browser.id("translation-title").getText()).isEqualTo("Oil prices");
    }

    @Test
    void withStreamingOffAnswersComeCheckedAndAGuardFailureAndAWarningAreExplained() throws Exception {
        String reprompt = "Your previous answer was rejected";
        // The summary is in English twice: rejected by the language check. The translation first gives the Arabic
        // back, then, asked again, a proper translation: accepted with a warning.
        llm.stubFor(FakeLlm.chat().atPriority(5).withRequestBody(containing("Summarise the following"))
                .willReturn(FakeLlm.completion("The ministers discussed the Syrian file and the Karabakh settlement.")));
        llm.stubFor(FakeLlm.chat().atPriority(5).withRequestBody(containing("Translate this Arabic"))
                .willReturn(FakeLlm.completion(TITLE_EN + "\n\n" + ARTICLE, "stop", 100, 50)));
        llm.stubFor(FakeLlm.chat().atPriority(1).withRequestBody(containing("Translate this Arabic"))
                .withRequestBody(containing(reprompt))
                .willReturn(FakeLlm.completion(TITLE_EN + "\n\n" + TRANSLATION, "stop", 2400, 830)));

        browser.openDesk();
        browser.id("stream").click();
        assertThat(browser.id("stream").isSelected()).isFalse();
        browser.paste(browser.testId("article-input"), ARTICLE);
        expectedConsoleErrors.add("status of 502");
        browser.testId("run-digest").click();

        browser.waitForState("translation-output", "done");
        browser.waitForState("summary-output", "failed");
        assertThat(browser.requestsTo("/v1/translations").get(0).headers()).containsEntry("accept", "application/json");
        assertThat(browser.textContent(browser.testId("translation-output"))).isEqualTo(TRANSLATION);
        assertThat(browser.id("translation-title").getText()).isEqualTo(TITLE_EN);
        String provenance = browser.id("translation-provenance").getText();
        assertThat(provenance).contains("passed: English, numbers from the article")
                .contains("first answer failed a check, so it was asked once more").contains("output-reprompted")
                .contains("2,500 in, 880 out").contains("Model calls\n2 ");
        assertThat(browser.id("translation-provenance").findElement(By.cssSelector("li[data-code='output-reprompted']"))
                .getText()).contains("the first answer was rejected (");

        String verdict = browser.id("summary-verdict").getText();
        assertThat(verdict).contains("failed an output check").contains("output-wrong-language")
                .contains("not in the expected language, even after the model was asked a second time");
        assertThat(browser.testId("error").getText()).contains("Summary: ").contains("output-wrong-language");
        assertThat(browser.id("copy-summary").isEnabled()).isFalse();
        assertThat(browser.id("copy-translation").isEnabled()).isTrue();
        browser.screenshot("checked-answers");
    }

    @Test
    void aFailingLlmIsShownAsItsProblemAndBadInputAsTheServicesProblem() {
        llm.stubFor(FakeLlm.chat().willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));
        browser.openDesk();
        browser.paste(browser.testId("article-input"), ARTICLE);
        browser.testId("run-summary").click();

        browser.waitForState("summary-output", "failed");
        // The problem exactly as the service states it, for the same request.
        JsonNode problem = streamedProblem("/v1/summaries", Map.of("text", ARTICLE, "length", "medium", "format", "paragraph"));
        assertThat(problem.get("code").asText()).isEqualTo("llm-upstream-error");
        WebElement error = browser.testId("error");
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("Summary: " + problem.get("title").asText())
                .contains(problem.get("detail").asText()).contains("llm-upstream-error");
        assertThat(browser.id("summary-verdict").getText()).contains(problem.get("title").asText())
                .contains(problem.get("detail").asText());
        assertThat(browser.textContent(browser.testId("summary-output"))).isEmpty();
        assertThat(browser.id("copy-summary").isEnabled()).isFalse();
        assertThat(browser.state("translation-output")).isEqualTo("idle");
        browser.screenshot("llm-failure");

        // Input the service refuses: its 4xx problem, before any model call.
        llm.resetRequests();
        browser.js("const a = arguments[0]; a.value = ''; a.dispatchEvent(new Event('input'))", browser.testId("article-input"));
        browser.paste(browser.testId("article-input"), "Only English text here, nothing else at all to read.");
        expectedConsoleErrors.add("status of 422");
        browser.testId("run-digest").click();
        browser.waitFor("the refusal", d -> browser.testId("error").getText().contains("no-arabic-text"));
        assertThat(browser.testId("error").getText()).contains("No Arabic article in the input").contains("422");
        assertThat(browser.id("summary-status").getText()).contains("Not run");
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void aStreamEndingWithAnErrorAfterItsTextIsMarkedRejected() {
        translationAnswers(FakeLlm.streamed(List.of("Untitled\n\n", "Turkish Defence Minister Hulusi Akar ", "discussed with his"),
                "length", 2000, 4096));
        browser.openDesk();
        browser.paste(browser.testId("article-input"), ARTICLE);
        browser.testId("run-translation").click();

        browser.waitForState("translation-output", "rejected");
        WebElement output = browser.testId("translation-output");
        assertThat(browser.textContent(output)).isEqualTo("Turkish Defence Minister Hulusi Akar discussed with his");
        assertThat(browser.id("translation-status").getText()).contains("Rejected");
        String verdict = browser.id("translation-verdict").getText();
        assertThat(verdict).contains("Rejected — not for publication").contains("cut off by its token limit")
                .contains("llm-truncated");
        assertThat(browser.testId("error").getText()).contains("Translation: ").contains("llm-truncated");
        assertThat(browser.id("copy-translation").isEnabled()).isFalse();
        assertThat(browser.id("translation-provenance").getText()).contains("No provenance");
        assertThat(browser.state("summary-output")).isEqualTo("idle");
        browser.screenshot("stream-rejected");
    }

    @Test
    void aStreamThatClosesWithNeitherDoneNorErrorIsShownAsFailedNeverAsDone() {
        browser.openDesk();
        // A connection cut mid-answer (a proxy timeout, a restart): the service never got to send done or error. The
        // stream is cut into awkward pieces: an event split mid-line and a letter split mid-byte-sequence.
        browser.js("""
                const bytes = new TextEncoder().encode('قال');
                const pieces = [
                  new TextEncoder().encode('event: delta\\ndata: {"text":"Half a sent'),
                  new TextEncoder().encode('ence "}\\r\\n\\r\\nevent: delta\\ndata: {"text":"'),
                  bytes.slice(0, 3), bytes.slice(3),
                  new TextEncoder().encode('"}\\n\\nevent: done\\ndata: {"title":null,"provenance":{}}\\n')];
                const realFetch = window.fetch;
                window.fetch = (url, init) => String(url).includes('v1/translations')
                  ? Promise.resolve(new Response(new ReadableStream({ start(c) { pieces.forEach(p => c.enqueue(p)); c.close(); } }),
                      { status: 200, headers: { 'Content-Type': 'text/event-stream' } }))
                  : realFetch(url, init);
                """);
        browser.paste(browser.testId("article-input"), ARTICLE);
        browser.testId("run-translation").click();

        browser.waitForState("translation-output", "failed");
        assertThat(browser.textContent(browser.testId("translation-output"))).isEqualTo("Half a sentence قال");
        assertThat(browser.id("translation-verdict").getText()).contains("The answer stream was cut off").contains("incomplete");
        assertThat(browser.testId("error").getText()).contains("stream-cut");
        assertThat(browser.id("copy-translation").isEnabled()).isFalse();
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void stopEndsTheStreamsAndMarksWhatWasWrittenIncomplete() {
        summaryAnswers(FakeLlm.streamed(pieces(SUMMARY, 30), "stop", 2113, 231).withChunkedDribbleDelay(40, 20_000));
        browser.openDesk();
        browser.paste(browser.testId("article-input"), ARTICLE);
        browser.testId("run-summary").click();
        browser.waitFor("some summary text", d -> !browser.textContent(browser.testId("summary-output")).isEmpty());

        browser.testId("article-input").sendKeys(Keys.ESCAPE);
        browser.waitForState("summary-output", "stopped");
        String shown = browser.textContent(browser.testId("summary-output"));
        assertThat(SUMMARY).startsWith(shown);
        assertThat(shown).isNotEqualTo(SUMMARY);
        assertThat(browser.id("summary-verdict").getText()).contains("Stopped by you");
        assertThat(browser.id("copy-summary").isEnabled()).isFalse();
        assertThat(browser.testId("run-summary").isEnabled()).isTrue();
        assertThat(browser.id("stop").isEnabled()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------

    private void summaryAnswers(ResponseDefinitionBuilder answer) {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).willReturn(answer));
    }

    private void translationAnswers(ResponseDefinitionBuilder answer) {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic")).willReturn(answer));
    }

    /** The text cut at spaces into about n pieces, as a model streams it. */
    static List<String> pieces(String text, int n) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split("(?<= )")));
        int per = Math.max(1, words.size() / n);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < words.size(); i += per) {
            pieces.add(String.join("", words.subList(i, Math.min(words.size(), i + per))));
        }
        return pieces;
    }

    private void assertDirection(String testId, String dir, String lang) {
        WebElement e = browser.testId(testId);
        assertThat(e.getDomAttribute("dir")).as(testId + " dir").isEqualTo(dir);
        assertThat(e.getDomAttribute("lang")).as(testId + " lang").isEqualTo(lang);
    }

    private List<String> optionValues(String selectId) {
        return new Select(browser.id(selectId)).getOptions().stream().map(o -> o.getDomAttribute("value")).toList();
    }

    private static List<String> versions(JsonNode prompts, String task) {
        List<String> values = new ArrayList<>(List.of(""));
        for (JsonNode p : prompts.get("prompts")) {
            if (p.get("task").asText().equals(task)) {
                values.add(p.get("version").asText());
            }
        }
        values.subList(1, values.size()).sort(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.substring(1))));
        return values;
    }

    /** Cleaned form → its whole-word occurrences in the cleaned text (what the page must mark). */
    private static Map<String, List<String>> expectedMarks(JsonNode cleaned) {
        Map<String, List<String>> marks = new LinkedHashMap<>();
        String text = cleaned.get("text").asText();
        for (JsonNode w : cleaned.at("/report/repairedWords")) {
            String to = w.get("to").asText();
            if (marks.containsKey(to)) {
                continue;
            }
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}])" + Pattern.quote(to) + "(?![\\p{L}\\p{M}\\p{N}])").matcher(text);
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group());
            }
            marks.put(to, found);
        }
        assertThat(marks.get("الصراع")).as("the reference article's repaired «الصراع»").isNotEmpty();
        return marks;
    }

    private static List<String> originals(JsonNode cleaned, String to) {
        List<String> from = new ArrayList<>();
        cleaned.at("/report/repairedWords").forEach(w -> {
            if (w.get("to").asText().equals(to)) {
                from.add(w.get("from").asText());
            }
        });
        return from;
    }

    private static JsonNode postedJson(List<DeskBrowser.Request> requests) throws Exception {
        assertThat(requests).as("requests of that path").hasSize(1);
        assertThat(requests.get(0).postData()).as("the posted body").isNotNull();
        return JSON.readTree(requests.get(0).postData());
    }

    /** The error event the service streams for this request, read directly (not through the page). */
    private JsonNode streamedProblem(String path, Map<String, String> body) {
        io.khulasa.testing.SseEvents.Answer answer = io.khulasa.testing.SseEvents.post(root.toString().replaceAll("/$", "") + path, body);
        assertThat(answer.last().name()).isEqualTo("error");
        return answer.last().data();
    }

    static {
        // Screenshots land in target/desk-screenshots/ even when the build directory is fresh.
        try {
            Files.createDirectories(DeskBrowser.SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
