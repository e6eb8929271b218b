package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.LocalRedis;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The result cache in Redis ({@code khulasa.cache.redis}): needs {@code redis-server} (fails without it). */
@QuarkusTest
@TestProfile(RedisResultCacheTest.RedisOn.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RedisResultCacheTest {

    /** Only the cache in Redis: jobs in memory, rate limits per replica. */
    public static class RedisOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalRedis.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the test profile turns caching off (tests count LLM calls); this test is about the cache
            return Map.of("khulasa.cache.enabled", "true", "khulasa.jobs.redis", "", "khulasa.security.rate-limit.redis", "");
        }
    }

    static final String ARTICLE = ResultCacheTest.ARTICLE;
    static final String SUMMARY = ResultCacheTest.SUMMARY;

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() throws Exception {
        llm.resetAll();
        redisCli("FLUSHALL");
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(SUMMARY, "stop", 2113, 231)));
    }

    static String redisCli(String... command) throws IOException, InterruptedException {
        return LocalRedis.cli(command);
    }

    @Test
    void theSameArticleFromTwoSitesIsOneRedisEntry() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE)).post("/v1/summaries").then().statusCode(200)
                .body("provenance.cached", equalTo(false));
        assertThat(redisCli("DBSIZE")).isEqualTo("1");
        assertThat(redisCli("KEYS", "khulasa:result:*")).startsWith("khulasa:result:").hasSize(15 + 64);
        long ttl = Long.parseLong(redisCli("TTL", redisCli("KEYS", "khulasa:result:*")));
        assertThat(ttl).isBetween(24 * 3600L - 60, 24 * 3600L);

        given().contentType(ContentType.JSON).body(Map.of("text", ResultCacheTest.otherSite())).post("/v1/summaries")
                .then().statusCode(200)
                .body("summary", equalTo(SUMMARY))
                .body("provenance.cached", equalTo(true))
                .body("provenance.llmCalls", equalTo(0))
                .body("provenance.prompts.summarize", equalTo("v2"))
                .body("provenance.model", equalTo("qwen2.5:7b-instruct"));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }

    @Test
    void noCacheReplacesTheRedisEntryAndGlossaryEntriesSurviveTheRoundTrip() {
        var body = Map.of("text", ARTICLE, "glossary", List.of(Map.of("arabic", "قره باغ", "english", "Karabakh",
                "kind", "place", "note", "the region")));
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("New Russian-Turkish talks on Syria\n\n"
                + ResultCacheTest.TRANSLATION)));
        given().contentType(ContentType.JSON).body(body).post("/v1/translations").then().statusCode(200)
                .body("provenance.cached", equalTo(false));
        given().contentType(ContentType.JSON).header("Cache-Control", "no-cache").body(body).post("/v1/translations")
                .then().statusCode(200).body("provenance.cached", equalTo(false));
        given().contentType(ContentType.JSON).body(body).post("/v1/translations").then().statusCode(200)
                .body("provenance.cached", equalTo(true))
                .body("provenance.glossary", equalTo(List.of(Map.of("arabic", "قره باغ", "english", "Karabakh", "kind", "place"))))
                .body("title", equalTo("New Russian-Turkish talks on Syria"))
                .body("translation", equalTo(ResultCacheTest.TRANSLATION));
        assertThat(FakeLlm.chatRequests(llm)).hasSize(2);
    }

    @Test
    void theCacheAloneDownIsAMissAndNeverMakesTheReplicaUnready() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        LocalRedis.stopServer();
        try {
            given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE)).post("/v1/summaries").then()
                    .statusCode(200).body("provenance.cached", equalTo(false)).body("summary", equalTo(SUMMARY));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("jobs-store")));
        } finally {
            LocalRedis.startServer();
        }
        assertThat(FakeLlm.chatRequests(llm)).hasSize(1);
    }
}
