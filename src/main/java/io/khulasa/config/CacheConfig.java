package io.khulasa.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where guarded answers are cached ({@code khulasa.cache.*}). By default in memory (Caffeine, sized by
 * {@link #maxSize()} and timed by {@link #ttl()}); with {@link #redis()} set, in Redis instead, shared by every
 * replica.
 */
@ConfigMapping(prefix = "khulasa.cache")
public interface CacheConfig {

    /** False: no answer is cached, in memory or in Redis (env {@code KHULASA_CACHE_ENABLED}). */
    @WithDefault("true")
    boolean enabled();

    /** Answers kept in memory (env {@code KHULASA_CACHE_MAX_SIZE}); the least likely to be asked again go first. */
    @WithDefault("2000")
    long maxSize();

    /** How long an answer stays in memory (env {@code KHULASA_CACHE_TTL}). */
    @WithDefault("24H")
    Duration ttl();

    /** Redis connection string, e.g. {@code redis://redis:6379/0} (env {@code KHULASA_CACHE_REDIS}); unset = in memory. */
    Optional<String> redis();

    /** How long an answer stays in Redis. */
    @WithDefault("24H")
    Duration redisTtl();

    /** Longest wait for Redis; a slower or failed Redis call counts as a miss (the LLM is asked), never an error. */
    @WithDefault("2s")
    Duration redisTimeout();
}
