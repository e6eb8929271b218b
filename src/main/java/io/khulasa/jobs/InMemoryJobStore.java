package io.khulasa.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs in this replica's memory: the embedded default. Expired jobs are dropped whenever a job is created, so memory
 * holds at most the jobs of the last {@code khulasa.jobs.ttl}.
 */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public InMemoryJobStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    private static final class Entry {
        final JobRecord job;
        boolean cancelled;
        final Set<String> running = new HashSet<>();
        final Set<String> cancelledArticles = new HashSet<>();
        final Map<String, String> results = new LinkedHashMap<>();
        Instant expiresAt;

        Entry(JobRecord job, Instant expiresAt) {
            this.job = job;
            this.expiresAt = expiresAt;
        }

        JobSnapshot snapshot() {
            return new JobSnapshot(job, cancelled, Set.copyOf(running), Set.copyOf(cancelledArticles), Map.copyOf(results),
                    expiresAt);
        }
    }

    @Override
    public void create(JobRecord job) {
        Instant now = clock.instant();
        jobs.values().removeIf(e -> !e.expiresAt.isAfter(now));
        jobs.put(job.id(), new Entry(job, now.plus(ttl)));
    }

    private Entry live(String jobId) {
        Entry e = jobs.get(jobId);
        if (e == null) {
            return null;
        }
        if (!e.expiresAt.isAfter(clock.instant())) {
            jobs.remove(jobId, e);
            return null;
        }
        return e;
    }

    @Override
    public Optional<JobSnapshot> find(String jobId) {
        Entry e = live(jobId);
        if (e == null) {
            return Optional.empty();
        }
        synchronized (e) {
            return Optional.of(e.snapshot());
        }
    }

    @Override
    public Claim claim(String jobId, String articleId) {
        Entry e = live(jobId);
        if (e == null) {
            return Claim.UNKNOWN;
        }
        synchronized (e) {
            if (e.results.containsKey(articleId)) {
                return Claim.DONE;
            }
            if (e.cancelledArticles.contains(articleId) || e.cancelled && !e.running.contains(articleId)) {
                e.cancelledArticles.add(articleId);
                return Claim.CANCELLED;
            }
            e.running.add(articleId);
            e.expiresAt = clock.instant().plus(ttl);
            return Claim.CLAIMED;
        }
    }

    @Override
    public void record(String jobId, String articleId, String resultJson) {
        Entry e = live(jobId);
        if (e == null) {
            return;
        }
        synchronized (e) {
            e.results.putIfAbsent(articleId, resultJson);
            e.running.remove(articleId);
            e.cancelledArticles.remove(articleId);
            e.expiresAt = clock.instant().plus(ttl);
        }
    }

    @Override
    public Optional<JobSnapshot> cancel(String jobId) {
        Entry e = live(jobId);
        if (e == null) {
            return Optional.empty();
        }
        synchronized (e) {
            e.cancelled = true;
            for (String id : e.job.articleIds()) {
                if (!e.results.containsKey(id) && !e.running.contains(id)) {
                    e.cancelledArticles.add(id);
                }
            }
            e.expiresAt = clock.instant().plus(ttl);
            return Optional.of(e.snapshot());
        }
    }

    @Override
    public void delete(String jobId) {
        jobs.remove(jobId);
    }

    @Override
    public boolean shared() {
        return false;
    }
}
