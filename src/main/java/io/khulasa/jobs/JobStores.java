package io.khulasa.jobs;

import java.time.Clock;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.config.JobsConfig;
import io.khulasa.config.KafkaConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.vertx.redis.client.Redis;

/**
 * Chooses the job store: Redis when {@code khulasa.jobs.redis} is set (by default the result cache's Redis), else memory.
 * The Redis client is quarkus-redis-client's named client {@code jobs}, whose hosts come from {@code khulasa.jobs.redis}
 * (application.properties): unset, the client is inactive and never resolved here, so nothing connects.
 */
public class JobStores {

    /** The quarkus-redis-client client name of the job store ({@code quarkus.redis.jobs.*}). */
    public static final String CLIENT = "jobs";

    @Produces
    @Singleton
    JobStore store(JobsConfig config, KafkaConfig kafka, ObjectMapper json, @RedisClientName(CLIENT) Instance<Redis> redis) {
        if (config.redis().filter(s -> !s.isBlank()).isPresent()) {
            Log.infof("Jobs are kept in Redis for %s after their last change, shared by every replica", config.ttl());
            return new RedisJobStore(redis.get(), config.redisTimeout(), config.ttl(), json);
        }
        if (kafka.enabled()) {
            Log.warn("Jobs go through Kafka but are kept in this replica's memory: with more than one replica, set "
                    + "KHULASA_JOBS_REDIS (or KHULASA_CACHE_REDIS) so that every replica sees every job");
        }
        return new InMemoryJobStore(config.ttl(), Clock.systemUTC());
    }
}
