package io.khulasa.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers every failure of a REST call with its RFC 9457 {@code application/problem+json} response, through the one
 * mapping ({@link HttpProblems}): every error has a {@code type}, {@code title}, {@code status}, {@code detail} and a
 * stable {@code code}, and none carries a stack trace. Quarkus ships its own mappers for the validation, Jackson and
 * web exceptions, and the most specific type wins: those types are named here so that this mapper answers them.
 */
public class ProblemExceptionMapper {

    @ServerExceptionMapper({ Exception.class, ConstraintViolationException.class, WebApplicationException.class,
            JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class })
    public Response problem(Exception failure) {
        return HttpProblems.response(failure);
    }
}
