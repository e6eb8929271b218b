package io.khulasa.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.problems.Problem;

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
public record BatchResult(String id, int status, Object result, Problem problem) {
}
