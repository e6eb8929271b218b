package io.khulasa.problems;

import java.util.Map;

/** A client error detected by the API layer itself (validation, limits), answered as its {@link ProblemType}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.extensions = extensions;
    }

    public ProblemType type() {
        return type;
    }

    Map<String, Object> extensions() {
        return extensions;
    }
}
