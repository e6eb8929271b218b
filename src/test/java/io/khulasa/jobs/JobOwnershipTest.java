package io.khulasa.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.khulasa.jobs.Jobs.awaitDone;
import static io.khulasa.jobs.Jobs.job;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** With API keys, a job belongs to the key that created it; cancelling stops what has not started. */
@QuarkusTest
@TestProfile(JobOwnershipTest.TwoKeysOneSlot.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class JobOwnershipTest {

    public static class TwoKeysOneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khulasa.security.api-keys", "key-of-desk-a,key-of-desk-b", "khulasa.jobs.concurrency", "1");
        }
    }

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .willReturn(FakeLlm.completion("ملخص.").withFixedDelay(800)));
    }

    static RequestSpecification as(String key) {
        return given().contentType("application/json").header("Authorization", "Bearer " + key);
    }

    static List<Map<String, Object>> articles(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> Map.<String, Object>of("id", "a" + i, "text", JobResourceTest.ARABIC + "\nالخبر رقم " + i + "."))
                .toList();
    }

    @Test
    void aJobIsVisibleOnlyToTheKeyThatCreatedIt() throws Exception {
        String id = as("key-of-desk-a").body(job("summary", articles(1))).post("/v1/jobs").then().statusCode(202)
                .extract().path("id");
        as("key-of-desk-b").get("/v1/jobs/" + id).then().statusCode(404).body("code", equalTo("unknown-job"));
        as("key-of-desk-b").delete("/v1/jobs/" + id).then().statusCode(404).body("code", equalTo("unknown-job"));
        given().get("/v1/jobs/" + id).then().statusCode(401).body("code", equalTo("missing-api-key"));
        given().header("X-API-Key", "key-of-desk-a").get("/v1/jobs/" + id).then().statusCode(200).body("id", equalTo(id));
        assertThat(awaitDone(as("key-of-desk-a"), id, Duration.ofSeconds(30)).getString("status")).isEqualTo("done");
    }

    @Test
    void cancellingStopsTheArticlesNotStartedAndKeepsTheRunningOne() throws Exception {
        String id = as("key-of-desk-a").body(job("summary", articles(4))).post("/v1/jobs").then().statusCode(202)
                .extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"running".equals(as("key-of-desk-a").get("/v1/jobs/" + id).then().extract().path("status"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
        }
        as("key-of-desk-a").delete("/v1/jobs/" + id).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("counts.cancelled", equalTo(3));

        JsonPath done = awaitDone(as("key-of-desk-a"), id, Duration.ofSeconds(30));
        assertThat(done.getString("status")).isEqualTo("cancelled");
        assertThat(done.getMap("counts")).isEqualTo(Map.of("succeeded", 1, "failed", 0, "pending", 0, "cancelled", 3));
        assertThat(done.getList("results.id")).containsExactly("a0", "a1", "a2", "a3");
        assertThat(done.getString("results[0].result.summary")).isEqualTo("ملخص.");
        assertThat(done.getList("results.findAll { it.status == 409 }.problem.code")).containsOnly("job-cancelled");
        Thread.sleep(300); // nothing else may start after the cancellation
        // Only the running article reached the LLM (more than once only if a loaded machine made a call time out:
        // a 504 is an outage, retried after a pause).
        assertThat(FakeLlm.chatRequests(llm)).isNotEmpty()
                .allSatisfy(request -> assertThat(request.toString()).contains("الخبر رقم 0"));
        as("key-of-desk-a").delete("/v1/jobs/" + id).then().statusCode(200).body("counts.cancelled", equalTo(3));
    }
}
