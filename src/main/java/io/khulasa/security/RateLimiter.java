package io.khulasa.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per client (API key fingerprint, or client IP when no keys are configured): {@code perMinute}
 * tokens, refilled greedily (one token every {@code 60 s / perMinute}, not all at once at the minute), so a client
 * that used its burst gets requests back steadily. The client map is bounded (least recently seen forgotten first),
 * so a flood of distinct IPs cannot grow it without limit; a forgotten client simply starts with a full bucket.
 * <p>
 * A plain access-ordered {@link LinkedHashMap} under a lock rather than a cache library: the critical section is a
 * map lookup, far cheaper than the request it guards, and it needs no reflection set-up in a native image.
 */
public final class RateLimiter {

    private final int perMinute;
    private final Map<String, Bucket> buckets;

    public RateLimiter(int perMinute, int maxClients) {
        this.perMinute = perMinute;
        int bound = Math.max(1, maxClients);
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > bound;
            }
        };
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
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, c -> newBucket());
        }
        // Bucket4j's local buckets are thread-safe and lock-free: consume outside the map's lock.
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
