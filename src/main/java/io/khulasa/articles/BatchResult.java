package io.khulasa.articles;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.problems.Problem;
import io.khulasa.problems.Problems;

/**
 * The outcome of one article of a batch: either its result or its problem, never both.
 *
 * @param id      the article's id, as sent
 * @param status  the HTTP status the article would have had on its own (200, or the problem's status)
 * @param result  the single-article response, when it succeeded
 * @param problem the problem, when it failed
 */
@Schema(name = "BatchResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResult(String id, int status,
        // Documented as before (any object): the single-article response of the endpoint.
        @Schema(implementation = Object.class) ArticleResponse result,
        Problem problem) {

    /** The article succeeded: 200 and its answer. */
    public static BatchResult succeeded(String id, ArticleResponse result) {
        return new BatchResult(id, 200, result, null);
    }

    /** The article failed: its problem, at the problem's status. */
    public static BatchResult failed(String id, Problem problem) {
        return new BatchResult(id, problem.getStatus(), null, problem);
    }

    /** The article failed: the problem of its failure ({@link Problems}). */
    public static BatchResult failed(String id, Throwable failure) {
        return failed(id, Problems.of(failure));
    }
}
