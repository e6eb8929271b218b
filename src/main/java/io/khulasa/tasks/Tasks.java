package io.khulasa.tasks;

/** Task names: prompt folder names, provenance keys and metric tags. */
public final class Tasks {

    public static final String SUMMARIZE = "summarize";
    public static final String TRANSLATE = "translate";
    /** One chunk of a long article's translation. */
    public static final String TRANSLATE_CHUNK = "translate-chunk";
    /** Map step of a long article's summary: one chunk. */
    public static final String SUMMARIZE_CHUNK = "summarize-chunk";
    /** Reduce step of a long article's summary: the summary of the chunk summaries. */
    public static final String SUMMARIZE_REDUCE = "summarize-reduce";

    private Tasks() {
    }
}
