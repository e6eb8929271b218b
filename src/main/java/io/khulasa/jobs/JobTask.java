package io.khulasa.jobs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a job (or a message on the request topic) asks for each article: the work of one batch endpoint. */
public enum JobTask {
    SUMMARY, TRANSLATION, DIGEST;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task named {@code value}, or null when there is none by that name. */
    public static JobTask of(String value) {
        for (JobTask t : values()) {
            if (t.json().equals(value)) {
                return t;
            }
        }
        return null;
    }
}
