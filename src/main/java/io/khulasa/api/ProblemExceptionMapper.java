package io.khulasa.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.khulasa.cleaning.ArticleRejectedException;
import io.khulasa.glossary.InvalidGlossaryException;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.PromptNotFoundException;
import io.khulasa.security.AccessDeniedException;
import io.quarkus.logging.Log;

/**
 * The one mapping from failures to RFC 9457 {@code application/problem+json} responses. Every error khulasa answers
 * goes through here, so every error has a {@code type}, {@code title}, {@code status}, {@code detail} and a stable
 * {@code code}, and none carries a stack trace.
 */
public class ProblemExceptionMapper {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response rejected(ArticleRejectedException e) {
        String title = switch (e.code()) {
            case "no-arabic-text" -> "No Arabic article in the input";
            case "mojibake-unrepairable" -> "The text is garbled beyond repair";
            default -> "The article cannot be processed";
        };
        return respond(new Problem(422, e.code(), title, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response promptNotFound(PromptNotFoundException e) {
        return respond(new Problem(404, "unknown-prompt-version", "Unknown prompt version", e.getMessage(),
                Map.of("task", e.task(), "available", e.available())));
    }

    /**
     * A request's {@code glossary} is invalid. (An invalid house glossary file on reload is a 422, answered by
     * {@link GlossaryResource} itself.)
     */
    @ServerExceptionMapper
    public Response invalidGlossary(InvalidGlossaryException e) {
        return respond(new Problem(400, "invalid-glossary", "Invalid glossary", e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response llm(LlmException e) {
        Response.ResponseBuilder response = Response.status(e.kind().status()).type(Problem.MEDIA_TYPE)
                .entity(llmProblem(e));
        e.retryAfter().ifPresent(d -> response.header("Retry-After", Math.max(1, d.toSeconds())));
        return response.build();
    }

    /** The problem for an LLM failure; also used for a failed part inside a 200 digest. */
    public static Problem llmProblem(LlmException e) {
        Map<String, Object> ext = new LinkedHashMap<>();
        e.task().ifPresent(t -> ext.put("task", t));
        return new Problem(e.kind().status(), e.kind().code(), e.kind().title(), e.getMessage(), ext);
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e) {
        Response.ResponseBuilder response = Response.status(e.reason().status()).type(Problem.MEDIA_TYPE)
                .entity(accessProblem(e));
        accessHeaders(e).forEach(response::header);
        return response.build();
    }

    /** The problem for a refused call (no key, unknown key, rate limit); also answered on {@code /q/metrics}. */
    static Problem accessProblem(AccessDeniedException e) {
        return new Problem(e.reason().status(), e.reason().code(), e.reason().title(), e.getMessage(), null);
    }

    /** {@code WWW-Authenticate} on a 401 (RFC 9110 requires it), {@code Retry-After} on a 429. */
    static Map<String, String> accessHeaders(AccessDeniedException e) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (e.reason() == AccessDeniedException.Reason.MISSING_KEY) {
            headers.put("WWW-Authenticate", "Bearer realm=\"khulasa\"");
        }
        e.retryAfter().ifPresent(d -> headers.put("Retry-After", String.valueOf(Math.max(1, (d.toMillis() + 999) / 1000))));
        return headers;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Map<String, String>> violations = new ArrayList<>();
        String code = "invalid-request";
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String field = leaf(v.getPropertyPath().toString());
            violations.add(Map.of("field", field, "message", v.getMessage()));
            if (field.equals("promptVersion") || field.startsWith("promptVersions")) {
                code = "invalid-prompt-version";
            }
        }
        String detail = violations.stream().map(v -> v.get("field") + " " + v.get("message")).reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid");
        return respond(new Problem(400, code, "Invalid request", detail, Map.of("violations", violations)));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(jsonProblem(e));
    }

    // Quarkus ships mappers for these subtypes; the closest type wins, so ours are declared for each of them.
    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response jsonFormat(InvalidFormatException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response jsonUnknown(UnrecognizedPropertyException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        int status = e.getResponse().getStatus();
        Problem problem = switch (status) {
            case 400 -> new Problem(400, "bad-request", "Bad request", "The request could not be read", null);
            case 404 -> new Problem(404, "not-found", "Not found", "No such resource; see /q/openapi for the API", null);
            case 405 -> new Problem(405, "method-not-allowed", "Method not allowed", "This resource does not accept that HTTP method", null);
            case 406 -> new Problem(406, "not-acceptable", "Not acceptable", "This resource answers application/json", null);
            case 413 -> new Problem(413, "request-too-large", "Request too large", "The request body is over the configured limit", null);
            case 415 -> new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "Send the request body as application/json", null);
            default -> new Problem(status, "http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), "The request failed", null);
        };
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            response.header("Allow", allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // The only 500: a bug. Log it (without request content) for operators; tell the client nothing internal.
        Log.errorf(e, "Unexpected failure (%s)", e.getClass().getName());
        return respond(new Problem(500, "internal-error", "Internal error",
                "khulasa failed unexpectedly; the failure is logged", null));
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new Problem(400, "unknown-field", "Unknown field", "Unknown field '" + u.getPropertyName()
                    + "'; known fields: " + u.getKnownPropertyIds(), Map.of("field", u.getPropertyName()));
        }
        if (e instanceof InvalidFormatException f && f.getValue() instanceof String
                && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String field = path(f);
            return new Problem(400, "invalid-field-value", "Invalid field value", "Field '" + field
                    + "' has a value that is not allowed" + allowedValues(f), Map.of("field", field));
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            if (field.equals("promptVersion") || field.startsWith("promptVersions")) {
                return new Problem(400, "invalid-prompt-version", "Invalid prompt version", "Field '" + field
                        + "' must be a string: 'v' followed by digits, e.g. v1", Map.of("field", field));
            }
            if (field.isEmpty()) {
                return new Problem(400, "malformed-json", "Malformed JSON", "The body must be a JSON object", null);
            }
            return new Problem(400, "invalid-field-type", "Wrong field type", "Field '" + field + "' has the wrong type"
                    + (m.getTargetType() == null ? "" : "; expected " + describe(m.getTargetType())), Map.of("field", field));
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("UTF-8") || message.contains("UTF8")) {
            return new Problem(400, "invalid-utf8", "Invalid UTF-8", "The body is not valid UTF-8", null);
        }
        return new Problem(400, "malformed-json", "Malformed JSON", "The body is not valid JSON: "
                + firstLine(message), null);
    }

    private static String allowedValues(InvalidFormatException f) {
        Class<?> target = f.getTargetType();
        if (target != null && target.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object c : target.getEnumConstants()) {
                values.add(((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT));
            }
            return "; allowed: " + values;
        }
        return "";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    private static String path(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String leaf(String path) {
        // "summarize.request.promptVersion" (method.parameter.field) -> "promptVersion";
        // "digest.request.promptVersions.translate" -> "promptVersions.translate"
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static Response respond(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
