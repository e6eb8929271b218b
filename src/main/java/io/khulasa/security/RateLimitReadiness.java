package io.khulasa.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;

/**
 * When rate limits are shared in Redis: the readiness check {@code rate-limit-store}. A replica whose buckets are
 * unreachable falls back to its own (so it would let a client through N times per replica): it is taken out of the
 * pool until Redis answers again, so the limit an operator set holds. No check when limits are off or per replica.
 */
@ApplicationScoped
public class RateLimitReadiness {

    /** The check's name in {@code /q/health/ready}. */
    public static final String CHECK = "rate-limit-store";

    void start(@Observes StartupEvent started, AccessGuard guard, @Readiness HealthRegistry readiness) {
        RateLimiter limiter = guard.rateLimiter();
        if (limiter.enabled() && limiter.shared()) {
            readiness.register(CHECK, (AsyncHealthCheck) () -> check(limiter));
        }
    }

    /** UP when the buckets' Redis answers PING within 2 s; never blocks (health checks run on the event loop). */
    static Uni<HealthCheckResponse> check(RateLimiter limiter) {
        return Uni.createFrom().completionStage(limiter::ping)
                .map(pong -> HealthCheckResponse.named(CHECK).up().withData("store", "redis").build())
                .onFailure().recoverWithItem(e -> {
                    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    return HealthCheckResponse.named(CHECK).down().withData("store", "redis").withData("reason",
                            cause instanceof java.util.concurrent.TimeoutException ? "no answer in time"
                                    : cause.getClass().getSimpleName() + ": " + cause.getMessage()).build();
                });
    }
}
