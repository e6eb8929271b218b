package io.khulasa.guards;

/**
 * An LLM answer failed a hard output guard, and so did the answer to the one reprompt (or no call was left for a
 * reprompt). Maps to 502 with the guard's code as the problem code: {@code output-empty},
 * {@code output-wrong-language}, {@code output-echo}, {@code output-number-mismatch}.
 */
public class OutputRejectedException extends RuntimeException {

    private final String code;
    private final String task;
    private final int llmCalls;

    /**
     * @param code     the failed guard's code
     * @param task     the task whose answer was rejected
     * @param detail   what was wrong (never the answer itself)
     * @param llmCalls LLM calls spent on the task, reprompt included
     */
    public OutputRejectedException(String code, String task, String detail, int llmCalls) {
        super(detail, null, false, false);
        this.code = code;
        this.task = task;
        this.llmCalls = llmCalls;
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
}
