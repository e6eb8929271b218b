package io.khulasa.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;

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
            readiness.register(CHECK, () -> check(limiter));
        }
    }

    static HealthCheckResponse check(RateLimiter limiter) {
        try {
            limiter.ping();
            return HealthCheckResponse.named(CHECK).up().withData("store", "redis").build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(CHECK).down().withData("store", "redis")
                    .withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
