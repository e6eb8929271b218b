package io.khulasa.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Asynchronous jobs ({@code khulasa.jobs.*}): {@code POST /v1/jobs}, where their state lives, how fast they run. */
@ConfigMapping(prefix = "khulasa.jobs")
public interface JobsConfig {

    /** Most articles in one job; more is a 413 {@code job-too-large} problem. */
    @WithDefault("1000")
    int maxArticles();

    /** How long a job and its results are kept after its last change; later it is 404 {@code unknown-job}. */
    @WithDefault("24H")
    Duration ttl();

    /**
     * Redis connection string for job state shared by every replica (defaults to {@code khulasa.cache.redis}); unset =
     * in this replica's memory.
     */
    Optional<String> redis();

    /** Longest wait for one Redis call of the job store. */
    @WithDefault("2s")
    Duration redisTimeout();

    /** Articles processed at once by this replica (jobs and the Kafka feed together); kept under the LLM bulkhead. */
    @WithDefault("16")
    int concurrency();

    /** First pause after an article failed with an LLM outage (503/504); doubled on each further outage. */
    @WithDefault("1s")
    Duration outageInitialBackoff();

    /** Longest pause between two tries while the LLM is out. */
    @WithDefault("60s")
    Duration outageMaxBackoff();
}
