package io.khulasa.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The evaluation tool as a user runs it: the runnable jar ({@code java -jar target/khulasa-eval.jar}) against the
 * packaged khulasa service (the root project's {@code target/quarkus-app/quarkus-run.jar}, in its own process), whose
 * LLM is a WireMock fake, everything on free ports. The fake answers {@code translate} v1 with the reference and v2
 * with a fixed wrong sentence, so the scores are known.
 */
class EvaluateCommandIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CHAT_PATH = "/v1/chat/completions";
    static final String MODEL = "eval-it-model";

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
    /** Of translate v1 and v2, only v2's system message has a glossary rule. */
    static final String V2_MARK = "When a glossary is given";
    /** chrF++ (sacreBLEU defaults) of {@link #WRONG} against the three references, as a corpus: 22.1467. */
    static final double V2_CHRF_PP = 22.15;

    static WireMockServer llm;
    static PackagedService khulasa;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTheServiceOnAFakeLlm() throws IOException, InterruptedException {
        llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
        khulasa = PackagedService.start(PackagedService.jarFromBuild(), Map.of(
                "quarkus.langchain4j.openai.base-url", llm.baseUrl() + "/v1",
                "quarkus.langchain4j.openai.chat-model.model-name", MODEL), Path.of("target", "khulasa-service-it.log"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (khulasa != null) {
            khulasa.close();
        }
        if (llm != null) {
            llm.stop();
        }
    }

    @BeforeEach
    void stubTheLlm() throws IOException {
        llm.resetAll();
        for (int i = 0; i < ITEMS.size(); i++) {
            llm.stubFor(post(urlEqualTo(CHAT_PATH))
                    .withRequestBody(matchingJsonPath("$.messages[0].content", notContaining(V2_MARK)))
                    .withRequestBody(matchingJsonPath("$.messages[1].content", containing(MARKERS.get(i))))
                    .willReturn(completion(ITEMS.get(i).reference(), 100 + i, 20 + i)));
        }
        llm.stubFor(post(urlEqualTo(CHAT_PATH))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing(V2_MARK)))
                .willReturn(completion(WRONG, 200, 10)));
    }

    @Test
    void comparesTwoPromptVersionsOfThePackagedServiceWithKnownScores() throws IOException, InterruptedException {
        Path dataset = dir.resolve("set.jsonl");
        EvalDatasets.write(dataset, ITEMS);
        Path reportFile = dir.resolve("report.json");

        ToolRun run = runTool("run", dataset.toString(), "translate", "v1", "v2", "--base-url", khulasa.baseUrl(),
                "--concurrency", "2", "--out", reportFile.toString());

        assertThat(run.exitCode()).as("exit code; stderr:\n%s\nservice log:\n%s", run.stderr(), khulasa.logText()).isZero();
        assertThat(llm.findAll(postRequestedFor(urlEqualTo(CHAT_PATH)))).hasSize(6)
                .allSatisfy(r -> assertThat(JSON.readTree(r.getBodyAsString()).get("model").asText()).isEqualTo(MODEL));
        JsonNode report = JSON.readTree(reportFile.toFile());
        assertThat(report.get("task").asText()).isEqualTo("translate");
        assertThat(report.get("items").asInt()).isEqualTo(3);
        assertThat(report.get("baseUrl").asText()).isEqualTo(khulasa.baseUrl());

        JsonNode v1 = report.get("versions").get(0);
        assertThat(v1.get("version").asText()).isEqualTo("v1");
        assertThat(v1.get("succeeded").asInt()).isEqualTo(3);
        assertThat(v1.get("corpusScores").get("chrF++").asDouble()).isCloseTo(100.0, within(1e-9));
        assertThat(v1.get("corpusScores").get("BLEU").asDouble()).isCloseTo(100.0, within(1e-9));
        assertThat(v1.get("inputTokens").asLong()).isEqualTo(100 + 101 + 102);
        assertThat(v1.get("outputTokens").asLong()).isEqualTo(20 + 21 + 22);
        assertThat(v1.get("models").get(0).asText()).isEqualTo(MODEL);

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
        assertThat(run.stdout()).contains("task translate, 3 items").contains("paired differences vs v1");
        assertThat(run.stderr()).contains("calls done: 6/6").contains("report written to");
    }

    @Test
    void aPromptVersionTheServiceDoesNotHaveIsCountedUnderTheServicesProblemCode() throws IOException, InterruptedException {
        // An item of its own, so that the service's result cache cannot answer it from another test's run.
        EvalItem item = new EvalItem("e4", "وقال المتحدث باسم الحكومة إن الميناء سيفتح غدا.",
                "The government spokesman said the port would open tomorrow.", null);
        llm.stubFor(post(urlEqualTo(CHAT_PATH)).withRequestBody(matchingJsonPath("$.messages[1].content", containing("المتحدث")))
                .willReturn(completion(item.reference(), 50, 12)));
        Path dataset = dir.resolve("one.jsonl");
        EvalDatasets.write(dataset, List.of(item));
        Path reportFile = dir.resolve("missing-version.json");

        ToolRun run = runTool(dataset.toString(), "translate", "v1", "v999", "--base-url", khulasa.baseUrl(),
                "--out", reportFile.toString());

        assertThat(run.exitCode()).as("stderr:\n%s", run.stderr()).isZero();
        assertThat(JSON.readTree(reportFile.toFile()).get("versions").get(0).get("succeeded").asInt()).isEqualTo(1);
        JsonNode v999 = JSON.readTree(reportFile.toFile()).get("versions").get(1);
        assertThat(v999.get("failed").asInt()).isEqualTo(1);
        JsonNode failure = JSON.readTree(reportFile.toFile()).get("results").get(1);
        assertThat(failure.get("httpStatus").asInt()).isBetween(400, 499);
        assertThat(failure.get("problemCode").asText()).doesNotStartWith("http-"); // the service's own RFC 9457 code
        assertThat(v999.get("failuresByCode").has(failure.get("problemCode").asText())).isTrue();
        assertThat(llm.findAll(postRequestedFor(urlEqualTo(CHAT_PATH)))).hasSize(1); // v1 only: bad input never reaches the LLM
    }

    @Test
    void theJarPrintsItsUsage() throws IOException, InterruptedException {
        ToolRun help = runTool("help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("convert-flores", "convert-bbc", "--base-url", "--send-title");
        ToolRun bad = runTool("set.jsonl", "translate");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("expected: run DATASET.jsonl TASK VERSION");
    }

    /** One chat completion as an OpenAI server sends it (the shape is in a test resource). */
    static ResponseDefinitionBuilder completion(String content, int promptTokens, int completionTokens) throws IOException {
        String template;
        try (InputStream in = EvaluateCommandIT.class.getResourceAsStream("/fake-llm/chat-completion.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = template.replace("CONTENT", JSON.writeValueAsString(content))
                .replace("PROMPT_TOKENS", String.valueOf(promptTokens))
                .replace("COMPLETION_TOKENS", String.valueOf(completionTokens))
                .replace("TOTAL_TOKENS", String.valueOf(promptTokens + completionTokens));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    record ToolRun(int exitCode, String stdout, String stderr) {
    }

    /** {@code java -jar khulasa-eval.jar ARGS}, the jar this build packaged. */
    ToolRun runTool(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("khulasa.eval.jar", "target/khulasa-eval.jar"));
        assertThat(jar).as("the runnable jar (built by `package`)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "tool", ".out");
        Path err = Files.createTempFile(dir, "tool", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the tool did not finish in 5 minutes");
        }
        return new ToolRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
