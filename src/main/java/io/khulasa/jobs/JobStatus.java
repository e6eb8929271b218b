package io.khulasa.jobs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a job is: no article started, some started, all finished, or cancelled by its owner. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, CANCELLED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
