package io.khulasa.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.testing.LocalRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/** The Redis job store on the Vert.x client (RESP3 and RESP2 answers), its readiness check and persistence warning. */
class RedisJobStoreTest {

    static final LocalRedis REDIS = new LocalRedis();
    static Vertx vertx;
    static String url;

    @BeforeAll
    static void start() {
        url = REDIS.start().get("khulasa.cache.redis");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        REDIS.stop();
        vertx.close();
    }

    @AfterEach
    void defaults() throws Exception {
        LocalRedis.cli("CONFIG", "SET", "appendonly", "no");
        LocalRedis.cli("CONFIG", "SET", "save", "");
    }

    static RedisJobStore store(String url, RedisOptions options) {
        return new RedisJobStore(Redis.createClient(vertx, options.setConnectionString(url)), Duration.ofSeconds(2),
                Duration.ofHours(1), new ObjectMapper().findAndRegisterModules());
    }

    static RedisJobStore store(String url) {
        return store(url, new RedisOptions());
    }

    @Test
    void aJobRoundTripsWithEitherProtocolVersion() {
        for (var protocol : io.vertx.redis.client.ProtocolVersion.values()) {
            RedisJobStore store = store(url, new RedisOptions().setPreferredProtocolVersion(protocol));
            String id = "job-" + protocol;
            store.create(new JobRecord(id, "anonymous", JobTask.SUMMARY, Instant.now(), List.of("a1", "a2", "a3"), null));
            assertThat(store.claim(id, "a1")).isEqualTo(Claim.CLAIMED);
            store.record(id, "a1", "{\"ok\":1}");
            store.record(id, "a1", "{\"ok\":2}"); // the first outcome wins
            assertThat(store.claim(id, "a1")).isEqualTo(Claim.DONE);
            assertThat(store.claim(id, "a2")).isEqualTo(Claim.CLAIMED);
            JobSnapshot cancelled = store.cancel(id).orElseThrow();
            assertThat(cancelled.cancelledArticles()).containsExactly("a3");
            assertThat(cancelled.running()).containsExactly("a2");
            assertThat(cancelled.results()).containsExactly(java.util.Map.entry("a1", "{\"ok\":1}"));
            assertThat(cancelled.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
            assertThat(store.claim(id, "a3")).isEqualTo(Claim.CANCELLED);
            assertThat(store.claim("no-such-job", "a1")).isEqualTo(Claim.UNKNOWN);
            store.delete(id);
            assertThat(store.find(id)).isEmpty();
        }
    }

    @Test
    void redisDownIsAnErrorAndTheReadinessCheckSaysDown() {
        RedisJobStore down = store("redis://127.0.0.1:9");
        assertThatThrownBy(() -> down.find("any")).isInstanceOf(RedisJobStore.RedisUnavailableException.class);
        assertThat(JobStoreReadiness.check(down).await().atMost(Duration.ofSeconds(5)).getStatus().name()).isEqualTo("DOWN");
        assertThat(JobStoreReadiness.check(store(url)).await().atMost(Duration.ofSeconds(5)).getStatus().name())
                .isEqualTo("UP");
    }

    @Test
    void aRedisWithoutPersistenceIsNamedAtStart() throws Exception {
        RedisJobStore store = store(url);
        // LocalRedis runs with --save "" --appendonly no: a Redis restart forgets every job.
        assertThat(store.persistenceWarning()).hasValueSatisfying(w -> assertThat(w)
                .contains("persistence off").contains("will NOT survive a Redis restart").contains("appendonly yes"));

        LocalRedis.cli("CONFIG", "SET", "save", "3600 1");
        assertThat(store.persistenceWarning()).hasValueSatisfying(w -> assertThat(w)
                .contains("only RDB snapshots").contains("3600 1").contains("will NOT survive"));

        LocalRedis.cli("CONFIG", "SET", "appendonly", "yes");
        assertThat(store.persistenceWarning()).isEmpty();
    }

    @Test
    void aRedisThatRefusesConfigGetIsNotWarnedAbout() {
        // Many managed Redis services rename CONFIG: nothing can be said, so nothing is logged.
        assertThat(store("redis://127.0.0.1:9").persistenceWarning()).isEmpty();
    }
}
