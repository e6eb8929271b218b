package io.khulasa.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.logging.Log;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * One token bucket per client (API key fingerprint, or client IP when no keys are configured): {@code perMinute}
 * tokens, refilled greedily (one token every {@code 60 s / perMinute}, not all at once at the minute), so a client
 * that used its burst gets requests back steadily. The client map is bounded (least recently seen forgotten first),
 * so a flood of distinct IPs cannot grow it without limit; a forgotten client simply starts with a full bucket.
 * <p>
 * With a Redis client (quarkus-redis-client's named client {@code rate-limit}, from
 * {@code khulasa.security.rate-limit.redis}), the buckets live in Redis instead, so every replica draws from the same
 * bucket: the same greedy token bucket as one Lua script ({@link #TAKE}), atomic in Redis, timed by Redis's own clock
 * (so replicas' clocks never disagree), key {@code khulasa:rate:<client>}, expiring once the bucket would be full
 * again. (bucket4j has no backend for the Vert.x Redis client, the one client the service uses.) Redis slow or down
 * falls back to this replica's bucket (logged), never to a refusal; after a failure Redis is left alone for a second so
 * that an outage costs no wait per request.
 * <p>
 * A plain access-ordered {@link LinkedHashMap} under a lock rather than a cache library: the critical section is a
 * map lookup, far cheaper than the request it guards, and it needs no reflection set-up in a native image.
 */
public final class RateLimiter {

    /**
     * Takes one token: KEYS[1] the bucket, ARGV[1] the capacity, ARGV[2] microseconds per token. Answers 0 when taken,
     * else the microseconds until the next token. Tokens are fractional (refilled continuously, as bucket4j's greedy
     * refill), stored with the time of their last update.
     */
    static final String TAKE = """
            local capacity = tonumber(ARGV[1])
            local per_token = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(b[1])
            local at = tonumber(b[2])
            if tokens == nil or at == nil then
              tokens = capacity
              at = now
            end
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) / per_token)
            end
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) * per_token)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * per_token / 1000) + 1000)
            return wait""";

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final int perMinute;
    private final Map<String, Bucket> buckets;
    private final Optional<Redis> redis;
    private volatile long nextRedisNanos = System.nanoTime();

    public RateLimiter(int perMinute, int maxClients) {
        this(perMinute, maxClients, Optional.empty());
    }

    public RateLimiter(int perMinute, int maxClients, Optional<Redis> redis) {
        this.perMinute = perMinute;
        this.redis = perMinute > 0 ? redis : Optional.empty();
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
        return redis.isPresent();
    }

    /** PING, failing after 2 s: the readiness check of the shared buckets. */
    CompletableFuture<String> ping() {
        return send(Request.cmd(Command.PING)).thenApply(String::valueOf);
    }

    private CompletableFuture<io.vertx.redis.client.Response> send(Request request) {
        return redis.orElseThrow().send(request).toCompletionStage().toCompletableFuture()
                .orTimeout(REDIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes one token for the client.
     *
     * @return empty when the request may go ahead, else how long until the next token
     */
    public Optional<Duration> tryAcquire(String client) {
        return tryAcquireAsync(client).toCompletableFuture().join();
    }

    /**
     * {@link #tryAcquire} without blocking the caller's thread (the API filter runs on the event loop, which must never
     * wait for Redis): completes with the answer of Redis, or of this replica's bucket when Redis fails.
     */
    public CompletionStage<Optional<Duration>> tryAcquireAsync(String client) {
        if (!enabled()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (redis.isEmpty() || System.nanoTime() - nextRedisNanos < 0) {
            return CompletableFuture.completedFuture(local(client));
        }
        return send(Request.cmd(Command.EVAL).arg(TAKE).arg(1).arg("khulasa:rate:" + client).arg(perMinute)
                .arg(Duration.ofMinutes(1).toNanos() / 1000 / perMinute)).handle((answer, failure) -> {
                    if (failure == null) {
                        long waitMicros = answer.toLong();
                        return waitMicros <= 0 ? Optional.<Duration>empty() : Optional.of(Duration.ofNanos(waitMicros * 1000));
                    }
                    nextRedisNanos = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    Log.warnf("Shared rate limit unavailable (%s): this replica's bucket counts",
                            cause instanceof java.util.concurrent.TimeoutException ? "no answer within " + REDIS_TIMEOUT
                                    : cause.getClass().getSimpleName());
                    return local(client);
                });
    }

    private Optional<Duration> local(String client) {
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
