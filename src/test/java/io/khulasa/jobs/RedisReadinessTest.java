package io.khulasa.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.LocalRedis;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Readiness tells the truth about the shared stores: jobs and rate limits in a real {@code redis-server} that is
 * stopped and started again. While it is down the replica is 503 DOWN naming each store; it is UP again within seconds
 * of Redis's return.
 */
@QuarkusTest
@TestProfile(RedisReadinessTest.SharedStores.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RedisReadinessTest {

    public static class SharedStores implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalRedis.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khulasa.security.rate-limit.per-minute", "100000");
        }
    }

    static JsonPath ready(int status) {
        return given().get("/q/health/ready").then().log().ifValidationFails().statusCode(status).extract().jsonPath();
    }

    static String check(JsonPath health, String name) {
        return health.getString("checks.find { it.name == '" + name + "' }.status");
    }

    @Test
    void redisDownMakesTheReplicaUnreadyNamingEachStoreAndItsReturnMakesItReadyAgain() throws Exception {
        JsonPath up = ready(200);
        assertThat(up.getString("status")).isEqualTo("UP");
        assertThat(up.getList("checks.name", String.class)).contains(JobStoreReadiness.CHECK, "rate-limit-store");

        LocalRedis.stopServer();
        long back;
        try {
            JsonPath down = ready(503);
            assertThat(down.getString("status")).isEqualTo("DOWN");
            assertThat(check(down, JobStoreReadiness.CHECK)).isEqualTo("DOWN");
            assertThat(check(down, "rate-limit-store")).isEqualTo("DOWN");
            // Jobs cannot be accepted meanwhile: a named 503, never a 500.
            given().contentType("application/json")
                    .body(Map.of("task", "summary", "articles", List.of(Map.of("id", "a1", "text", "نص"))))
                    .post("/v1/jobs").then().statusCode(503).body("code", equalTo("jobs-unavailable"));
        } finally {
            LocalRedis.startServer();
        }
        back = System.nanoTime();
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) { // at most 10 s
            status = given().get("/q/health/ready").then().extract().statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        long seconds = (System.nanoTime() - back) / 1_000_000_000L;
        assertThat(status).as("ready again within 10 s of Redis's return").isEqualTo(200);
        assertThat(seconds).isLessThan(5);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems(JobStoreReadiness.CHECK, "rate-limit-store"));
    }

    @Test
    void anEmptySharedBucketRefusesTheCallWhicheverReplicaItReaches() throws Exception {
        // Another replica emptied this client's bucket in Redis (its clock stopped there): this one refuses too.
        LocalRedis.cli("HSET", "khulasa:rate:ip:127.0.0.1", "tokens", "0", "at", "99999999999999999");
        try {
            given().get("/v1/prompts").then().statusCode(429).body("code", equalTo("rate-limited"))
                    .header("Retry-After", "1");
        } finally {
            LocalRedis.cli("DEL", "khulasa:rate:ip:127.0.0.1");
        }
        given().get("/v1/prompts").then().statusCode(200);
    }
}
