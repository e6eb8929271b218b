package io.khulasa.api;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.khulasa.problems.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A failure's problem written straight to a Vert.x response, for the routes that answer without Quarkus REST (the
 * metrics check in {@link ApiAccessFilter}, {@link SummaryRoute}): the same status, headers and body as
 * {@link ProblemExceptionMapper} gives, through the one mapping ({@link HttpProblems}).
 */
final class RouteProblems {

    private RouteProblems() {
    }

    /** Ends the response with the failure's problem; {@code problemWriter} writes {@link Problem}. */
    static void end(HttpServerResponse response, Throwable failure, ObjectWriter problemWriter) {
        Problem problem = HttpProblems.of(failure);
        byte[] body;
        try {
            body = problemWriter.writeValueAsBytes(problem);
        } catch (Exception e) {
            body = ("{\"status\":" + problem.getStatus() + ",\"code\":\"" + problem.getCode() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.setStatusCode(problem.getStatus()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        HttpProblems.headers(failure).forEach(response::putHeader);
        response.end(Buffer.buffer(body));
    }
}
