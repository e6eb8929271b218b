package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.cleaning.NewsPages;
import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Whole pages as published: an {@code html} page has its own limit (5 MiB by default), larger than the article limit,
 * and the text extracted from it is held to the article limit. Over either: 413 {@code article-too-large} with
 * {@code limitBytes}; never an LLM call.
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HtmlPageLimitsTest {

    private static final int HTML_LIMIT = 5 * 1024 * 1024;
    private static final int TEXT_LIMIT = 262_144;
    private static final String PARAGRAPH = "<p>وقال المتحدث باسم الوزارة إن الفرق الطبية تعمل على مدار الساعة في "
            + "المناطق المتضررة، وإن المساعدات ستصل إلى جميع المحافظات خلال الأيام المقبلة.</p>\n";

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص")));
    }

    @AfterEach
    void noLlmCall() {
        assertThat(FakeLlm.chatRequests(llm)).as("no LLM call for /v1/clean or rejected input").isEmpty();
    }

    /** A realistic page (a React news page with its scripts and styles), grown to {@code bytes} with more script. */
    private static String pageOf(int bytes) {
        String page = NewsPages.read("next-karabakh.html");
        StringBuilder filler = new StringBuilder("<script>window.__ADS__=[");
        int need = bytes - page.getBytes(StandardCharsets.UTF_8).length;
        while (filler.length() < need) {
            filler.append("{\"slot\":\"div-gpt-ad-").append(filler.length()).append("\",\"sizes\":[[300,250],[728,90]]},");
        }
        filler.append("0];</script>");
        return page.replace("</body>", filler + "</body>");
    }

    @Test
    void a600KbPageIsCleaned() {
        String page = pageOf(600 * 1024);
        assertThat(page.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(600 * 1024).isLessThan(TEXT_LIMIT * 3);
        String title = NewsPages.read("next-karabakh.expected.txt").lines().findFirst().orElseThrow();
        given().contentType(ContentType.JSON).body(Map.of("html", page)).when().post("/v1/clean").then()
                .statusCode(200)
                .body("title", equalTo(title))
                .body("text", startsWith("بحث وزير الدفاع التركي"))
                .body("text", not(containsString("جميع الحقوق محفوظة")))
                .body("report.siteName", equalTo("المنصة"))
                .body("report.removedLines.rule", hasItem("related-link"))
                .body("report.removedLines.rule", hasItem("copyright"));
    }

    @Test
    void a6MibPageIsA413WithTheHtmlLimit() {
        String page = pageOf(6 * 1024 * 1024);
        given().contentType(ContentType.JSON).body(Map.of("html", page)).when().post("/v1/clean").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("article-too-large"))
                .body("limitBytes", equalTo(HTML_LIMIT))
                .body("detail", containsString("'html'"))
                .body("detail", containsString(String.valueOf(HTML_LIMIT)));
    }

    @Test
    void textKeepsItsOwnSmallerLimit() {
        String text = "ا".repeat(TEXT_LIMIT / 2 + 10); // over 256 KiB of UTF-8, far under the html limit
        given().contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/v1/summaries").then()
                .statusCode(413)
                .body("code", equalTo("article-too-large"))
                .body("limitBytes", equalTo(TEXT_LIMIT));
    }

    @Test
    void articleTextExtractedFromAPageIsHeldToTheTextLimit() {
        int paragraphs = TEXT_LIMIT / PARAGRAPH.getBytes(StandardCharsets.UTF_8).length + 50;
        String page = "<html><body><article><h1>عنوان التقرير الطويل</h1>" + PARAGRAPH.repeat(paragraphs)
                + "</article></body></html>";
        given().contentType(ContentType.JSON).body(Map.of("html", page)).when().post("/v1/clean").then()
                .statusCode(413)
                .body("code", equalTo("article-too-large"))
                .body("limitBytes", equalTo(TEXT_LIMIT))
                .body("detail", containsString("extracted from 'html'"));
    }
}
