package io.khulasa.jobs;

import java.util.Optional;

/**
 * Where jobs live: this replica's memory ({@link InMemoryJobStore}, the default) or Redis ({@link RedisJobStore},
 * shared by every replica, so any replica answers {@code GET /v1/jobs/{id}} and a replica can die without losing a
 * job). Every change keeps the job for {@code khulasa.jobs.ttl} more. Every operation on one job is atomic.
 */
public sealed interface JobStore permits InMemoryJobStore, RedisJobStore {

    /** Records a new job with no article started. */
    void create(JobRecord job);

    /** The job, unless unknown or expired. */
    Optional<JobSnapshot> find(String jobId);

    /** Marks an article as started, unless it is done, cancelled, or the job is unknown. */
    Claim claim(String jobId, String articleId);

    /** Stores an article's outcome (the batch-item JSON); the first outcome stored wins. */
    void record(String jobId, String articleId, String resultJson);

    /** Cancels every article not started yet; empty when the job is unknown. */
    Optional<JobSnapshot> cancel(String jobId);

    /** Forgets a job (its submission failed). */
    void delete(String jobId);

    /** Whether jobs are shared by every replica. */
    boolean shared();
}
