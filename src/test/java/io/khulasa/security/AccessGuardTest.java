package io.khulasa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.khulasa.config.KhulasaConfig;

/** Key handling, start-up refusal and rate limits, without an application. */
class AccessGuardTest {

    record Security(Optional<List<String>> apiKeys, Optional<String> apiKeysFile, boolean allowAnonymous,
            boolean protectMetrics, KhulasaConfig.RateLimit rateLimit) implements KhulasaConfig.Security {
    }

    record Limit(int perMinute, int maxClients) implements KhulasaConfig.RateLimit {
        @Override
        public Optional<String> redis() {
            return Optional.empty();
        }
    }

    static Security security(List<String> keys, boolean allowAnonymous, int perMinute) {
        return new Security(keys.isEmpty() ? Optional.empty() : Optional.of(keys), Optional.empty(), allowAnonymous, false,
                new Limit(perMinute, 100));
    }

    @Test
    void withoutKeysAndWithoutAnonymousAccessTheServiceRefusesToStartSayingWhatToSet() {
        assertThatThrownBy(() -> new AccessGuard(security(List.of(), false, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KHULASA_SECURITY_API_KEYS")
                .hasMessageContaining("KHULASA_SECURITY_ALLOW_ANONYMOUS=true");
        assertThatCode(() -> new AccessGuard(security(List.of(), true, 0))).doesNotThrowAnyException();
        assertThatCode(() -> new AccessGuard(security(List.of("k1"), false, 0))).doesNotThrowAnyException();
    }

    @Test
    void aKeyIsAcceptedAsBearerOrXApiKeyAndOnlyThen() {
        AccessGuard guard = new AccessGuard(security(List.of(" key-one ", "key-two"), false, 0));
        assertThatCode(() -> guard.checkApiCall("Bearer key-one", null, "10.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> guard.checkApiCall("bearer key-two", null, "10.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> guard.checkApiCall(null, "key-two", "10.0.0.1")).doesNotThrowAnyException();
        assertThat(reason(() -> guard.checkApiCall(null, null, "10.0.0.1"))).isEqualTo(AccessDeniedException.Reason.MISSING_KEY);
        assertThat(reason(() -> guard.checkApiCall("Basic a2V5LW9uZQ==", null, "10.0.0.1")))
                .isEqualTo(AccessDeniedException.Reason.MISSING_KEY);
        assertThat(reason(() -> guard.checkApiCall("Bearer key-three", null, "10.0.0.1")))
                .isEqualTo(AccessDeniedException.Reason.INVALID_KEY);
        assertThat(reason(() -> guard.checkApiCall(null, "key-on", "10.0.0.1"))).isEqualTo(AccessDeniedException.Reason.INVALID_KEY);
    }

    @Test
    void theKeyFileHasOneKeyPerLineWithComments(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# desk keys\nfile-key-1\n\n  file-key-2   # night shift\n#file-key-3\n");
        ApiKeys keys = ApiKeys.load(Optional.of(List.of("env-key")), Optional.of(file.toString()));
        assertThat(keys.size()).isEqualTo(3);
        assertThat(keys.matches("file-key-1")).isTrue();
        assertThat(keys.matches("file-key-2")).isTrue();
        assertThat(keys.matches("env-key")).isTrue();
        assertThat(keys.matches("file-key-3")).isFalse();
        assertThat(keys.matches("# desk keys")).isFalse();
    }

    @Test
    void anUnreadableKeyFileFailsStartUpNamingTheFileButNoKey(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-file");
        assertThatThrownBy(() -> ApiKeys.load(Optional.empty(), Optional.of(missing.toString())))
                .hasMessageContaining("khulasa.security.api-keys-file").hasMessageContaining(missing.toString());
    }

    @Test
    void fingerprintsAreShortHashPrefixesNotKeys() {
        ApiKeys keys = ApiKeys.load(Optional.of(List.of("super-secret-key-123")), Optional.empty());
        assertThat(keys.fingerprints()).singleElement().satisfies(f -> {
            assertThat(f).matches("[0-9a-f]{8}").isEqualTo(ApiKeys.fingerprint("super-secret-key-123"));
            assertThat("super-secret-key-123").doesNotContain(f);
        });
    }

    @Test
    void withoutKeysTheRateLimitIsPerClientIp() {
        AccessGuard guard = new AccessGuard(security(List.of(), true, 2));
        guard.checkApiCall(null, null, "10.0.0.1");
        guard.checkApiCall(null, null, "10.0.0.1");
        AccessDeniedException limited = catchDenied(() -> guard.checkApiCall(null, null, "10.0.0.1"));
        assertThat(limited.reason()).isEqualTo(AccessDeniedException.Reason.RATE_LIMITED);
        // Greedy refill: 2 per minute = one token every 30 s.
        assertThat(limited.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31)));
        assertThatCode(() -> guard.checkApiCall(null, null, "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void theClientMapIsBoundedAndForgetsTheLeastRecentlySeenClientFirst() {
        RateLimiter limiter = new RateLimiter(1, 50);
        assertThat(limiter.tryAcquire("ip:first")).isEmpty();
        assertThat(limiter.tryAcquire("ip:first")).as("its one token is used").isPresent();
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.tryAcquire("ip:10.0.0." + i)).isEmpty();
        }
        // 51 clients seen, 50 kept: the first was forgotten and starts again with a full bucket ...
        assertThat(limiter.tryAcquire("ip:first")).isEmpty();
        // ... which pushed out the next least recently seen, while the most recent is still remembered (limited)
        assertThat(limiter.tryAcquire("ip:10.0.0.49")).isPresent();
        assertThat(limiter.tryAcquire("ip:10.0.0.0")).isEmpty();
        assertThat(new RateLimiter(0, 50).tryAcquire("anyone")).isEmpty();
    }

    private static AccessDeniedException.Reason reason(Runnable call) {
        return catchDenied(call).reason();
    }

    private static AccessDeniedException catchDenied(Runnable call) {
        try {
            call.run();
        } catch (AccessDeniedException e) {
            return e;
        }
        throw new AssertionError("expected an AccessDeniedException");
    }
}
