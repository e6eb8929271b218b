package io.khulasa.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.quarkus.logging.Log;

/**
 * One token bucket per client (API key fingerprint, or client IP when no keys are configured): {@code perMinute}
 * tokens, refilled greedily (one token every {@code 60 s / perMinute}, not all at once at the minute), so a client
 * that used its burst gets requests back steadily. The client map is bounded (least recently seen forgotten first),
 * so a flood of distinct IPs cannot grow it without limit; a forgotten client simply starts with a full bucket.
 * <p>
 * With a Redis URL, the buckets live in Redis instead, through bucket4j's own Lettuce backend (compare-and-swap, key
 * {@code khulasa:rate:<client>}, expiring once a bucket would be full again), so every replica draws from the same
 * bucket. Redis slow or down falls back to this replica's bucket for that request (logged), never to a refusal.
 * <p>
 * A plain access-ordered {@link LinkedHashMap} under a lock rather than a cache library: the critical section is a
 * map lookup, far cheaper than the request it guards, and it needs no reflection set-up in a native image.
 */
public final class RateLimiter {

    private final int perMinute;
    private final Map<String, Bucket> buckets;
    private final Optional<String> redisUrl;
    private volatile ProxyManager<byte[]> shared;
    private volatile long nextConnectNanos;

    public RateLimiter(int perMinute, int maxClients) {
        this(perMinute, maxClients, Optional.empty());
    }

    public RateLimiter(int perMinute, int maxClients, Optional<String> redisUrl) {
        this.perMinute = perMinute;
        this.redisUrl = perMinute > 0 ? redisUrl : Optional.empty();
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

    /** Whether the buckets are shared by every replica (in Redis). */
    public boolean shared() {
        return redisUrl.isPresent();
    }

    /** The Redis buckets, connecting on first use (and again at most every 10 s after a failed connection). */
    private ProxyManager<byte[]> sharedBuckets() {
        ProxyManager<byte[]> buckets = shared;
        if (buckets != null || redisUrl.isEmpty() || System.nanoTime() - nextConnectNanos < 0) {
            return buckets;
        }
        synchronized (this) {
            if (shared == null && System.nanoTime() - nextConnectNanos >= 0) {
                try {
                    shared = redisBuckets(redisUrl.get());
                } catch (RuntimeException e) {
                    nextConnectNanos = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    Log.warnf("Shared rate limit: Redis unreachable (%s); this replica's buckets count meanwhile",
                            e.getClass().getSimpleName());
                }
            }
            return shared;
        }
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
        ProxyManager<byte[]> redisBuckets = sharedBuckets();
        if (redisBuckets != null) {
            try {
                ConsumptionProbe probe = redisBuckets.builder()
                        .build(("khulasa:rate:" + client).getBytes(StandardCharsets.UTF_8), this::configuration)
                        .tryConsumeAndReturnRemaining(1);
                return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            } catch (RuntimeException e) {
                Log.warnf("Shared rate limit unavailable (%s): this replica's bucket counts", e.getClass().getSimpleName());
            }
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

    private BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private static ProxyManager<byte[]> redisBuckets(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        return Bucket4jLettuce.casBasedBuilder(RedisClient.create(uri))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
    }
}
