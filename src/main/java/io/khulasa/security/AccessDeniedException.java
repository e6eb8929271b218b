package io.khulasa.security;

import java.time.Duration;
import java.util.Optional;

/** A call that may not go ahead: no key, an unknown key, or over the client's rate limit. */
public class AccessDeniedException extends RuntimeException {

    /** Why, with the status and stable problem code it maps to. */
    public enum Reason {
        MISSING_KEY(401, "missing-api-key", "API key required"),
        INVALID_KEY(403, "invalid-api-key", "Unknown API key"),
        RATE_LIMITED(429, "rate-limited", "Too many requests");

        private final int status;
        private final String code;
        private final String title;

        Reason(int status, String code, String title) {
            this.status = status;
            this.code = code;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String title() {
            return title;
        }
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
