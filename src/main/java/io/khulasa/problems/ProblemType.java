package io.khulasa.problems;

import io.khulasa.cleaning.ArticleRejectedException;
import io.khulasa.guards.EchoGuard;
import io.khulasa.guards.LanguageGuard;
import io.khulasa.guards.NumberGuard;
import io.khulasa.guards.OutputGuards;
import io.khulasa.llm.LlmException;

/**
 * Every problem khulasa can answer: its HTTP status, its stable {@code code} and its title. The one failure→problem
 * mapping ({@link Problems}) answers nothing that is not listed here, and the README's error table lists exactly
 * these (a test keeps the two in step).
 */
public enum ProblemType {

    // 400: the request cannot be read or is invalid; nothing was sent to the LLM
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    INVALID_UTF8(400, "invalid-utf8", "Invalid UTF-8"),
    MISSING_BODY(400, "missing-body", "Missing request body"),
    BAD_REQUEST(400, "bad-request", "Bad request"),
    MISSING_ARTICLE(400, "missing-article", "No article given"),
    MISSING_OUTPUT(400, "missing-output", "No summary or translation to check"),
    AMBIGUOUS_ARTICLE(400, "ambiguous-article", "Both text and html given"),
    BLANK_ARTICLE(400, "blank-article", "Blank article"),
    TITLE_TOO_LONG(400, "title-too-long", "Title too long"),
    INVALID_FIELD_TYPE(400, "invalid-field-type", "Wrong field type"),
    INVALID_FIELD_VALUE(400, "invalid-field-value", "Invalid field value"),
    UNKNOWN_FIELD(400, "unknown-field", "Unknown field"),
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    INVALID_PROMPT_VERSION(400, "invalid-prompt-version", "Invalid prompt version"),
    INVALID_GLOSSARY(400, "invalid-glossary", "Invalid glossary"),
    MISSING_ARTICLES(400, "missing-articles", "No articles given"),
    EMPTY_BATCH(400, "empty-batch", "Empty batch"),
    MISSING_ID(400, "missing-id", "Article without id"),
    DUPLICATE_ID(400, "duplicate-id", "Duplicate article id"),
    MISSING_TASK(400, "missing-task", "No task given"),
    EMPTY_JOB(400, "empty-job", "Empty job"),
    MALFORMED_MESSAGE(400, "malformed-message", "Malformed message"),

    // 401, 403, 429: access
    MISSING_API_KEY(401, "missing-api-key", "API key required"),
    INVALID_API_KEY(403, "invalid-api-key", "Unknown API key"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),

    // 404, 405, 406, 409, 413, 415
    NOT_FOUND(404, "not-found", "Not found"),
    UNKNOWN_PROMPT_VERSION(404, "unknown-prompt-version", "Unknown prompt version"),
    UNKNOWN_JOB(404, "unknown-job", "Unknown job"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    JOB_CANCELLED(409, "job-cancelled", "Job cancelled"),
    ARTICLE_TOO_LARGE(413, "article-too-large", "Article too large"),
    REQUEST_TOO_LARGE(413, "request-too-large", "Request too large"),
    BATCH_TOO_LARGE(413, "batch-too-large", "Batch too large"),
    JOB_TOO_LARGE(413, "job-too-large", "Job too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),

    // 422: the input is well-formed but cannot be used
    NO_ARABIC_TEXT(422, ArticleRejectedException.NO_ARABIC_TEXT, "No Arabic article in the input"),
    MOJIBAKE_UNREPAIRABLE(422, ArticleRejectedException.MOJIBAKE_UNREPAIRABLE, "The text is garbled beyond repair"),
    INVALID_GLOSSARY_FILE(422, "invalid-glossary", "Invalid glossary file"),

    // 500: a bug
    INTERNAL_ERROR(500, "internal-error", "Internal error"),

    // 502: the LLM answered, but not usably; an answer that failed an output check has one title, its code says which
    LLM_UPSTREAM_ERROR(502, LlmException.Kind.UPSTREAM, "The language model failed"),
    LLM_REQUEST_REJECTED(502, LlmException.Kind.REJECTED, "The language model rejected the request"),
    LLM_CONTEXT_EXCEEDED(502, LlmException.Kind.CONTEXT_EXCEEDED, "The prompt does not fit the model's context window"),
    LLM_MALFORMED_RESPONSE(502, LlmException.Kind.MALFORMED, "The language model sent a malformed answer"),
    LLM_EMPTY_COMPLETION(502, LlmException.Kind.EMPTY, "The language model returned an empty completion"),
    LLM_TRUNCATED(502, LlmException.Kind.TRUNCATED, "The language model's answer was cut off by its token limit"),
    LLM_STREAM_BROKEN(502, LlmException.Kind.STREAM_BROKEN, "The language model's stream broke off"),
    OUTPUT_EMPTY(502, OutputGuards.EMPTY, ProblemType.OUTPUT_CHECK_TITLE),
    OUTPUT_WRONG_LANGUAGE(502, LanguageGuard.CODE, ProblemType.OUTPUT_CHECK_TITLE),
    OUTPUT_ECHO(502, EchoGuard.CODE, ProblemType.OUTPUT_CHECK_TITLE),
    OUTPUT_NUMBER_MISMATCH(502, NumberGuard.CODE, ProblemType.OUTPUT_CHECK_TITLE),
    /** Strict mode ({@code requireSupport}): a summary sentence the article does not support, after one reprompt. */
    OUTPUT_UNSUPPORTED(502, "output-unsupported", ProblemType.OUTPUT_CHECK_TITLE),

    // 503, 504: the LLM (or the job queue) is unavailable
    JOBS_UNAVAILABLE(503, "jobs-unavailable", "Jobs unavailable"),
    LLM_UNREACHABLE(503, LlmException.Kind.UNREACHABLE, "The language model is unreachable"),
    LLM_RATE_LIMITED(503, LlmException.Kind.RATE_LIMITED, "The language model is rate-limiting khulasa"),
    LLM_SATURATED(503, LlmException.Kind.SATURATED, "The language model is at its limit of concurrent calls"),
    LLM_CIRCUIT_OPEN(503, LlmException.Kind.CIRCUIT_OPEN, "The language model is failing; calls are paused"),
    LLM_TIMEOUT(504, LlmException.Kind.TIMEOUT, "The language model did not answer in time");

    /** The title of every output-check failure (referred to by its qualified name: the constants come first). */
    private static final String OUTPUT_CHECK_TITLE = "The language model's answer failed an output check";

    private final int status;
    private final String code;
    private final String title;

    ProblemType(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    ProblemType(int status, LlmException.Kind kind, String title) {
        this(status, kind.code(), title);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The problem of an LLM failure. */
    static ProblemType of(LlmException.Kind kind) {
        return switch (kind) {
            case TIMEOUT -> LLM_TIMEOUT;
            case UNREACHABLE -> LLM_UNREACHABLE;
            case RATE_LIMITED -> LLM_RATE_LIMITED;
            case UPSTREAM -> LLM_UPSTREAM_ERROR;
            case REJECTED -> LLM_REQUEST_REJECTED;
            case CONTEXT_EXCEEDED -> LLM_CONTEXT_EXCEEDED;
            case MALFORMED -> LLM_MALFORMED_RESPONSE;
            case EMPTY -> LLM_EMPTY_COMPLETION;
            case TRUNCATED -> LLM_TRUNCATED;
            case STREAM_BROKEN -> LLM_STREAM_BROKEN;
            case SATURATED -> LLM_SATURATED;
            case CIRCUIT_OPEN -> LLM_CIRCUIT_OPEN;
        };
    }

    /** The problem of a listed code at a status, e.g. a guard's or the cleaner's; null when not listed. */
    static ProblemType of(int status, String code) {
        for (ProblemType type : values()) {
            if (type.status == status && type.code.equals(code)) {
                return type;
            }
        }
        return null;
    }
}
