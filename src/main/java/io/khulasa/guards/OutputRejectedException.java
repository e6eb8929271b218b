package io.khulasa.guards;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An LLM answer failed a hard output guard, and so did the answer to the one reprompt (or no reprompt was possible:
 * no call left, or the answer had already been streamed to the client). Maps to 502 with the guard's code as the
 * problem code: {@code output-empty}, {@code output-wrong-language}, {@code output-echo},
 * {@code output-number-mismatch}, {@code output-unsupported} (strict mode).
 */
public class OutputRejectedException extends RuntimeException {

    private final String code;
    private final String task;
    private final int llmCalls;
    private final Integer chunk;
    private final Map<String, Object> extensions;

    /**
     * @param code     the failed guard's code
     * @param task     the task whose answer was rejected
     * @param detail   what was wrong (never the answer itself)
     * @param llmCalls LLM calls spent on the answer, reprompt included
     * @param chunk    0-based index of the article chunk whose answer was rejected; null for a whole-article answer
     */
    public OutputRejectedException(String code, String task, String detail, int llmCalls, Integer chunk) {
        this(code, task, detail, llmCalls, chunk, Map.of());
    }

    /**
     * @param extensions further members of the problem, e.g. {@code sentence} and {@code sentenceIndex} for
     *                   {@code output-unsupported}
     */
    public OutputRejectedException(String code, String task, String detail, int llmCalls, Integer chunk,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.code = code;
        this.task = task;
        this.llmCalls = llmCalls;
        this.chunk = chunk;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** Further members of the problem (empty when none). */
    public Map<String, Object> extensions() {
        return extensions;
    }

    public String code() {
        return code;
    }

    public String task() {
        return task;
    }

    public int llmCalls() {
        return llmCalls;
    }

    /** The chunk whose answer was rejected, for a long article. */
    public Optional<Integer> chunk() {
        return Optional.ofNullable(chunk);
    }
}
