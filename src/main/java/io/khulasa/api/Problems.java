package io.khulasa.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.khulasa.cleaning.ArticleRejectedException;
import io.khulasa.glossary.InvalidGlossaryException;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.PromptNotFoundException;

/**
 * The problem for a failure that cannot travel as an HTTP error response: a failed article inside a batch, an error
 * in the middle of an event stream, an article of a job. Delegates to {@link ProblemExceptionMapper}, so a failure looks the same
 * wherever it is reported.
 */
public final class Problems {

    private static final ProblemExceptionMapper MAPPER = new ProblemExceptionMapper();

    private Problems() {
    }

    public static Problem of(Throwable failure) {
        Response response = switch (failure) {
            case ProblemException e -> MAPPER.problem(e);
            case ArticleRejectedException e -> MAPPER.rejected(e);
            case PromptNotFoundException e -> MAPPER.promptNotFound(e);
            case InvalidGlossaryException e -> MAPPER.invalidGlossary(e);
            case LlmException e -> MAPPER.llm(e);
            case ConstraintViolationException e -> MAPPER.invalid(e);
            case JsonProcessingException e -> MAPPER.json(e);
            case Exception e -> MAPPER.unexpected(e);
            default -> MAPPER.unexpected(new IllegalStateException(failure));
        };
        return (Problem) response.getEntity();
    }
}
