package io.khulasa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.khulasa.testing.LocalRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/** Per-key buckets in Redis (one Lua script) are shared by every replica; Redis down falls back locally. */
class SharedRateLimitTest {

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

    static Optional<Redis> client(String url) {
        return Optional.of(Redis.createClient(vertx, new RedisOptions().setConnectionString(url)));
    }

    @Test
    void twoReplicasDrawFromOneBucketPerKey() throws Exception {
        RateLimiter replicaA = new RateLimiter(3, 100, client(url));
        RateLimiter replicaB = new RateLimiter(3, 100, client(url));
        assertThat(replicaA.shared()).isTrue();
        assertThat(replicaA.tryAcquire("key:desk-a")).isEmpty();
        assertThat(replicaB.tryAcquire("key:desk-a")).isEmpty();
        assertThat(replicaA.tryAcquire("key:desk-a")).isEmpty();
        // The fourth request of the minute is refused wherever it lands, with the wait for the next token (20 s).
        assertThat(replicaB.tryAcquire("key:desk-a")).hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isBetween(15L, 20L));
        assertThat(replicaA.tryAcquire("key:desk-a")).isPresent();
        // Another key has its own bucket.
        assertThat(replicaB.tryAcquire("key:desk-b")).isEmpty();
        // The bucket is in Redis, expiring once it would be full again (3 tokens at 20 s each: about a minute).
        long ttl = Long.parseLong(LocalRedis.cli("PTTL", "khulasa:rate:key:desk-a"));
        assertThat(ttl).isBetween(50_000L, 62_000L);
    }

    @Test
    void tokensComeBackGreedilyOneAtATime() throws Exception {
        // 600 per minute: one token every 100 ms.
        RateLimiter limiter = new RateLimiter(600, 100, client(url));
        int taken = 0;
        while (limiter.tryAcquire("key:desk-greedy").isEmpty() && taken < 1000) {
            taken++;
        }
        assertThat(taken).isBetween(600, 650);
        Thread.sleep(350);
        // About three tokens are back, not the whole minute's.
        int again = 0;
        while (limiter.tryAcquire("key:desk-greedy").isEmpty() && again < 100) {
            again++;
        }
        assertThat(again).isBetween(2, 8);
    }

    @Test
    void redisDownFallsBackToTheReplicasOwnBucket() {
        RateLimiter limiter = new RateLimiter(2, 100, client("redis://127.0.0.1:9"));
        assertThat(limiter.tryAcquire("key:desk-c")).isEmpty();
        assertThat(limiter.tryAcquire("key:desk-c")).isEmpty();
        assertThat(limiter.tryAcquire("key:desk-c")).isPresent();
        assertThatThrownBy(() -> limiter.ping().join()).hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(RateLimitReadiness.check(limiter).await().atMost(java.time.Duration.ofSeconds(5)).getStatus().name())
                .isEqualTo("DOWN");
    }
}
