package io.khulasa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem before anything reads it; without
 * this, the HTTP layer would answer a bare 413 with no problem body.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBodyBytes;
    private final String problemJson;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.problemJson = mapper.writeValueAsString(Problems.of(new ProblemException(ProblemType.REQUEST_TOO_LARGE,
                "The request body is over the limit of " + maxBodyBytes + " bytes", java.util.Map.of("limitBytes", maxBodyBytes))));
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length)) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(problemJson);
                return;
            }
            rc.next();
        }, 1000);
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
