package io.khulasa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.config.KhulasaConfig;
import io.khulasa.problems.Problem;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.khulasa.problems.Problems;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem before anything reads it; without
 * this, the HTTP layer would answer a bare 413 with no problem body.
 * <p>
 * The body limit has to fit the largest {@code html} page ({@code khulasa.limits.max-html-bytes}) with its JSON
 * escaping; a body limit that does not is logged at start-up, since such pages would get {@code request-too-large}
 * instead of being cleaned.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBodyBytes;
    private final String problemJson;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            KhulasaConfig config, ObjectMapper mapper) throws JsonProcessingException {
        this.maxBodyBytes = maxBodySize.asLongValue();
        long html = config.limits().maxHtmlBytes();
        if (maxBodyBytes < html + html / 4) {
            Log.warnf("quarkus.http.limits.max-body-size (%d bytes) leaves little room for an html page of "
                    + "khulasa.limits.max-html-bytes (%d bytes) in JSON: such pages will get 413 request-too-large; "
                    + "set it to at least %d", maxBodyBytes, html, html * 3);
        }
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
