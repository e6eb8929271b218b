package io.khulasa.api;

import java.util.Map;

/** A client error detected by the API layer itself (validation, limits), answered as a {@link Problem}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    public ProblemException(int status, String code, String title, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.extensions = extensions;
    }

    public Problem toProblem() {
        return new Problem(status, code, title, getMessage(), extensions);
    }
}
