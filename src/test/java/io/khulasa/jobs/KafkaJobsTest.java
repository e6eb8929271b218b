package io.khulasa.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.khulasa.jobs.Jobs.anonymous;
import static io.khulasa.jobs.Jobs.awaitDone;
import static io.khulasa.jobs.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.LocalKafka;
import io.khulasa.testing.LocalRedis;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Jobs and the feed through a real Kafka broker (scripts/kafka-local.sh) with job state and the result cache in a real
 * Redis. Fails, never skips, when either server cannot start.
 */
@QuarkusTest
@TestProfile(KafkaJobsTest.KafkaAndRedis.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KafkaJobsTest {

    public static class KafkaAndRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalRedis.class), new TestResourceEntry(LocalKafka.class));
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ARABIC = JobResourceTest.ARABIC;
    static final Duration WAIT = Duration.ofSeconds(60);

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() throws Exception {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).willReturn(FakeLlm.completion("ملخص.")));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic")).willReturn(FakeLlm.completion("A translation.")));
    }

    /** A distinct article per test run: the Redis result cache would otherwise answer it without an LLM call. */
    static String article(String marker) {
        return ARABIC + "\nوذكر المصدر أن الرقم " + Math.abs(marker.hashCode()) + " يخص هذا الخبر.";
    }

    @Test
    void jobsRunThroughKafkaAndTheirResultsReachTheResultTopic() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Map<String, Object>> articles = List.of(
                Map.of("id", run + "-ok", "text", article(run)),
                Map.of("id", run + "-english", "text", "Only English text here, nothing else at all to read."),
                Map.of("id", run + "-wrong-type", "text", 42));
        var accepted = anonymous().header("X-Request-Id", "job-req-" + run.substring(0, 8)).body(job("summary", articles))
                .post("/v1/jobs").then().statusCode(202).body("counts.pending", equalTo(3)).extract();
        String id = accepted.path("id");

        JsonPath done = awaitDone(anonymous(), id, WAIT);
        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getList("results.id")).containsExactly(run + "-ok", run + "-english", run + "-wrong-type");
        assertThat(done.getString("results[0].result.summary")).isEqualTo("ملخص.");
        assertThat(done.getInt("results[1].status")).isEqualTo(422);
        assertThat(done.getString("results[2].problem.code")).isEqualTo("invalid-field-type");

        List<ConsumerRecord<String, String>> results = Topics.await("khulasa-results",
                r -> r.key() != null && r.key().startsWith(run), 3, WAIT);
        ConsumerRecord<String, String> ok = results.stream().filter(r -> r.key().equals(run + "-ok")).findFirst().orElseThrow();
        assertThat(Topics.header(ok, "khulasa-job-id")).isEqualTo(id);
        assertThat(Topics.header(ok, "khulasa-request-id")).isEqualTo("job-req-" + run.substring(0, 8));
        assertThat(Topics.header(ok, "khulasa-model")).isEqualTo("qwen2.5:7b-instruct");
        assertThat(JSON.readTree(Topics.header(ok, "khulasa-prompts")).path("summarize").asText()).isEqualTo("v2");
        JsonNode value = JSON.readTree(ok.value());
        assertThat(value.path("status").asInt()).isEqualTo(200);
        assertThat(value.path("result").path("summary").asText()).isEqualTo("ملخص.");
    }

    @Test
    void aNewsroomsOwnRequestsOnTheTopicGetTheirResultsOrProblemsKeyedByArticleId() throws Exception {
        String run = UUID.randomUUID().toString();
        Topics.publish(run + "-t", JSON.writeValueAsString(Map.of("id", run + "-t", "task", "translation", "text", article(run))));
        Topics.publish(run + "-e", JSON.writeValueAsString(Map.of("id", run + "-e", "task", "summary",
                "text", "Only English text here, nothing else at all to read.")));
        Topics.publish(run + "-u", JSON.writeValueAsString(Map.of("id", run + "-u", "task", "poem", "text", ARABIC)));

        Map<String, JsonNode> byKey = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> r : Topics.await("khulasa-results", r -> r.key() != null && r.key().startsWith(run),
                3, WAIT)) {
            byKey.put(r.key(), JSON.readTree(r.value()));
            assertThat(Topics.header(r, "khulasa-job-id")).isNull();
            assertThat(Topics.header(r, "khulasa-request-id")).isNotBlank();
        }
        assertThat(byKey.get(run + "-t").path("result").path("translation").asText()).isEqualTo("A translation.");
        assertThat(byKey.get(run + "-e").path("problem").path("code").asText()).isEqualTo("no-arabic-text");
        assertThat(byKey.get(run + "-u").path("status").asInt()).isEqualTo(400);
        assertThat(byKey.get(run + "-u").path("problem").path("code").asText()).isEqualTo("invalid-field-value");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndNeverBlockTheirPartition() throws Exception {
        String run = UUID.randomUUID().toString();
        String key = "poison-" + run; // one key: one partition, the good article after the poison ones
        Topics.publish(key, "not json {");
        Topics.publish(key, new byte[] { (byte) 0xC3, (byte) 0x28, '{' }, Map.of("khulasa-request-id", "bad-bytes-" + run));
        Topics.publish(key, JSON.writeValueAsString(Map.of("task", "summary", "text", ARABIC)));
        Topics.publish(key, JSON.writeValueAsString(Map.of("id", run + "-no-task", "text", ARABIC)));
        Topics.publish(key, JSON.writeValueAsString(Map.of("id", run + "-good", "task", "summary", "text", article(run))));

        // Records are processed on virtual threads, several at once: the letters may come in any order.
        List<ConsumerRecord<String, String>> letters = Topics.await("khulasa-dead-letter", r -> key.equals(r.key()), 4, WAIT);
        assertThat(letters).extracting(r -> Topics.header(r, "khulasa-problem"))
                .containsExactlyInAnyOrder("malformed-message", "malformed-message", "missing-id", "missing-task");
        JsonNode first = JSON.readTree(letters.stream().filter(r -> r.value().contains("\"value\":\"not json {\""))
                .findFirst().orElseThrow(() -> new AssertionError("no letter holds 'not json {': " + letters)).value());
        assertThat(first.path("problem").path("code").asText()).isEqualTo("malformed-message");
        assertThat(first.path("problem").path("status").asInt()).isEqualTo(400);
        assertThat(first.path("topic").asText()).isEqualTo("khulasa-requests");
        ConsumerRecord<String, String> notUtf8Letter = letters.stream().filter(r -> r.value().contains("valueBase64"))
                .findFirst().orElseThrow(() -> new AssertionError("no letter holds the bytes that are not UTF-8: " + letters));
        JsonNode notUtf8 = JSON.readTree(notUtf8Letter.value());
        assertThat(notUtf8.path("problem").path("code").asText()).isEqualTo("malformed-message");
        assertThat(notUtf8.path("valueBase64").asText()).isEqualTo(java.util.Base64.getEncoder()
                .encodeToString(new byte[] { (byte) 0xC3, (byte) 0x28, '{' }));
        assertThat(Topics.header(notUtf8Letter, "khulasa-request-id")).isEqualTo("bad-bytes-" + run);

        ConsumerRecord<String, String> good = Topics.await("khulasa-results", r -> (run + "-good").equals(r.key()), 1, WAIT)
                .get(0);
        assertThat(JSON.readTree(good.value()).path("status").asInt()).isEqualTo(200);
    }

    @Test
    void anLlmOutagePausesTheWorkAndNoArticleIsLostOrFailed() throws Exception {
        String run = UUID.randomUUID().toString();
        // The LLM is out (429 on every call) until it has refused 40 calls, then answers again. An article makes at
        // most 4 calls (KHULASA_LLM_MAX_ATTEMPTS) before its outcome is 503 llm-rate-limited, so every article meets
        // the outage: work pauses and the articles are tried again. The outage ends by removing its stub, not by a
        // WireMock scenario: concurrent calls raced the scenario's state, and a call that matched no state got
        // WireMock's 404, which is rightly a failure (llm-request-rejected), not an outage.
        llm.resetAll();
        int down = 40;
        var outage = llm.stubFor(FakeLlm.chat().atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "0").withBody("{\"error\":{\"message\":\"overloaded\"}}")));
        llm.stubFor(FakeLlm.chat().atPriority(5).willReturn(FakeLlm.completion("ملخص.")));
        List<Map<String, Object>> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            articles.add(Map.of("id", run + "-" + i, "text", article(run + i)));
        }
        String id = anonymous().body(job("summary", articles)).post("/v1/jobs").then().statusCode(202).extract().path("id");
        long until = System.nanoTime() + WAIT.toNanos();
        while (FakeLlm.chatRequests(llm).size() < down) {
            assertThat(System.nanoTime()).as("the LLM refused %d calls in %s", down, WAIT).isLessThan(until);
            Thread.sleep(20);
        }
        llm.removeStub(outage);

        JsonPath done = awaitDone(anonymous(), id, WAIT);
        assertThat(done.getMap("counts")).isEqualTo(Map.of("succeeded", 4, "failed", 0, "pending", 0, "cancelled", 0));
        assertThat(done.getList("results.result.summary")).containsOnly("ملخص.");
        String metrics = anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("khulasa_jobs_outage_pauses_total");
        assertThat(FakeLlm.chatRequests(llm).size()).isGreaterThanOrEqualTo(40 + 4);
    }

    @Test
    void aJobIsKeptInRedisSoAnyReplicaCanAnswerIt() throws Exception {
        String run = UUID.randomUUID().toString();
        String id = anonymous().body(job("summary", List.of(Map.of("id", run, "text", article(run))))).post("/v1/jobs")
                .then().statusCode(202).extract().path("id");
        awaitDone(anonymous(), id, WAIT);
        String keys = LocalRedis.cli("HKEYS", "khulasa:job:" + id);
        assertThat(keys).contains("meta").contains("r:" + run);
        long ttl = Long.parseLong(LocalRedis.cli("TTL", "khulasa:job:" + id));
        assertThat(ttl).isBetween(24 * 3600L - 60, 24 * 3600L);
        assertThat(new String(LocalRedis.cli("TYPE", "khulasa:job:" + id)
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo("hash");
    }
}
