package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonParseException;

import io.khulasa.llm.LlmException;
import io.khulasa.problems.Problem;

/** The HTTP door's failures answer through the one mapping, as the problems they stand for. */
class HttpProblemsTest {

    @ParameterizedTest
    @CsvSource({
            "400, bad-request",
            "404, not-found",
            "405, method-not-allowed",
            "406, not-acceptable",
            "413, request-too-large",
            "415, unsupported-media-type",
            "409, internal-error" })
    void eachJaxRsFailureIsItsProblem(int status, String code) {
        Response response = HttpProblems.response(new WebApplicationException(status));
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.getCode()).isEqualTo(code);
        assertThat(response.getStatus()).isEqualTo(problem.getStatus());
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(problem.getDetail()).isNotBlank();
    }

    @Test
    void anUnreadableBodyIsTheJsonProblemAndAWrongMethodNamesTheAllowedOnes() {
        WebApplicationException unreadable = new WebApplicationException(new JsonParseException(null, "Unexpected"), 400);
        assertThat(HttpProblems.of(unreadable).getCode()).isEqualTo("malformed-json");
        assertThat(HttpProblems.headers(new WebApplicationException(Response.status(405).header("Allow", "POST").build())))
                .containsEntry("Allow", "POST");
    }

    @Test
    void aCoreFailureKeepsItsProblemAndHeaders() {
        LlmException down = new LlmException(LlmException.Kind.UNREACHABLE, "down", Duration.ofSeconds(7), null);
        Response response = HttpProblems.response(down);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("7");
    }
}
