package io.khulasa.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * A job's stored state at one moment.
 *
 * @param job       the job as accepted
 * @param cancelled whether its owner cancelled it
 * @param running   ids of articles being processed
 * @param cancelledArticles ids of articles cancelled before they started
 * @param results   finished articles: id to the stored batch-item JSON
 * @param expiresAt when the store forgets it
 */
public record JobSnapshot(JobRecord job, boolean cancelled, java.util.Set<String> running,
        java.util.Set<String> cancelledArticles, Map<String, String> results, Instant expiresAt) {
}
