package io.khulasa.eval;

import java.util.Locale;

/** The khulasa task evaluated, with its endpoint and the response field holding the output. */
public enum EvalTask {
    TRANSLATE("/v1/translations", "translation"),
    SUMMARIZE("/v1/summaries", "summary");

    private final String path;
    private final String outputField;

    EvalTask(String path, String outputField) {
        this.path = path;
        this.outputField = outputField;
    }

    public String path() {
        return path;
    }

    public String outputField() {
        return outputField;
    }

    /** {@code translate} or {@code summarize} (also {@code summarise}). */
    public static EvalTask parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "translate", "translation" -> TRANSLATE;
            case "summarize", "summarise", "summary" -> SUMMARIZE;
            default -> throw new IllegalArgumentException("unknown task '" + s + "' (translate or summarize)");
        };
    }

    public String label() {
        return this == TRANSLATE ? "translate" : "summarize";
    }
}
