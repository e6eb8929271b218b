package io.khulasa.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.khulasa.config.KhulasaConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.runtime.Startup;
import io.vertx.redis.client.Redis;

/**
 * Decides whether a call may go ahead: API key (when keys are configured) and per-client rate limit. Checked at
 * start-up, so a service that must have keys (the container profile sets {@code allow-anonymous=false}) refuses to
 * start without them instead of serving the API to anyone.
 */
@Startup
@ApplicationScoped
public class AccessGuard {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final RateLimiter rateLimiter;
    private final boolean protectMetrics;

    /** The quarkus-redis-client client name of the shared buckets ({@code quarkus.redis.rate-limit.*}). */
    public static final String REDIS_CLIENT = "rate-limit";

    /**
     * @param redis the named client, resolved only when limits are on and {@code khulasa.security.rate-limit.redis} is
     *              set (unset, the client is inactive and nothing connects)
     */
    @Inject
    public AccessGuard(KhulasaConfig config, @RedisClientName(REDIS_CLIENT) Instance<Redis> redis) {
        this(config.security(), config.security().rateLimit().perMinute() > 0
                && config.security().rateLimit().redis().filter(url -> !url.isBlank()).isPresent()
                        ? Optional.of(redis.get())
                        : Optional.empty());
    }

    AccessGuard(KhulasaConfig.Security security) {
        this(security, Optional.empty());
    }

    AccessGuard(KhulasaConfig.Security security, Optional<Redis> redis) {
        this.keys = ApiKeys.load(security.apiKeys(), security.apiKeysFile());
        this.rateLimiter = new RateLimiter(security.rateLimit().perMinute(), security.rateLimit().maxClients(), redis);
        this.protectMetrics = security.protectMetrics();
        if (!keys.enabled() && !security.allowAnonymous()) {
            throw new IllegalStateException("khulasa refuses to start without API keys: set KHULASA_SECURITY_API_KEYS "
                    + "(comma-separated) or KHULASA_SECURITY_API_KEYS_FILE (one key per line), or set "
                    + "KHULASA_SECURITY_ALLOW_ANONYMOUS=true to serve the API without authentication");
        }
        if (keys.enabled()) {
            Log.infof("API keys required on /v1/*%s: %d key(s) configured (SHA-256 prefixes %s)",
                    protectMetrics ? " and /q/metrics" : "", keys.size(), keys.fingerprints());
        } else {
            Log.info("No API keys configured: /v1/* is open to anyone who can reach it");
        }
        if (rateLimiter.enabled()) {
            Log.infof("Rate limit: %d requests per minute per %s%s", security.rateLimit().perMinute(),
                    keys.enabled() ? "API key" : "client IP", rateLimiter.shared() ? ", shared in Redis" : "");
        }
    }

    /**
     * Checks an API call.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param apiKey        the {@code X-API-Key} header, or null
     * @param clientIp      the client's address, the rate-limit key when no API keys are configured
     * @throws AccessDeniedException when the call may not go ahead
     */
    public void checkApiCall(String authorization, String apiKey, String clientIp) {
        rateLimiter.tryAcquire(client(authorization, apiKey, clientIp)).ifPresent(this::refuse);
    }

    /**
     * {@link #checkApiCall} without blocking the caller (shared buckets answer from Redis): completes normally when the
     * call may go ahead, exceptionally with {@link AccessDeniedException} when not.
     */
    public CompletionStage<Void> checkApiCallAsync(String authorization, String apiKey, String clientIp) {
        String client;
        try {
            client = client(authorization, apiKey, clientIp);
        } catch (AccessDeniedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return rateLimiter.tryAcquireAsync(client).thenAccept(wait -> wait.ifPresent(this::refuse));
    }

    private String client(String authorization, String apiKey, String clientIp) {
        if (keys.enabled()) {
            return "key:" + ApiKeys.fingerprint(authenticate(authorization, apiKey));
        }
        return "ip:" + clientIp;
    }

    private void refuse(Duration wait) {
        throw new AccessDeniedException(AccessDeniedException.Reason.RATE_LIMITED,
                "Over the limit of requests per minute" + (keys.enabled() ? " for this API key" : " for this client")
                        + "; retry after " + Math.max(1, ceilSeconds(wait)) + " s",
                wait);
    }

    /**
     * Who owns what a call creates (e.g. a job): {@code key:<SHA-256 of the API key>} when keys are configured, else
     * {@code anonymous} (one owner). Call it after {@link #checkApiCall}, which has checked the key.
     */
    public String owner(String authorization, String apiKey) {
        if (!keys.enabled()) {
            return "anonymous";
        }
        return "key:" + java.util.HexFormat.of().formatHex(ApiKeys.sha256(authenticate(authorization, apiKey)));
    }

    /** Checks a {@code /q/metrics} scrape: needs a key only when {@code protect-metrics} is on and keys exist. */
    public void checkMetricsScrape(String authorization, String apiKey) {
        if (protectMetrics && keys.enabled()) {
            authenticate(authorization, apiKey);
        }
    }

    private String authenticate(String authorization, String apiKey) {
        String presented = presentedKey(authorization, apiKey);
        if (presented == null) {
            throw new AccessDeniedException(AccessDeniedException.Reason.MISSING_KEY,
                    "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'", null);
        }
        if (!keys.matches(presented)) {
            Log.debugf("Unknown API key (SHA-256 prefix %s)", ApiKeys.fingerprint(presented));
            throw new AccessDeniedException(AccessDeniedException.Reason.INVALID_KEY, "The API key is not valid", null);
        }
        return presented;
    }

    static String presentedKey(String authorization, String apiKey) {
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            String token = authorization.substring(BEARER.length()).strip();
            if (!token.isEmpty()) {
                return token;
            }
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        return null;
    }

    static long ceilSeconds(java.time.Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }

    /** The rate limiter (its shared buckets' readiness check). */
    RateLimiter rateLimiter() {
        return rateLimiter;
    }
}
