package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;
import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.chunking.TokenEstimator;
import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.MeetingPoint;
import io.khulasa.testing.SmallChunksProfile;
import io.khulasa.testing.SseEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A 3,000-word investigation through chunking: translation (chunks concurrently, reassembled in order, names list in
 * every chunk), summary (map-reduce), cut chunks split further, and both streamed. The expected chunks are computed
 * with the same {@link ArticleChunker} and budget ({@link SmallChunksProfile}) from the article as the service
 * cleans it.
 */
@QuarkusTest
@TestProfile(SmallChunksProfile.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LongArticleTest {

    static final String FILE = FakeLlm.resource("articles/long-investigation-water.txt");
    static final String TITLE = FILE.substring(0, FILE.indexOf('\n')).strip();
    static final String BODY = FILE.substring(FILE.indexOf('\n') + 1);
    static final String TITLE_EN = "Dams without water: an investigation into stalled irrigation projects on the Euphrates";

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/v1/translations")
    URL translations;

    @TestHTTPResource("/v1/summaries")
    URL summaries;

    String cleaned;
    List<Chunk> chunks;

    @BeforeEach
    void setUp() {
        llm.resetAll();
        MeetingPoint.reset();
        cleaned = given().contentType("application/json").body(Map.of("text", BODY)).when().post("/v1/clean")
                .then().statusCode(200).extract().path("text");
        chunks = new ArticleChunker(new TokenEstimator(), new SentenceSplitter(), SmallChunksProfile.MAX_INPUT_TOKENS).chunk(cleaned);
    }

    @Test
    void theFixtureIsAThreeThousandWordArticleOfSeveralChunks() {
        assertThat(BODY.split("\\s+").length).isGreaterThanOrEqualTo(3000);
        assertThat(chunks).hasSizeBetween(4, 8);
        // with the default budget of 3000 tokens the article still needs chunks
        assertThat(new ArticleChunker(new TokenEstimator(), new SentenceSplitter(), 3000).chunk(cleaned)).hasSizeGreaterThan(1);
        assertThat(ArticleChunker.join(chunks)).isEqualTo(cleaned);
    }

    // ---------------------------------------------------------------- translation

    @Test
    void aLongArticleIsTranslatedInChunksReassembledInArticleOrder() {
        int n = chunks.size();
        for (int i = 1; i <= n; i++) {
            translationOfPart(i, n, FakeLlm.completion(englishOf(i, n), "stop", 3000 + i, 1000 + i));
        }

        JsonPath answer = given().contentType("application/json").body(Map.of("text", BODY, "title", TITLE))
                .when().post("/v1/translations").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("title")).isEqualTo(TITLE_EN);
        assertThat(answer.getString("translation")).isEqualTo(expectedTranslation());
        assertThat(answer.getInt("provenance.chunks")).isEqualTo(n);
        assertThat(answer.getMap("provenance.prompts")).isEqualTo(Map.of("translate-chunk", "v1"));
        assertThat(answer.getInt("provenance.llmCalls")).isEqualTo(n);
        assertThat(answer.getList("provenance.chunkUsage.index", Integer.class)).containsExactlyElementsOf(indexes(n));
        assertThat(answer.getList("provenance.chunkUsage.inputTokens", Integer.class).get(1)).isEqualTo(3002);
        assertThat(answer.getList("provenance.chunkUsage.outputTokens", Integer.class).get(1)).isEqualTo(1002);
        assertThat(answer.getLong("provenance.usage.inputTokens")).isEqualTo(3000L * n + (long) n * (n + 1) / 2);
        // Issue 21: the alignment runs on the whole joined translation, across chunk borders, in article order.
        assertThat(answer.getList("paragraphs.text")).containsExactlyElementsOf(
                expectedTranslation().lines().filter(l -> !l.isBlank()).map(String::strip).toList());
        List<Map<String, Object>> sources = answer.getList("paragraphs.source");
        TraceabilityTest.spansIndex(cleaned, sources);
        assertThat(answer.getList("paragraphs.source.start", Integer.class)).isSorted();

        List<JsonNode> requests = FakeLlm.chatRequests(llm);
        assertThat(requests).hasSize(n);
        String names = namesBlock(userOf(requests.get(0)));
        assertThat(names).contains("- النهرين للإنشاءات").contains("- حسن الجبوري");
        for (JsonNode request : requests) {
            String user = userOf(request);
            int part = partOf(user);
            Chunk chunk = chunks.get(part - 1);
            // the chunk boundaries: exactly the chunker's chunk, between the article delimiters
            assertThat(user).contains("<article>\n" + chunk.text() + "\n</article>");
            // title and the same names list in every chunk
            assertThat(user).contains("<title>\n" + TITLE + "\n</title>");
            assertThat(namesBlock(user)).isEqualTo(names);
            assertThat(user.contains("This is the first part")).isEqualTo(part == 1);
            assertThat(request.get("max_tokens").asInt()).isEqualTo(4096);
        }
    }

    @Test
    void eachChunkGetsTheGlossaryEntriesFoundInItAndIsCheckedForThem() {
        int n = chunks.size();
        for (int i = 1; i <= n; i++) {
            // every chunk answers with the company's rendering but never with the village's
            translationOfPart(i, n, FakeLlm.completion(englishOf(i, n) + " Al-Nahrain Construction."));
        }
        List<Map<String, String>> glossary = List.of(
                Map.of("arabic", "الطيانة", "english", "Al-Tayyana", "kind", "place"),
                Map.of("arabic", "النهرين للإنشاءات", "english", "Al-Nahrain Construction", "kind", "organisation"));

        JsonPath answer = given().contentType("application/json").body(Map.of("text", BODY, "title", TITLE, "glossary", glossary))
                .when().post("/v1/translations").then().statusCode(200).extract().jsonPath();

        int withVillage = 0;
        for (JsonNode request : FakeLlm.chatRequests(llm)) {
            String user = userOf(request);
            Chunk chunk = chunks.get(partOf(user) - 1);
            boolean village = chunk.text().contains("الطيانة");
            withVillage += village ? 1 : 0;
            assertThat(user.contains("- الطيانة → Al-Tayyana (place)")).isEqualTo(village);
            assertThat(user.contains("- النهرين للإنشاءات → Al-Nahrain Construction (organisation)"))
                    .isEqualTo(chunk.text().contains("النهرين للإنشاءات"));
        }
        assertThat(withVillage).isBetween(1, n - 1);
        // listed once, however many chunks had them; the missing rendering is one warning, not one per chunk
        assertThat(answer.getList("provenance.glossary.english", String.class))
                .containsExactlyInAnyOrder("Al-Tayyana", "Al-Nahrain Construction");
        // (The fake chunk translations are a sentence each, so the alignment also reports untranslated paragraphs.)
        assertThat(answer.getList("provenance.warnings", String.class).stream().filter(w -> w.startsWith("output-")))
                .containsExactly("output-missing-names: 'Al-Tayyana' for «الطيانة»");
    }

    @Test
    void chunkCallsAreInFlightAtTheSameTime() {
        int n = chunks.size();
        // Parts 1 and 2 are each held until the other has arrived: sequential chunk calls would fail here.
        for (int i = 1; i <= n; i++) {
            ResponseDefinitionBuilder answer = FakeLlm.completion(englishOf(i, n));
            translationOfPart(i, n, i <= 2 ? answer.withTransformers(MeetingPoint.NAME) : answer);
        }
        given().contentType("application/json").body(Map.of("text", BODY, "title", TITLE))
                .when().post("/v1/translations").then().statusCode(200);
        assertThat(FakeLlm.chatRequests(llm)).hasSize(n);
    }

    @Test
    void aChunkCutByTheOutputLimitIsSplitFurtherAndRetried() {
        int n = chunks.size();
        for (int i = 1; i <= n; i++) {
            translationOfPart(i, n, i == 2 ? FakeLlm.completion("Cut off in the mid", "length", 3000, 4096)
                    : FakeLlm.completion(englishOf(i, n)));
        }
        llm.stubFor(part("Translate part 2 of " + n + ", first half").atPriority(1)
                .willReturn(FakeLlm.completion("Part B, first half.")));
        llm.stubFor(part("Translate part 2 of " + n + ", second half").atPriority(1)
                .willReturn(FakeLlm.completion("Part B, second half.")));

        JsonPath answer = given().contentType("application/json").body(Map.of("text", BODY, "title", TITLE))
                .when().post("/v1/translations").then().statusCode(200).extract().jsonPath();

        List<Chunk> halves = new ArticleChunker(new TokenEstimator(), new SentenceSplitter(), SmallChunksProfile.MAX_INPUT_TOKENS).splitFurther(chunks.get(1));
        String translation = answer.getString("translation");
        assertThat(translation).contains("Part B, first half." + (halves.get(0).endsParagraph() ? "\n\n" : " ")
                + "Part B, second half.");
        assertThat(translation).doesNotContain("Cut off");
        assertThat(translation.indexOf("Part A in")).isLessThan(translation.indexOf("Part B, first half.")); // order kept
        assertThat(answer.getInt("provenance.chunks")).isEqualTo(n + 1);
        assertThat(answer.getInt("provenance.llmCalls")).isEqualTo(n + 2);
        assertThat(answer.getList("provenance.chunkUsage.llmCalls", Integer.class).get(1)).isEqualTo(2);

        List<String> halfArticles = FakeLlm.chatRequests(llm).stream().map(LongArticleTest::userOf)
                .filter(u -> u.contains("half")).map(u -> u.substring(u.indexOf("<article>\n") + 10, u.indexOf("\n</article>")))
                .toList();
        assertThat(halfArticles).containsExactlyInAnyOrder(halves.get(0).text(), halves.get(1).text());
    }

    @Test
    void aChunkStillCutAfterTheLastSplitFailsTheRequest() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("Cut", "length", 3000, 4096)));
        given().contentType("application/json").body(Map.of("text", BODY))
                .when().post("/v1/translations").then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("llm-truncated"));
    }

    @Test
    void anArticleWithinTheBudgetStillUsesTheSingleCallPrompt() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("One call.")));
        given().contentType("application/json").body(Map.of("text", chunks.get(0).text()))
                .when().post("/v1/translations").then().statusCode(200)
                .body("provenance.prompts.translate", org.hamcrest.Matchers.equalTo(StreamingTest.defaultVersion("translate")))
                .body("provenance", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("chunks")));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    // ---------------------------------------------------------------- summary

    @Test
    void aLongArticleIsSummarisedByMapReduce() {
        int n = chunks.size();
        for (int i = 1; i <= n; i++) {
            llm.stubFor(part("Summarise part " + i + " of " + n + " ").willReturn(
                    FakeLlm.completion(summaryOfPart(i), "stop", 3000, 120)));
        }
        llm.stubFor(part("using the summaries of its parts").willReturn(FakeLlm.completion("الملخص النهائي للتحقيق.", "stop", 900, 150)));

        JsonPath answer = given().contentType("application/json")
                .body(Map.of("text", BODY, "title", TITLE, "length", "short", "format", "bullets"))
                .when().post("/v1/summaries").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("summary")).isEqualTo("الملخص النهائي للتحقيق.");
        assertThat(answer.getMap("provenance.prompts")).isEqualTo(Map.of("summarize-chunk", "v1", "summarize-reduce", "v1"));
        assertThat(answer.getInt("provenance.chunks")).isEqualTo(n);
        assertThat(answer.getInt("provenance.llmCalls")).isEqualTo(n + 1);
        assertThat(answer.getList("provenance.chunkUsage.task", String.class)).containsOnly("summarize-chunk");

        List<JsonNode> requests = FakeLlm.chatRequests(llm);
        assertThat(requests).hasSize(n + 1);
        List<JsonNode> reduce = requests.stream().filter(r -> userOf(r).contains("using the summaries")).toList();
        assertThat(reduce).hasSize(1);
        String reduceUser = userOf(reduce.get(0));
        StringBuilder joined = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            joined.append(i > 1 ? "\n" : "").append(summaryOfPart(i));
        }
        // the chunk summaries, in article order, are the reduce step's article; length and format reach it
        assertThat(reduceUser).contains("<summaries>\n" + joined + "\n</summaries>");
        assertThat(reduceUser).contains("in two or three sentences").contains("bullet points");
        assertThat(reduceUser).contains("<title>\n" + TITLE + "\n</title>");
        // the reduce call comes after every chunk call
        assertThat(userOf(requests.get(n))).contains("using the summaries");
        for (JsonNode r : requests.subList(0, n)) {
            String user = userOf(r);
            assertThat(user).contains("<article>\n" + chunks.get(partOf(user) - 1).text() + "\n</article>");
            assertThat(r.get("max_tokens").asInt()).isEqualTo(500);
        }
    }

    /** Issue 12: chunk answers skipped the hard guards. Now: a reprompt, then 502 with the guard's code and the chunk. */
    @Test
    void aChunkFailingAGuardIsAskedAgainThenTheRequestFailsNamingTheChunk() {
        int n = chunks.size();
        for (int i = 1; i <= n; i++) {
            translationOfPart(i, n, FakeLlm.completion(i == 2 ? "ترجمة عربية لهذا الجزء وليست إنجليزية" : englishOf(i, n)));
        }
        given().contentType("application/json").body(Map.of("text", BODY, "title", TITLE))
                .when().post("/v1/translations").then().statusCode(502)
                .body("code", org.hamcrest.Matchers.equalTo("output-wrong-language"))
                .body("chunk", org.hamcrest.Matchers.equalTo(1))
                .body("task", org.hamcrest.Matchers.equalTo("translate-chunk"));
        assertThat(FakeLlm.chatRequests(llm).stream().filter(r -> userOf(r).contains("Translate part 2 of")).count())
                .as("the chunk and its one reprompt").isEqualTo(2);
    }

    // ---------------------------------------------------------------- digest

    @Test
    void aLongArticlesDigestChunksBothParts() {
        int n = chunks.size();
        for (int i = 1; i <= n; i++) {
            translationOfPart(i, n, FakeLlm.completion(englishOf(i, n)));
            llm.stubFor(part("Summarise part " + i + " of " + n + " ").willReturn(FakeLlm.completion(summaryOfPart(i))));
        }
        llm.stubFor(part("using the summaries of its parts").willReturn(FakeLlm.completion("الملخص النهائي للتحقيق.")));

        JsonPath answer = given().contentType("application/json").body(Map.of("text", BODY, "title", TITLE))
                .when().post("/v1/digests").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("summary")).isEqualTo("الملخص النهائي للتحقيق.");
        assertThat(answer.getString("translation")).isEqualTo(expectedTranslation());
        assertThat(answer.getString("translatedTitle")).isEqualTo(TITLE_EN);
        assertThat(answer.getMap("provenance.prompts")).containsOnlyKeys("summarize-chunk", "summarize-reduce", "translate-chunk");
        assertThat(answer.getInt("provenance.chunks")).isEqualTo(2 * n);
        assertThat(answer.getInt("provenance.llmCalls")).isEqualTo(2 * n + 1);
        assertThat(answer.getMap("$")).doesNotContainKey("errors");
    }

    @Test
    void aLongDigestWithAnUnknownVersionFailsBeforeAnyCall() {
        given().contentType("application/json").body(Map.of("text", BODY, "promptVersions", Map.of("summarize", "v99")))
                .when().post("/v1/digests").then().statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("unknown-prompt-version"));
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    // ---------------------------------------------------------------- streaming

    @Test
    void aLongTranslationIsStreamedChunkByChunkInArticleOrder() {
        int n = chunks.size();
        for (int i = n; i >= 1; i--) {
            String english = englishOf(i, n);
            int cut = english.length() / 2;
            translationOfPart(i, n, FakeLlm.streamed(List.of(english.substring(0, cut), english.substring(cut)), "stop", 3000, 1000));
        }

        SseEvents.Answer answer = SseEvents.post(translations.toString(), Map.of("text", BODY, "title", TITLE));

        assertThat(answer.status()).isEqualTo(200);
        List<Integer> markers = answer.named("chunk").stream().map(e -> e.data().get("index").asInt()).toList();
        assertThat(markers).containsExactlyElementsOf(indexes(n));
        assertThat(answer.named("chunk").get(0).data().get("of").asInt()).isEqualTo(n);
        assertThat(answer.text()).isEqualTo(expectedTranslation());
        SseEvents.Event done = answer.last();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("title").asText()).isEqualTo(TITLE_EN);
        assertThat(done.data().at("/provenance/chunks").asInt()).isEqualTo(n);
        assertThat(done.data().at("/provenance/prompts/translate-chunk").asText()).isEqualTo("v1");
        // every delta of chunk i comes after marker i and before marker i + 1
        Map<Integer, StringBuilder> perChunk = new java.util.TreeMap<>();
        int chunk = -1;
        for (SseEvents.Event e : answer.events()) {
            if (e.name().equals("chunk")) {
                chunk = e.data().get("index").asInt();
            } else if (e.name().equals("delta")) {
                perChunk.computeIfAbsent(chunk, k -> new StringBuilder()).append(e.data().get("text").asText());
            }
        }
        perChunk.forEach((i, text) -> assertThat(text.toString().strip()).isEqualTo(partInEnglish(i + 1)));
        assertThat(perChunk.keySet()).containsExactlyElementsOf(indexes(n));
    }

    @Test
    void aLongSummaryStreamsTheReduceStep() {
        int n = chunks.size();
        for (int i = 1; i <= n; i++) {
            llm.stubFor(part("Summarise part " + i + " of " + n + " ").willReturn(FakeLlm.completion(summaryOfPart(i))));
        }
        llm.stubFor(part("using the summaries of its parts").willReturn(FakeLlm.streamed("الملخص ", "النهائي.")));

        SseEvents.Answer answer = SseEvents.post(summaries.toString(), Map.of("text", BODY));

        assertThat(answer.text()).isEqualTo("الملخص النهائي.");
        assertThat(answer.last().name()).isEqualTo("done");
        assertThat(answer.last().data().at("/provenance/llmCalls").asInt()).isEqualTo(n + 1);
        assertThat(answer.last().data().at("/provenance/prompts/summarize-reduce").asText()).isEqualTo("v1");
    }

    /**
     * Streamed as blocking: a chunk the server cut by the output limit while its text was still buffered (part 1 is
     * held until part 2's first half is asked for) is split in two and its halves are streamed in its place.
     */
    @Test
    void aStreamedChunkCutByTheOutputLimitIsSplitAndRetriedLikeABlockingOne() {
        int n = chunks.size();
        for (int i = 1; i <= n; i++) {
            ResponseDefinitionBuilder answer = i == 2 ? FakeLlm.streamed(List.of("Cut off"), "length", 3000, 4096)
                    : FakeLlm.streamed(englishOf(i, n));
            translationOfPart(i, n, i == 1 ? answer.withTransformers(MeetingPoint.NAME) : answer);
        }
        llm.stubFor(part("Translate part 2 of " + n + ", first half").atPriority(1)
                .willReturn(FakeLlm.streamed("Part B, first half.").withTransformers(MeetingPoint.NAME)));
        llm.stubFor(part("Translate part 2 of " + n + ", second half").atPriority(1)
                .willReturn(FakeLlm.streamed("Part B, second half.")));

        SseEvents.Answer answer = SseEvents.post(translations.toString(), Map.of("text", BODY, "title", TITLE));

        assertThat(answer.last().name()).isEqualTo("done");
        List<Chunk> halves = new ArticleChunker(new TokenEstimator(), new SentenceSplitter(), SmallChunksProfile.MAX_INPUT_TOKENS)
                .splitFurther(chunks.get(1));
        assertThat(answer.text()).contains("Part B, first half." + (halves.get(0).endsParagraph() ? "\n\n" : " ")
                + "Part B, second half.").doesNotContain("Cut off");
        assertThat(answer.text().indexOf("Part A in")).isLessThan(answer.text().indexOf("Part B, first half."));
        assertThat(answer.named("chunk").stream().map(e -> e.data().get("index").asInt()).toList())
                .as("one marker per planned chunk").containsExactlyElementsOf(indexes(n));
        assertThat(answer.last().data().at("/provenance/chunks").asInt()).isEqualTo(n + 1);
        assertThat(answer.last().data().at("/provenance/llmCalls").asInt()).isEqualTo(n + 2);
        assertThat(answer.last().data().at("/provenance/chunkUsage/1/llmCalls").asInt()).isEqualTo(2);
    }

    /**
     * Every answer cut: halves are tried while none of a chunk's text went out and splits are left, then the stream
     * ends with the error, never {@code done} (text already streamed is never sent again).
     */
    @Test
    void aStreamedChunkStillCutAfterTheLastSplitEndsTheStreamWithAnError() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.streamed(List.of("Cut off"), "length", 3000, 4096)));
        SseEvents.Answer answer = SseEvents.post(translations.toString(), Map.of("text", BODY, "title", TITLE));
        assertThat(answer.named("done")).isEmpty();
        assertThat(answer.last().name()).isEqualTo("error");
        assertThat(answer.last().data().get("code").asText()).isEqualTo("llm-truncated");
        assertThat(answer.last().data().get("task").asText()).isEqualTo("translate-chunk");
    }

    // ---------------------------------------------------------------- helpers

    private void translationOfPart(int i, int n, ResponseDefinitionBuilder answer) {
        llm.stubFor(part("Translate part " + i + " of " + n + " ").willReturn(answer));
    }

    private static MappingBuilder part(String text) {
        return FakeLlm.chat().withRequestBody(containing(text));
    }

    /**
     * The translation of part {@code i}: named by a letter, since every chunk answer passes the output guards and a
     * number the chunk does not contain would be rejected.
     */
    private static String englishOf(int i, int n) {
        String body = partInEnglish(i);
        return i == 1 ? TITLE_EN + "\n\n" + body : body;
    }

    private static String partInEnglish(int i) {
        return "Part " + (char) ('A' + i - 1) + " in English.";
    }

    /** The Arabic summary of part {@code i}, named by an Arabic letter (no digits: see {@link #englishOf}). */
    private static String summaryOfPart(int i) {
        return "ملخص الجزء " + "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ".charAt(i - 1) + ".";
    }

    private String expectedTranslation() {
        int n = chunks.size();
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(partInEnglish(i));
            Chunk c = chunks.get(i - 1);
            if (i < n) {
                sb.append(c.endsParagraph() ? "\n\n" : " ");
            }
        }
        return sb.toString();
    }

    private static List<Integer> indexes(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    static String userOf(JsonNode request) {
        return request.at("/messages/1/content").asText();
    }

    static int partOf(String user) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("part (\\d+) of").matcher(user);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static String namesBlock(String user) {
        int start = user.indexOf("<names>\n");
        assertThat(start).isGreaterThanOrEqualTo(0);
        return user.substring(start + 8, user.indexOf("\n</names>"));
    }

    @Test
    void aLongArticleSummaryFallsBackToTheExtractiveSummaryWhenTheLlmIsDown() {
        llm.stubFor(FakeLlm.chat().willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        String expected = new io.khulasa.extractive.ExtractiveSummarizer()
                .summarize(cleaned, io.khulasa.extractive.SummaryLength.SHORT).text();
        given().contentType("application/json").body(Map.of("text", BODY, "length", "short", "allowExtractive", true))
                .when().post("/v1/summaries").then().statusCode(200)
                .body("summary", org.hamcrest.Matchers.equalTo(expected))
                .body("provenance.engine", org.hamcrest.Matchers.equalTo("extractive"))
                .body("provenance.warnings[0]", org.hamcrest.Matchers.startsWith("extractive-fallback: "));
        given().contentType("application/json").body(Map.of("text", BODY, "length", "short"))
                .when().post("/v1/summaries").then().statusCode(502)
                .body("code", org.hamcrest.Matchers.equalTo("llm-upstream-error"));
        // The map step's other chunk calls may still be retrying after the answer: let them finish here, not in the
        // next test's request log.
        awaitQuietLlm();
    }

    private void awaitQuietLlm() {
        long deadline = System.nanoTime() + 15_000_000_000L;
        int seen = -1;
        while (System.nanoTime() < deadline) {
            int now = llm.getAllServeEvents().size();
            if (now == seen) {
                return;
            }
            seen = now;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
