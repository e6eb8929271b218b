package io.khulasa.jobs;

import java.time.Clock;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.config.JobsConfig;
import io.khulasa.config.KafkaConfig;
import io.quarkus.logging.Log;

/** Chooses the job store: Redis when {@code khulasa.jobs.redis} is set (by default the result cache's Redis), else memory. */
public class JobStores {

    @Produces
    @Singleton
    JobStore store(JobsConfig config, KafkaConfig kafka, ObjectMapper json) {
        var redis = config.redis().filter(s -> !s.isBlank());
        if (redis.isPresent()) {
            Log.infof("Jobs are kept in Redis for %s after their last change, shared by every replica", config.ttl());
            return new RedisJobStore(redis.get(), config.redisTimeout(), config.ttl(), json);
        }
        if (kafka.enabled()) {
            Log.warn("Jobs go through Kafka but are kept in this replica's memory: with more than one replica, set "
                    + "KHULASA_JOBS_REDIS (or KHULASA_CACHE_REDIS) so that every replica sees every job");
        }
        return new InMemoryJobStore(config.ttl(), Clock.systemUTC());
    }

    void close(@Disposes JobStore store) {
        if (store instanceof RedisJobStore redis) {
            redis.close();
        }
    }
}
