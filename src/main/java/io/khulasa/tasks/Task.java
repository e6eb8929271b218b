package io.khulasa.tasks;

import java.util.Locale;

import io.khulasa.guards.OutputGuards;

/**
 * The prompted tasks: each is a prompt folder, a provenance key and a metric tag ({@link #id}), and says what its
 * answer must be (its output guard) and, for a step of a long article, the task it is a step of (whose model it
 * uses unless it has its own).
 */
public enum Task {

    SUMMARIZE(null, OutputGuards.Task.SUMMARY),
    /** Map step of a long article's summary: one chunk. */
    SUMMARIZE_CHUNK(SUMMARIZE, OutputGuards.Task.SUMMARY),
    /** Reduce step of a long article's summary: the summary of the chunk summaries. */
    SUMMARIZE_REDUCE(SUMMARIZE, OutputGuards.Task.SUMMARY),
    TRANSLATE(null, OutputGuards.Task.TRANSLATION),
    /** One chunk of a long article's translation. */
    TRANSLATE_CHUNK(TRANSLATE, OutputGuards.Task.TRANSLATION);

    private final Task stepOf;
    private final OutputGuards.Task guard;

    Task(Task stepOf, OutputGuards.Task guard) {
        this.stepOf = stepOf;
        this.guard = guard;
    }

    /** The name clients, prompt folders, provenance and metrics use: the constant's, e.g. {@code translate-chunk}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The whole-article task this is a step of; itself for a whole-article task. */
    public Task stepOf() {
        return stepOf == null ? this : stepOf;
    }

    /** What an answer is supposed to be. */
    OutputGuards.Task guard() {
        return guard;
    }

    /** Whether the answer is about as long as the input (a translation): the output limit bounds the input too. */
    boolean answerFollowsInput() {
        return guard == OutputGuards.Task.TRANSLATION;
    }

    /** The task named {@code id}; for answers stored by id (the Redis result cache). */
    static Task of(String id) {
        for (Task t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("No task " + id);
    }

    @Override
    public String toString() {
        return id();
    }
}
