package io.khulasa.security;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per client (API key fingerprint, or client IP when no keys are configured): {@code perMinute}
 * tokens, refilled greedily (one token every {@code 60 s / perMinute}, not all at once at the minute), so a client
 * that used its burst gets requests back steadily. The client map is bounded (least recently seen forgotten first,
 * idle entries expire), so a flood of distinct IPs cannot grow it without limit.
 */
public final class RateLimiter {

    private final int perMinute;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int perMinute, int maxClients) {
        this.perMinute = perMinute;
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, maxClients))
                // An idle bucket is full again after a minute; forgetting it then changes nothing.
                .expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /** Whether limits apply at all ({@code per-minute > 0}). */
    public boolean enabled() {
        return perMinute > 0;
    }

    /**
     * Takes one token for the client.
     *
     * @return empty when the request may go ahead, else how long until the next token
     */
    public Optional<Duration> tryAcquire(String client) {
        if (!enabled()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.get(client, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How many clients are tracked now (for tests of the bound). */
    long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
