package io.khulasa.tasks;

/** Task names: prompt folder names, provenance keys and metric tags. */
public final class Tasks {

    public static final String SUMMARIZE = "summarize";
    public static final String TRANSLATE = "translate";

    private Tasks() {
    }
}
