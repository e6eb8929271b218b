package io.khulasa.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/** The evaluation CLI end to end against a WireMock server that pretends to be khulasa. */
class EvaluateCommandWireMockTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "test-key";

    @TempDir
    Path dir;

    WireMockServer khulasa;

    @BeforeEach
    void start() {
        khulasa = new WireMockServer(options().dynamicPort());
        khulasa.start();
    }

    @AfterEach
    void stop() {
        khulasa.stop();
    }

    @Test
    void translationRunScoresVersionsCountsFailuresAndComparesPaired() throws IOException {
        List<EvalItem> items = List.of(
                new EvalItem("a1", "عض الكلب الرجل.", "The dog bit the man.", null),
                new EvalItem("a2", "لم يكن ذلك غير متوقع.", "It was not unexpected.", null),
                new EvalItem("a3", "الرجل عضه أولا.", "The man bit him first.", null));
        Path dataset = dir.resolve("set.jsonl");
        EvalDatasets.write(dataset, items);
        for (EvalItem item : items) {
            // v1 returns the reference exactly; v2 does too except for a guard failure on a2
            stubTranslation(item.text(), "v1", 200, translationBody(item.reference()));
            stubTranslation(item.text(), "v2", 200, translationBody(item.reference()));
        }
        stubTranslation(items.get(1).text(), "v2", 422, problem("guard-numbers-changed"));

        Path report = dir.resolve("report.json");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int code = EvaluateCommand.run(new String[] {dataset.toString(), "translate", "v1", "v2",
                "--base-url", khulasa.baseUrl(), "--api-key", KEY, "--concurrency", "3", "--out", report.toString(),
                "--price-input", "1.0", "--price-output", "2.0"}, new PrintStream(table, true, StandardCharsets.UTF_8),
                EvalDatasetsTest.quiet());
        assertThat(code).isZero();
        khulasa.verify(6, postRequestedFor(urlEqualTo("/v1/translations")).withHeader("X-API-Key", equalTo(KEY)));

        JsonNode r = JSON.readTree(report.toFile());
        assertThat(r.get("task").asText()).isEqualTo("translate");
        assertThat(r.get("items").asInt()).isEqualTo(3);
        JsonNode v1 = r.get("versions").get(0);
        assertThat(v1.get("version").asText()).isEqualTo("v1");
        assertThat(v1.get("corpusScores").get("chrF++").asDouble()).isCloseTo(100.0, within(1e-9));
        assertThat(v1.get("corpusScores").get("BLEU").asDouble()).isCloseTo(100.0, within(1e-9));
        assertThat(v1.get("failed").asInt()).isZero();
        assertThat(v1.get("lengthRatio").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(v1.get("inputTokens").asLong()).isEqualTo(36);
        assertThat(v1.get("outputTokens").asLong()).isEqualTo(102);
        assertThat(v1.get("estimatedCostPerItem").asDouble()).isCloseTo((12 * 1.0 + 34 * 2.0) / 1e6, within(1e-15));
        assertThat(v1.get("models").get(0).asText()).isEqualTo("fake-model");
        assertThat(v1.get("warningsByCode").get("glossary-rendering-missing").asInt()).isEqualTo(3);
        assertThat(v1.get("latencyP50Ms").isNumber()).isTrue();

        JsonNode v2 = r.get("versions").get(1);
        assertThat(v2.get("failed").asInt()).isEqualTo(1);
        assertThat(v2.get("failuresByCode").get("guard-numbers-changed").asInt()).isEqualTo(1);
        // 13a tokens: 6 + 5 + 6 = 17 in the references, 12 produced; every n-gram produced is correct, so
        // BLEU = BP · 100 = exp(1 − 17/12) · 100
        assertThat(v2.get("corpusScores").get("BLEU").asDouble()).isCloseTo(100 * Math.exp(1 - 17.0 / 12), within(1e-9));
        assertThat(v2.get("meanItemScores").get("chrF++").asDouble()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(v2.get("lengthRatio").asDouble()).isCloseTo(1.0, within(1e-9)); // succeeded items only

        JsonNode chrfComparison = r.get("comparisons").get(0);
        assertThat(chrfComparison.get("candidate").asText()).isEqualTo("v2");
        assertThat(chrfComparison.get("metric").asText()).isEqualTo("chrF++");
        assertThat(chrfComparison.get("bootstrap").get("meanDifference").asDouble()).isCloseTo(-100.0 / 3, within(1e-9));
        assertThat(chrfComparison.get("bootstrap").get("ciLow").asDouble()).isBetween(-100.0, -100.0 / 3);
        assertThat(chrfComparison.get("bootstrap").get("ciHigh").asDouble()).isBetween(-100.0 / 3, 0.0);
        assertThat(chrfComparison.get("bootstrap").get("resamples").asInt()).isEqualTo(1000);

        JsonNode failed = r.get("results").get(4); // a2 × v2 (results: v1 a1..a3, then v2 a1..a3)
        assertThat(failed.get("id").asText()).isEqualTo("a2");
        assertThat(failed.get("problemCode").asText()).isEqualTo("guard-numbers-changed");
        assertThat(failed.get("httpStatus").asInt()).isEqualTo(422);

        String printed = table.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("chrF++").contains("BLEU").contains("v1").contains("v2")
                .contains("guard-numbers-changed").contains("paired differences vs v1");
    }

    @Test
    void summaryRunReportsRougeAndProblemCodesOfAnyShape() throws IOException {
        List<EvalItem> items = List.of(
                new EvalItem("s1", "مقال أول", "testing one two", "عنوان"),
                new EvalItem("s2", "مقال ثان", "قال الرئيسُ إنّ المدينة هادئة", null),
                new EvalItem("s3", "مقال ثالث", "ملخص", null));
        Path dataset = dir.resolve("sum.jsonl");
        EvalDatasets.write(dataset, items);
        // rouge_scorer_test.py: "testing one two" vs "testing one" → R1 F 4/5, R2 F 2/3, RL F 4/5
        stubSummary(items.get(0).text(), 200, summaryBody("testing one"));
        khulasa.stubFor(post(urlEqualTo("/v1/summaries")).withRequestBody(matchingJsonPath("$.title", equalTo("عنوان")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(summaryBody("testing one"))));
        stubSummary(items.get(1).text(), 200, summaryBody("قال الرئيس ان المدينه هادئه"));
        stubSummary(items.get(2).text(), 500, "oops, not json");

        Path report = dir.resolve("sum-report.json");
        int code = EvaluateCommand.run(new String[] {"run", dataset.toString(), "summarize", "v1",
                "--base-url", khulasa.baseUrl() + "/", "--out", report.toString(), "--send-title"}, EvalDatasetsTest.quiet(), EvalDatasetsTest.quiet());
        assertThat(code).isZero();
        JsonNode v1 = JSON.readTree(report.toFile()).get("versions").get(0);
        assertThat(v1.get("failuresByCode").get("http-500").asInt()).isEqualTo(1);
        // per item: s1 = 80 / 66.67 / 80, s2 = 100 (letters folded for scoring), s3 failed = 0
        assertThat(v1.get("corpusScores").get("ROUGE-1").asDouble()).isCloseTo((80 + 100 + 0) / 3.0, within(1e-9));
        assertThat(v1.get("corpusScores").get("ROUGE-2").asDouble()).isCloseTo((200.0 / 3 + 100 + 0) / 3.0, within(1e-9));
        assertThat(v1.get("corpusScores").get("ROUGE-L").asDouble()).isCloseTo((80 + 100 + 0) / 3.0, within(1e-9));
        assertThat(JSON.readTree(report.toFile()).get("comparisons")).isEmpty();
        khulasa.verify(1, postRequestedFor(urlEqualTo("/v1/summaries")).withRequestBody(matchingJsonPath("$.title")));
        assertThat(JSON.readTree(report.toFile()).get("scoring").get("ROUGE").asText()).contains("fold alef");
    }

    @Test
    void unreachableServerIsCountedNotThrown() throws IOException {
        Path dataset = dir.resolve("one.jsonl");
        EvalDatasets.write(dataset, List.of(new EvalItem("x", "نص", "text", null)));
        int port = khulasa.port();
        khulasa.stop();
        Path report = dir.resolve("r.json");
        assertThat(EvaluateCommand.run(new String[] {dataset.toString(), "translate", "v1", "--base-url",
                "http://localhost:" + port, "--out", report.toString()}, EvalDatasetsTest.quiet(), EvalDatasetsTest.quiet())).isZero();
        assertThat(JSON.readTree(report.toFile()).get("versions").get(0).get("failuresByCode").has("connection-error")).isTrue();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(EvaluateCommand.run(new String[] {}, EvalDatasetsTest.quiet(), EvalDatasetsTest.quiet())).isEqualTo(2);
        assertThat(EvaluateCommand.run(new String[] {"set.jsonl", "translate"}, EvalDatasetsTest.quiet(), EvalDatasetsTest.quiet())).isEqualTo(2);
        assertThat(EvaluateCommand.run(new String[] {"x.jsonl", "translate", "v1", "--bogus", "1"}, EvalDatasetsTest.quiet(),
                EvalDatasetsTest.quiet())).isEqualTo(2);
        assertThat(EvaluateCommand.run(new String[] {"help"}, EvalDatasetsTest.quiet(), EvalDatasetsTest.quiet())).isZero();
    }

    private void stubTranslation(String text, String version, int status, String body) {
        khulasa.stubFor(post(urlEqualTo("/v1/translations"))
                .withHeader("X-API-Key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.text", equalTo(text)))
                .withRequestBody(matchingJsonPath("$.promptVersion", equalTo(version)))
                .willReturn(aResponse().withStatus(status)
                        .withHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json")
                        .withBody(body)));
    }

    private void stubSummary(String text, int status, String body) {
        khulasa.stubFor(post(urlEqualTo("/v1/summaries"))
                .withRequestBody(matchingJsonPath("$.text", equalTo(text)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    static String translationBody(String translation) {
        ObjectNode n = JSON.createObjectNode();
        n.put("translation", translation);
        n.set("provenance", provenance(List.of("glossary-rendering-missing")));
        return n.toString();
    }

    static String summaryBody(String summary) {
        ObjectNode n = JSON.createObjectNode();
        n.put("summary", summary);
        n.set("provenance", provenance(List.of()));
        return n.toString();
    }

    static ObjectNode provenance(List<String> warnings) {
        ObjectNode p = JSON.createObjectNode();
        p.put("model", "fake-model");
        p.putObject("prompts").put("translate", "v1");
        p.putObject("usage").put("inputTokens", 12).put("outputTokens", 34);
        p.put("durationMs", 123);
        var w = p.putArray("warnings");
        warnings.forEach(code -> w.addObject().put("code", code));
        return p;
    }

    static String problem(String code) {
        return "{\"type\":\"urn:khulasa:problem:" + code + "\",\"title\":\"Guard failed\",\"status\":422,\"detail\":\"numbers changed\",\"code\":\""
                + code + "\"}";
    }
}
