package io.khulasa.llm;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns an LLM's error response into an {@link LlmHttpException} that keeps {@code Retry-After}. Registered for the
 * REST client quarkus-langchain4j builds, and consulted before that client's own mapper (lower priority value), so
 * the back-off can honour what the LLM asked for.
 */
@Provider
@Priority(100)
public class RetryAfterCapture implements ResponseExceptionMapper<LlmHttpException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public LlmHttpException toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return new LlmHttpException(response.getStatus(), abbreviate(body), parse(response.getHeaderString("Retry-After")));
    }

    @Override
    public int getPriority() {
        return 100;
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** Enough of the body to read its JSON; what reaches a client or a log is only the server's sanitised message. */
    private static String abbreviate(String body) {
        return body.length() <= 16_384 ? body : body.substring(0, 16_384);
    }
}
