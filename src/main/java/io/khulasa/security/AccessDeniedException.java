package io.khulasa.security;

import java.time.Duration;
import java.util.Optional;

/** A call that may not go ahead: no key, an unknown key, or over the client's rate limit. */
public class AccessDeniedException extends RuntimeException {

    /** Why the call may not go ahead. */
    public enum Reason {
        /** Keys are configured and none was sent. */
        MISSING_KEY,
        /** The key sent is not a configured key. */
        INVALID_KEY,
        /** Over the client's rate limit. */
        RATE_LIMITED
    }

    private final Reason reason;
    private final Duration retryAfter;

    public AccessDeniedException(Reason reason, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** When the client may try again (rate limit only). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
