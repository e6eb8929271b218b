package io.khulasa.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.khulasa.jobs.Jobs.anonymous;
import static io.khulasa.jobs.Jobs.awaitDone;
import static io.khulasa.jobs.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Jobs in the embedded default: no Kafka, no Redis, the articles run in this process. */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class JobResourceTest {

    static final String ARABIC = "وقال الوزير إن المحادثات ستستمر في الأسبوع المقبل بين الطرفين.\nوأضاف أن الاتفاق قريب.";

    @InjectFakeLlm
    WireMockServer llm;

    @Inject
    JobStore store;

    @BeforeEach
    void reset() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).willReturn(FakeLlm.completion("ملخص.")));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic")).willReturn(FakeLlm.completion("A translation.")));
    }

    static List<Map<String, Object>> mixedArticles() {
        return List.of(
                Map.of("id", "ok-1", "text", ARABIC),
                Map.of("id", "english", "text", "Only English text here, nothing else at all to read."),
                Map.of("id", "no-text", "title", "عنوان"),
                Map.of("id", "wrong-type", "text", 42),
                Map.of("id", "unknown-field", "text", ARABIC, "promtVersion", "v1"),
                Map.of("id", "bad-version", "text", ARABIC, "promptVersions", Map.of("summarize", "x1")),
                Map.of("id", "ok-2", "text", ARABIC, "length", "short"));
    }

    @Test
    void aJobGivesExactlyWhatTheBatchGivesForEveryArticle() throws Exception {
        var response = anonymous().body(job("digest", mixedArticles())).post("/v1/jobs").then().statusCode(202)
                // In this process the articles start at once: the 202 body is a snapshot (queued or already running).
                .body("status", oneOf("queued", "running"))
                .body("task", equalTo("digest"))
                .extract();
        assertThat(response.jsonPath().getInt("counts.pending") + response.jsonPath().getInt("counts.succeeded")
                + response.jsonPath().getInt("counts.failed")).isEqualTo(7);
        String id = response.jsonPath().getString("id");
        assertThat(response.header("Location")).endsWith("/v1/jobs/" + id);

        JsonPath done = awaitDone(anonymous(), id, Duration.ofSeconds(30));
        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getMap("counts")).isEqualTo(Map.of("succeeded", 2, "failed", 5, "pending", 0, "cancelled", 0));

        // A batch body with a field of the wrong type or an unknown field fails as a whole (it is one JSON document);
        // in a job each article is read on its own, so those two are their own problems (checked below).
        List<Map<String, Object>> readable = mixedArticles().stream()
                .filter(a -> !List.of("wrong-type", "unknown-field").contains(a.get("id"))).toList();
        JsonPath batch = anonymous().body(Map.of("articles", readable)).post("/v1/digests/batch").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> jobResults = done.<Map<String, Object>>getList("results").stream()
                .filter(r -> !List.of("wrong-type", "unknown-field").contains(r.get("id"))).toList();
        List<Map<String, Object>> batchResults = batch.getList("results");
        assertThat(jobResults).hasSameSizeAs(batchResults);
        for (int i = 0; i < batchResults.size(); i++) {
            assertThat(withoutRunFigures(jobResults.get(i))).as(batchResults.get(i).get("id").toString())
                    .isEqualTo(withoutRunFigures(batchResults.get(i)));
        }
        assertThat(done.getString("results.find { it.id == 'wrong-type' }.problem.code")).isEqualTo("invalid-field-type");
        assertThat(done.getString("results.find { it.id == 'unknown-field' }.problem.code")).isEqualTo("unknown-field");
        assertThat(done.getString("results.find { it.id == 'ok-1' }.result.summary")).isEqualTo("ملخص.");
    }

    /** The figures that differ between two runs of the same article: request id, trace id and timings. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutRunFigures(Map<String, Object> item) {
        Map<String, Object> copy = new java.util.HashMap<>(item);
        if (copy.get("result") instanceof Map<?, ?> result) {
            Map<String, Object> r = new java.util.HashMap<>((Map<String, Object>) result);
            if (r.get("provenance") instanceof Map<?, ?> p) {
                Map<String, Object> provenance = new java.util.HashMap<>((Map<String, Object>) p);
                provenance.remove("requestId");
                provenance.remove("traceId");
                provenance.remove("durationMs");
                r.put("provenance", provenance);
            }
            copy.put("result", r);
        }
        if (copy.get("problem") instanceof Map<?, ?> problem) {
            Map<String, Object> p = new java.util.HashMap<>((Map<String, Object>) problem);
            p.remove("traceId");
            copy.put("problem", p);
        }
        return copy;
    }

    @Test
    void malformedJobsAreRefusedLikeMalformedBatches() {
        anonymous().body(Map.of("task", "summary")).post("/v1/jobs").then().statusCode(400)
                .body("code", equalTo("missing-articles"));
        anonymous().body(Map.of("articles", List.of(Map.of("id", "a", "text", ARABIC)))).post("/v1/jobs").then()
                .statusCode(400).body("code", equalTo("missing-task"));
        anonymous().body(job("summary", List.of())).post("/v1/jobs").then().statusCode(400).body("code", equalTo("empty-job"));
        anonymous().body(job("sumary", List.of(Map.of("id", "a", "text", ARABIC)))).post("/v1/jobs").then()
                .statusCode(400).body("code", equalTo("invalid-field-value"));
        anonymous().body(job("summary", List.of(Map.of("text", ARABIC)))).post("/v1/jobs").then().statusCode(400)
                .body("code", equalTo("missing-id")).body("index", equalTo(0));
        anonymous().body(job("summary", List.of(Map.of("id", 7, "text", ARABIC)))).post("/v1/jobs").then()
                .statusCode(400).body("code", equalTo("missing-id"));
        anonymous().body(job("summary", List.of("just text"))).post("/v1/jobs").then().statusCode(400)
                .body("code", equalTo("missing-id"));
        anonymous().body(job("summary", List.of(Map.of("id", "a", "text", ARABIC), Map.of("id", "a", "text", ARABIC))))
                .post("/v1/jobs").then().statusCode(400).body("code", equalTo("duplicate-id")).body("index", equalTo(1));
        anonymous().body(Map.of("task", "summary", "articles", List.of(), "priority", "high")).post("/v1/jobs").then()
                .statusCode(400).body("code", equalTo("unknown-field"));
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void overTheJobLimitIs413JobTooLarge() {
        List<Map<String, Object>> articles = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            articles.add(Map.of("id", "a" + i, "text", "نص"));
        }
        anonymous().body(job("translation", articles)).post("/v1/jobs").then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("job-too-large")).body("limit", equalTo(1000)).body("articles", equalTo(1001));
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void anUnknownJobIs404UnknownJob() {
        anonymous().get("/v1/jobs/no-such-job").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("unknown-job")).body("jobId", equalTo("no-such-job"));
        anonymous().delete("/v1/jobs/no-such-job").then().statusCode(404).body("code", equalTo("unknown-job"));
    }

    @Test
    void aFailedLlmCallIsTheArticlesProblemNotTheJobs() throws Exception {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("الموازنة")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad model\"}}")));
        String id = anonymous().body(job("summary", List.of(Map.of("id", "ok", "text", ARABIC),
                Map.of("id", "rejected", "text", "وأعلنت الحكومة أن الموازنة الجديدة ستعرض على البرلمان خلال أيام قليلة."))))
                .post("/v1/jobs").then().statusCode(202).extract().path("id");
        JsonPath done = awaitDone(anonymous(), id, Duration.ofSeconds(30));
        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getInt("counts.succeeded")).isEqualTo(1);
        assertThat(done.getInt("counts.failed")).isEqualTo(1);
        assertThat(done.getString("results[1].problem.code")).isEqualTo("llm-request-rejected");
        assertThat(done.getInt("results[1].status")).isEqualTo(502);
    }

    @Test
    void cancellingAFinishedJobLeavesItDone() throws Exception {
        String id = anonymous().body(job("summary", List.of(Map.of("id", "a", "text", ARABIC), Map.of("id", "b",
                "text", ARABIC, "length", "short")))).post("/v1/jobs").then().statusCode(202).extract().path("id");
        JsonPath done = awaitDone(anonymous(), id, Duration.ofSeconds(30));
        assertThat(done.getString("status")).isEqualTo("done");

        JsonPath answer = anonymous().delete("/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("status")).as("a finished job has nothing to cancel").isEqualTo("done");
        assertThat(answer.getMap("counts")).isEqualTo(Map.of("succeeded", 2, "failed", 0, "pending", 0, "cancelled", 0));
        assertThat(answer.getList("results")).isEqualTo(done.getList("results"));
        assertThat(anonymous().get("/v1/jobs/" + id).then().statusCode(200).extract().jsonPath().getString("status"))
                .isEqualTo("done");

        // A cancellation that reaches the store just after the last article finished (a race) cancels nothing either.
        store.cancel(id);
        JsonPath after = anonymous().get("/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("status")).isEqualTo("done");
        assertThat(after.getInt("counts.cancelled")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiExampleIsAJobTheServiceAcceptsAndEveryStatusIsDocumented() throws Exception {
        JsonPath doc = anonymous().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> example = doc.getMap("paths.'/v1/jobs'.post.requestBody.content.'application/json'.examples.'two-articles'.value");
        assertThat(doc.getMap("paths.'/v1/jobs'.post.responses")).containsKeys("202", "400", "401", "403", "413", "415", "429", "503");
        assertThat(doc.getMap("paths.'/v1/jobs/{id}'.get.responses")).containsKeys("200", "404", "503");
        assertThat(doc.getMap("paths.'/v1/jobs/{id}'.delete.responses")).containsKeys("200", "404", "503");
        assertThat(doc.getList("components.schemas.JobTask.enum")).containsExactly("summary", "translation", "digest");

        String id = anonymous().body(example).post("/v1/jobs").then().statusCode(202).extract().path("id");
        JsonPath done = awaitDone(anonymous(), id, Duration.ofSeconds(30));
        assertThat(done.getMap("counts")).isEqualTo(Map.of("succeeded", 2, "failed", 0, "pending", 0, "cancelled", 0));
        assertThat((List<Object>) done.getList("results.id")).containsExactly("afp-1", "afp-2");
    }
}
