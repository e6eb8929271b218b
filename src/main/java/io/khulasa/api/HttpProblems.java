package io.khulasa.api;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.khulasa.problems.Problem;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.khulasa.problems.Problems;

/**
 * The HTTP door's side of the one failure→problem mapping ({@link Problems}): the failures only JAX-RS raises (no such
 * path, wrong method, wrong media type, an unreadable body) become the {@link ProblemException} they stand for, and
 * the problem becomes a response with its headers. The core mapping stays free of JAX-RS types, so the job door and
 * the core use it without the HTTP layer.
 */
public final class HttpProblems {

    private HttpProblems() {
    }

    /** The problem for a failure, a JAX-RS one included. */
    public static Problem of(Throwable failure) {
        return Problems.of(problemOf(failure));
    }

    /** The error response for a failure: the problem, its status, and its headers ({@code Allow} on a 405). */
    public static Response response(Throwable failure) {
        Problem problem = of(failure);
        Response.ResponseBuilder response = Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
        headers(failure).forEach(response::header);
        return response.build();
    }

    /** The core's headers ({@code Retry-After}, {@code WWW-Authenticate}) and, on a 405, {@code Allow}. */
    public static Map<String, String> headers(Throwable failure) {
        Map<String, String> headers = Problems.headers(problemOf(failure));
        if (failure instanceof WebApplicationException e && e.getResponse().getHeaderString("Allow") != null) {
            headers.put("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return headers;
    }

    /** A JAX-RS failure as the failure it stands for; any other failure as it is. */
    private static Throwable problemOf(Throwable failure) {
        if (!(failure instanceof WebApplicationException e)) {
            return failure;
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json;
        }
        return switch (e.getResponse().getStatus()) {
            case 400 -> new ProblemException(ProblemType.BAD_REQUEST, "The request could not be read");
            case 404 -> new ProblemException(ProblemType.NOT_FOUND, "No such resource; see /q/openapi for the API");
            case 405 -> new ProblemException(ProblemType.METHOD_NOT_ALLOWED, "This resource does not accept that HTTP method");
            case 406 -> new ProblemException(ProblemType.NOT_ACCEPTABLE, "This resource answers application/json");
            case 413 -> new ProblemException(ProblemType.REQUEST_TOO_LARGE, "The request body is over the configured limit");
            case 415 -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json");
            default -> failure; // any other status is a bug: the core logs it and answers 500
        };
    }
}
