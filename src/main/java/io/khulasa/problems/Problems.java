package io.khulasa.problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.khulasa.cleaning.ArticleRejectedException;
import io.khulasa.glossary.InvalidGlossaryException;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.PromptNotFoundException;
import io.khulasa.security.AccessDeniedException;
import io.quarkus.logging.Log;

/**
 * The one mapping from a failure to its RFC 9457 problem ({@link ProblemType}, detail, extension members) and the
 * headers that go with it. The exception mapper, batch items, job articles, digest parts, event-stream {@code error}
 * events and the HTTP filters all answer through here, so a failure looks the same wherever it is reported. The HTTP
 * door's own failures (an unknown path, a wrong method) are turned into a {@link ProblemException} at the door
 * ({@code api.HttpProblems}), so this mapping knows no JAX-RS type.
 */
public final class Problems {

    private Problems() {
    }

    /** The problem for a failure; an unexpected one is logged (without request content) and is a 500. */
    public static Problem of(Throwable failure) {
        return switch (failure) {
            case ProblemException e -> new Problem(e.type(), e.getMessage(), e.extensions());
            case ArticleRejectedException e -> new Problem(listed(422, e.code(), e), e.detail(), null);
            case PromptNotFoundException e -> new Problem(ProblemType.UNKNOWN_PROMPT_VERSION, e.getMessage(),
                    Map.of("task", e.task(), "available", e.available()));
            case InvalidGlossaryException e -> new Problem(ProblemType.INVALID_GLOSSARY, e.getMessage(), null);
            case LlmException e -> llm(e);
            case OutputRejectedException e -> rejected(e);
            case AccessDeniedException e -> new Problem(access(e.reason()), e.getMessage(), null);
            case ConstraintViolationException e -> invalid(e);
            case JsonProcessingException e -> json(e);
            case DigestFailedException e -> digestFailed(e);
            default -> unexpected(failure);
        };
    }

    /**
     * {@code Retry-After} when the client may try again later (rate limit, LLM unavailable), {@code WWW-Authenticate}
     * on a 401 (RFC 9110 requires it).
     */
    public static Map<String, String> headers(Throwable failure) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (failure) {
            case AccessDeniedException e -> {
                if (e.reason() == AccessDeniedException.Reason.MISSING_KEY) {
                    headers.put("WWW-Authenticate", "Bearer realm=\"khulasa\"");
                }
                e.retryAfter().ifPresent(d -> headers.put("Retry-After", seconds(d.toMillis())));
            }
            case LlmException e -> e.retryAfter().ifPresent(d -> headers.put("Retry-After", seconds(d.toMillis())));
            case DigestFailedException e -> headers.putAll(headers(e.summaryFailure()));
            default -> {
                // no headers
            }
        }
        return headers;
    }

    private static String seconds(long millis) {
        return String.valueOf(Math.max(1, (millis + 999) / 1000));
    }

    private static Problem llm(LlmException e) {
        Map<String, Object> ext = new LinkedHashMap<>();
        e.task().ifPresent(t -> ext.put("task", t));
        e.overflow().ifPresent(o -> {
            if (o.promptTokens() != null) {
                ext.put("promptTokens", o.promptTokens());
            }
            if (o.contextWindow() != null) {
                ext.put("contextWindow", o.contextWindow());
            }
        });
        return new Problem(ProblemType.of(e.kind()), e.getMessage(), ext);
    }

    /** An answer failed a hard output guard: 502 with the guard's code. */
    private static Problem rejected(OutputRejectedException e) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("task", e.task());
        ext.put("llmCalls", e.llmCalls());
        e.chunk().ifPresent(c -> ext.put("chunk", c));
        ext.putAll(e.extensions());
        return new Problem(listed(502, e.code(), e), e.getMessage(), ext);
    }

    private static ProblemType access(AccessDeniedException.Reason reason) {
        return switch (reason) {
            case MISSING_KEY -> ProblemType.MISSING_API_KEY;
            case INVALID_KEY -> ProblemType.INVALID_API_KEY;
            case RATE_LIMITED -> ProblemType.RATE_LIMITED;
        };
    }

    private static Problem digestFailed(DigestFailedException e) {
        Map<String, Problem> errors = new LinkedHashMap<>();
        errors.put("summary", of(e.summaryFailure()));
        errors.put("translation", of(e.translationFailure()));
        Problem summary = errors.get("summary");
        return new Problem(listed(summary.getStatus(), summary.getCode(), e), e.getMessage(), Map.of("errors", errors));
    }

    /** A code another package names (a guard's, the cleaner's); a code missing from the list is a bug. */
    private static ProblemType listed(int status, String code, Throwable failure) {
        ProblemType type = ProblemType.of(status, code);
        if (type == null) {
            Log.errorf("No problem type for %d %s (%s)", status, code, failure.getClass().getName());
            return ProblemType.INTERNAL_ERROR;
        }
        return type;
    }

    private static Problem invalid(ConstraintViolationException e) {
        List<Map<String, String>> violations = new ArrayList<>();
        ProblemType type = ProblemType.INVALID_REQUEST;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String field = leaf(v.getPropertyPath().toString());
            violations.add(Map.of("field", field, "message", v.getMessage()));
            if (field.equals("promptVersion") || field.startsWith("promptVersions")) {
                type = ProblemType.INVALID_PROMPT_VERSION;
            }
        }
        String detail = violations.stream().map(v -> v.get("field") + " " + v.get("message")).reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid");
        return new Problem(type, detail, Map.of("violations", violations));
    }

    private static Problem unexpected(Throwable e) {
        // The only 500: a bug. Log it (without request content) for operators; tell the client nothing internal.
        Log.errorf(e, "Unexpected failure (%s)", e.getClass().getName());
        return new Problem(ProblemType.INTERNAL_ERROR, "khulasa failed unexpectedly; the failure is logged", null);
    }

    private static Problem json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new Problem(ProblemType.UNKNOWN_FIELD, "Unknown field '" + u.getPropertyName()
                    + "'; known fields: " + u.getKnownPropertyIds(), Map.of("field", u.getPropertyName()));
        }
        if (e instanceof InvalidFormatException f && f.getValue() instanceof String
                && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String field = path(f);
            return new Problem(ProblemType.INVALID_FIELD_VALUE, "Field '" + field + "' has a value that is not allowed"
                    + allowedValues(f.getTargetType()), Map.of("field", field));
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            if (field.equals("promptVersion") || field.startsWith("promptVersions")) {
                return new Problem(ProblemType.INVALID_PROMPT_VERSION, "Field '" + field
                        + "' must be a string: 'v' followed by digits, e.g. v1", Map.of("field", field));
            }
            if (field.isEmpty()) {
                return new Problem(ProblemType.MALFORMED_JSON, "The body must be a JSON object", null);
            }
            return new Problem(ProblemType.INVALID_FIELD_TYPE, "Field '" + field + "' has the wrong type"
                    + (m.getTargetType() == null ? "" : "; expected " + describe(m.getTargetType())), Map.of("field", field));
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("UTF-8") || message.contains("UTF8")) {
            return new Problem(ProblemType.INVALID_UTF8, "The body is not valid UTF-8", null);
        }
        return new Problem(ProblemType.MALFORMED_JSON, "The body is not valid JSON: " + firstLine(message), null);
    }

    private static String allowedValues(Class<?> target) {
        List<String> values = new ArrayList<>();
        for (Object c : target.getEnumConstants()) {
            values.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
        }
        return "; allowed: " + values;
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
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

    /**
     * The field of a violation: {@code summarize.request.promptVersion} (method.parameter.field) → {@code promptVersion};
     * {@code digest.request.promptVersions.translate} → {@code promptVersions.translate}; a path on the request object
     * itself (a batch item) is already the field.
     */
    private static String leaf(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
