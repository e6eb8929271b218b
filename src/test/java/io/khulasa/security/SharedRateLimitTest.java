package io.khulasa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.khulasa.testing.LocalRedis;

/** Per-key buckets in Redis (bucket4j's Lettuce backend) are shared by every replica; Redis down falls back locally. */
class SharedRateLimitTest {

    static final LocalRedis REDIS = new LocalRedis();
    static String url;

    @BeforeAll
    static void start() {
        url = REDIS.start().get("khulasa.cache.redis");
    }

    @AfterAll
    static void stop() {
        REDIS.stop();
    }

    @Test
    void twoReplicasDrawFromOneBucketPerKey() {
        RateLimiter replicaA = new RateLimiter(3, 100, Optional.of(url));
        RateLimiter replicaB = new RateLimiter(3, 100, Optional.of(url));
        assertThat(replicaA.shared()).isTrue();
        assertThat(replicaA.tryAcquire("key:desk-a")).isEmpty();
        assertThat(replicaB.tryAcquire("key:desk-a")).isEmpty();
        assertThat(replicaA.tryAcquire("key:desk-a")).isEmpty();
        // The fourth request of the minute is refused wherever it lands, with the wait for the next token (20 s).
        assertThat(replicaB.tryAcquire("key:desk-a")).hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isBetween(15L, 20L));
        assertThat(replicaA.tryAcquire("key:desk-a")).isPresent();
        // Another key has its own bucket.
        assertThat(replicaB.tryAcquire("key:desk-b")).isEmpty();
    }

    @Test
    void redisDownFallsBackToTheReplicasOwnBucket() {
        RateLimiter limiter = new RateLimiter(2, 100, Optional.of("redis://127.0.0.1:9"));
        assertThat(limiter.tryAcquire("key:desk-c")).isEmpty();
        assertThat(limiter.tryAcquire("key:desk-c")).isEmpty();
        assertThat(limiter.tryAcquire("key:desk-c")).isPresent();
    }
}
