package io.khulasa.jobs;

/** What the job store says when a worker wants to start one article of a job. */
public enum Claim {
    /** Go ahead (also for an article a dead replica had started: delivery is at least once). */
    CLAIMED,
    /** It already has its result: nothing to do, no LLM call. */
    DONE,
    /** The job was cancelled before the article started. */
    CANCELLED,
    /** No such job (expired, or its submission failed). */
    UNKNOWN
}
