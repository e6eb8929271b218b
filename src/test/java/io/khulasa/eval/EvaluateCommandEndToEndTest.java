package io.khulasa.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The evaluation command end to end: the real khulasa (this test's application on its test port) backed by the fake
 * LLM, which answers translate v1 with the reference and translate v2 with a fixed wrong sentence.
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EvaluateCommandEndToEndTest {

    static final List<EvalItem> ITEMS = List.of(
            new EvalItem("e1", "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل.",
                    "The foreign minister said the talks would resume next week.", null),
            new EvalItem("e2", "وأكد الرئيس أن الاتفاق يشمل وقف إطلاق النار في المنطقة.",
                    "The president stressed that the agreement includes a ceasefire in the region.", null),
            new EvalItem("e3", "وأعلنت الوزارة عن نشر قوات حفظ سلام لمدة خمس سنوات.",
                    "The ministry announced the deployment of peacekeeping forces for five years.", null));
    /** A distinctive word of each item, to recognise it in the prompt whatever the cleaner does to punctuation. */
    static final List<String> MARKERS = List.of("الخارجية", "الرئيس", "الوزارة");
    static final String WRONG = "The minister said the weather was fine.";
    /** Only translate v2's system message has a glossary rule. */
    static final String V2_MARK = "When a glossary is given";

    @InjectFakeLlm
    WireMockServer llm;

    @TempDir
    Path dir;

    @BeforeEach
    void stubTheLlm() {
        llm.resetAll();
        for (int i = 0; i < ITEMS.size(); i++) {
            llm.stubFor(FakeLlm.chat()
                    .withRequestBody(matchingJsonPath("$.messages[0].content", notContaining(V2_MARK)))
                    .withRequestBody(matchingJsonPath("$.messages[1].content", containing(MARKERS.get(i))))
                    .willReturn(FakeLlm.completion(ITEMS.get(i).reference(), "stop", 100 + i, 20 + i)));
        }
        llm.stubFor(FakeLlm.chat()
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing(V2_MARK)))
                .willReturn(FakeLlm.completion(WRONG, "stop", 200, 10)));
    }

    @Test
    void comparesTwoPromptVersionsOfTheRealServiceWithKnownScores() throws IOException {
        Path dataset = dir.resolve("set.jsonl");
        EvalDatasets.write(dataset, ITEMS);
        Path reportFile = dir.resolve("report.json");
        int port = io.restassured.RestAssured.port; // the port the test application really listens on
        ByteArrayOutputStream table = new ByteArrayOutputStream();

        int code = EvaluateCommand.run(new String[] { "run", dataset.toString(), "translate", "v1", "v2",
                "--base-url", "http://localhost:" + port, "--concurrency", "2", "--out", reportFile.toString() },
                new PrintStream(table, true, StandardCharsets.UTF_8), EvalDatasetsTest.quiet());

        assertThat(code).isZero();
        assertThat(FakeLlm.chatRequests(llm)).hasSize(6);
        JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
        assertThat(report.get("task").asText()).isEqualTo("translate");
        assertThat(report.get("items").asInt()).isEqualTo(3);

        JsonNode v1 = report.get("versions").get(0);
        assertThat(v1.get("version").asText()).isEqualTo("v1");
        assertThat(v1.get("succeeded").asInt()).isEqualTo(3);
        assertThat(v1.get("corpusScores").get("chrF++").asDouble()).isCloseTo(100.0, within(1e-9));
        assertThat(v1.get("corpusScores").get("BLEU").asDouble()).isCloseTo(100.0, within(1e-9));
        assertThat(v1.get("inputTokens").asLong()).isEqualTo(100 + 101 + 102);
        assertThat(v1.get("models").get(0).asText()).isEqualTo("qwen2.5:7b-instruct");

        List<String> references = ITEMS.stream().map(EvalItem::reference).toList();
        double v2Corpus = Chrf.chrfPlusPlus().corpusScore(List.of(WRONG, WRONG, WRONG), List.of(references));
        double v2MeanItem = references.stream()
                .mapToDouble(r -> Chrf.chrfPlusPlus().sentenceScore(WRONG, List.of(r))).average().orElseThrow();
        JsonNode v2 = report.get("versions").get(1);
        assertThat(v2.get("version").asText()).isEqualTo("v2");
        assertThat(v2.get("succeeded").asInt()).isEqualTo(3);
        assertThat(v2.get("corpusScores").get("chrF++").asDouble()).isCloseTo(v2Corpus, within(1e-9))
                .isCloseTo(V2_CHRF_PP, within(0.005));
        assertThat(v2.get("meanItemScores").get("chrF++").asDouble()).isCloseTo(v2MeanItem, within(1e-9));

        JsonNode comparisons = report.get("comparisons");
        assertThat(comparisons).hasSize(2);
        JsonNode chrf = comparisons.get(0);
        assertThat(chrf.get("baseline").asText()).isEqualTo("v1");
        assertThat(chrf.get("candidate").asText()).isEqualTo("v2");
        assertThat(chrf.get("metric").asText()).isEqualTo("chrF++");
        assertThat(chrf.get("bootstrap").get("meanDifference").asDouble()).isCloseTo(v2MeanItem - 100, within(1e-9));
        assertThat(chrf.get("bootstrap").get("ciHigh").asDouble()).isNegative();
        assertThat(comparisons.get(1).get("metric").asText()).isEqualTo("BLEU");

        assertThat(report.get("results")).hasSize(6);
        for (JsonNode r : report.get("results")) {
            assertThat(r.get("succeeded").asBoolean()).isTrue();
            assertThat(r.get("output").asText()).isEqualTo(r.get("version").asText().equals("v2") ? WRONG
                    : ITEMS.stream().filter(i -> i.id().equals(r.get("id").asText())).findFirst().orElseThrow().reference());
        }
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("paired differences vs v1");
    }

    /** chrF++ (sacreBLEU defaults) of {@link #WRONG} against the three references, as a corpus: 22.1467. */
    static final double V2_CHRF_PP = 22.15;
}
