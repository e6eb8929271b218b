package io.khulasa.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;

/**
 * When jobs live in Redis: the readiness check {@code jobs-store} (a replica whose job store is unreachable cannot
 * accept, follow or run a job, so it must leave the load balancer's pool until Redis answers again) and, at start, one
 * warning when that Redis would lose jobs on a restart. Jobs in memory register no check: nothing shared can fail.
 */
@ApplicationScoped
public class JobStoreReadiness {

    /** The check's name in {@code /q/health/ready}. */
    public static final String CHECK = "jobs-store";

    void start(@Observes StartupEvent started, JobStore store, @Readiness HealthRegistry readiness) {
        if (!(store instanceof RedisJobStore redis)) {
            return;
        }
        readiness.register(CHECK, (AsyncHealthCheck) () -> check(redis));
        try {
            redis.persistenceWarning().ifPresent(Log::warn);
        } catch (RuntimeException unreachable) {
            Log.infof("Could not check the job store's Redis persistence at start (%s)", unreachable.getMessage());
        }
    }

    /** UP when the job store's Redis answers PING within {@code khulasa.jobs.redis-timeout}; never blocks. */
    static Uni<HealthCheckResponse> check(RedisJobStore redis) {
        return Uni.createFrom().completionStage(redis::ping)
                .map(pong -> HealthCheckResponse.named(CHECK).up().withData("store", "redis").build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(CHECK).down().withData("store", "redis")
                        .withData("reason", reason(e)).build());
    }

    static String reason(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof java.util.concurrent.TimeoutException ? "no answer in time"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
