package io.khulasa.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.telemetry.Traces;
import io.opentelemetry.api.trace.SpanKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.BatchResult;
import io.khulasa.config.JobsConfig;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.problems.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Runs the articles of jobs and of the Kafka feed on this replica: at most {@code khulasa.jobs.concurrency} at once
 * (never more than the LLM bulkhead, {@code khulasa.llm.max-in-flight}), each claimed in the job store first (so a
 * cancelled, finished or expired job costs nothing), each retried after a pause while the LLM is out
 * ({@link OutageBackoff}). Job store errors (Redis down) also pause and retry: an article is never lost to them.
 * <p>
 * An article keeps its slot until its outcome has been delivered (published, recorded): a replica never holds more
 * finished-but-unrecorded articles than its concurrency, which is what a crash can make it run again. A job article
 * delivered a second time while this replica still runs it (a rebalance hands a partition back before its offset was
 * committed) waits for that run instead of claiming it again: the job store grants a claim on a running article (its
 * replica may be dead), so without the wait the same replica would pay for the article twice.
 */
@ApplicationScoped
public class ArticleWorker {

    private final Semaphore slots;
    private final JobArticleRunner runner;
    private final JobStore store;
    private final OutageBackoff backoff;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    /** Job articles running on this replica, by job and article id; done when their outcome was delivered. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    public ArticleWorker(JobsConfig config, KhulasaConfig khulasa, JobArticleRunner runner, JobStore store,
            OutageBackoff backoff, ObjectMapper json, MeterRegistry registry) {
        int concurrency = Math.max(1, Math.min(config.concurrency(), khulasa.llm().maxInFlight()));
        if (concurrency < config.concurrency()) {
            Log.warnf("khulasa.jobs.concurrency=%d is over khulasa.llm.max-in-flight=%d: %d articles at once",
                    config.concurrency(), khulasa.llm().maxInFlight(), concurrency);
        }
        this.slots = new Semaphore(concurrency);
        this.runner = runner;
        this.store = store;
        this.backoff = backoff;
        this.json = json;
        this.registry = registry;
    }

    /** What becomes of an article's outcome (publish it, record it in its job), inside the article's slot. */
    @FunctionalInterface
    public interface Delivery {
        void deliver(ArticleOutcome outcome) throws InterruptedException, ExecutionException;
    }

    /**
     * Runs one article and delivers its outcome.
     *
     * @param jobId     its job, or null for a feed message of the newsroom's own
     * @param requestId the request id for logs and provenance
     * @param submittedContext the submitting request's trace context (job state, record headers): the article's span
     *                  links to it
     * @param delivery  what to do with the outcome; not called when there was nothing to run (job done, cancelled or
     *                  unknown, or this replica's own run of the article delivered it meanwhile)
     * @throws InterruptedException at shutdown: the article is not finished (Kafka delivers it again)
     */
    public void process(String jobId, JobTask task, String articleId, JsonNode article, String requestId,
            java.util.Map<String, String> submittedContext, Delivery delivery)
            throws InterruptedException, ExecutionException {
        String key = jobId == null ? null : jobId + '\n' + articleId;
        CompletableFuture<Void> mine = key == null ? null : awaitOwnRun(key, jobId, articleId);
        try {
            slots.acquire();
            try {
                run(jobId, task, articleId, article, requestId, submittedContext, delivery);
            } finally {
                slots.release();
            }
        } finally {
            if (mine != null) {
                running.remove(key, mine);
                mine.complete(null);
            }
        }
    }

    /** Waits while this replica runs the same job article, then registers this run (outside any slot). */
    private CompletableFuture<Void> awaitOwnRun(String key, String jobId, String articleId) throws InterruptedException {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        for (CompletableFuture<Void> other; (other = running.putIfAbsent(key, mine)) != null;) {
            Log.debugf("Job %s article %s delivered again while this replica runs it: waiting for that run", jobId,
                    articleId);
            registry.counter("khulasa.jobs.articles.redelivered.waited").increment();
            try {
                other.get();
            } catch (ExecutionException e) {
                // never completed exceptionally; whatever became of that run, the claim below tells
            }
        }
        return mine;
    }

    private void run(String jobId, JobTask task, String articleId, JsonNode article, String requestId,
            java.util.Map<String, String> submittedContext, Delivery delivery)
            throws InterruptedException, ExecutionException {
        RequestIds.enter(requestId);
        try (Traces.Step step = Traces.processing("khulasa " + (jobId == null ? "feed" : "job") + " article",
                SpanKind.CONSUMER, submittedContext)) {
            step.set("khulasa.job.id", jobId).set("khulasa.article.id", articleId).set("khulasa.task", task.json());
            if (jobId != null) {
                Claim claim = withStore(() -> store.claim(jobId, articleId));
                if (claim != Claim.CLAIMED) {
                    Log.debugf("Job %s article %s not run: %s", jobId, articleId, claim);
                    registry.counter("khulasa.jobs.articles.skipped", "reason", claim.name().toLowerCase()).increment();
                    return;
                }
            }
            while (true) {
                backoff.awaitOpen();
                BatchResult result = runner.run(task, articleId, article);
                if (result.problem() != null && OutageBackoff.isOutage(result.status())) {
                    backoff.outage(result.problem().getCode());
                    continue;
                }
                backoff.success();
                if (result.problem() != null) {
                    step.fail(result.problem().getCode());
                }
                registry.counter("khulasa.jobs.articles", "task", task.json(), "outcome",
                        result.problem() == null ? "result" : "problem").increment();
                delivery.deliver(ArticleOutcome.of(result, json));
                return;
            }
        } finally {
            RequestIds.leave();
        }
    }

    /** Stores a job article's outcome, retrying while the store is down. */
    public void finish(String jobId, ArticleOutcome outcome) throws InterruptedException {
        withStore(() -> {
            store.record(jobId, outcome.articleId(), outcome.json());
            return null;
        });
    }

    private <T> T withStore(Supplier<T> call) throws InterruptedException {
        while (true) {
            backoff.awaitOpen();
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("shutting down");
                }
                Log.warnf("Job store call failed (%s): pausing, then trying again", e.getClass().getSimpleName());
                backoff.outage("job-store-unavailable");
            }
        }
    }
}
