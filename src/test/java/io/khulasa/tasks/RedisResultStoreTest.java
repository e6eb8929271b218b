package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.config.CacheConfig;
import io.vertx.core.Vertx;

/** Redis down is a cache miss, never a failed request. */
class RedisResultStoreTest {

    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    static CacheConfig config(String url) {
        return new CacheConfig() {
            public boolean enabled() {
                return true;
            }

            public long maxSize() {
                return 2000;
            }

            public Duration ttl() {
                return Duration.ofHours(24);
            }

            public Optional<String> redis() {
                return Optional.ofNullable(url);
            }

            public Duration redisTtl() {
                return Duration.ofHours(1);
            }

            public Duration redisTimeout() {
                return Duration.ofMillis(500);
            }
        };
    }

    @Test
    void anUnreachableRedisIsAMiss() {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        RedisResultStore store = new RedisResultStore(config("redis://127.0.0.1:9"), vertx, null, new ObjectMapper());
        assertThat(store.enabled()).isTrue();
        long start = System.nanoTime();
        assertThat(store.get("k")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        store.close();
    }

    @Test
    void noUrlMeansTheInMemoryCache() {
        assertThat(new RedisResultStore(config(null), vertx, null, new ObjectMapper()).enabled()).isFalse();
        assertThat(new RedisResultStore(config(" "), vertx, null, new ObjectMapper()).enabled()).isFalse();
    }
}
