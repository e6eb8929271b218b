package io.khulasa.jobs;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

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
 */
@ApplicationScoped
public class ArticleWorker {

    private final Semaphore slots;
    private final JobArticleRunner runner;
    private final JobStore store;
    private final OutageBackoff backoff;
    private final ObjectMapper json;
    private final MeterRegistry registry;

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

    /**
     * Runs one article.
     *
     * @param jobId     its job, or null for a feed message of the newsroom's own
     * @param requestId the request id for logs and provenance
     * @return its outcome, or empty when there was nothing to run (job done, cancelled or unknown)
     * @throws InterruptedException at shutdown: the article is not finished (Kafka delivers it again)
     */
    public Optional<ArticleOutcome> process(String jobId, JobTask task, String articleId, JsonNode article,
            String requestId) throws InterruptedException {
        slots.acquire();
        RequestIds.enter(requestId);
        try {
            if (jobId != null) {
                Claim claim = withStore(() -> store.claim(jobId, articleId));
                if (claim != Claim.CLAIMED) {
                    Log.debugf("Job %s article %s not run: %s", jobId, articleId, claim);
                    registry.counter("khulasa.jobs.articles.skipped", "reason", claim.name().toLowerCase()).increment();
                    return Optional.empty();
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
                registry.counter("khulasa.jobs.articles", "task", task.json(), "outcome",
                        result.problem() == null ? "result" : "problem").increment();
                return Optional.of(ArticleOutcome.of(result, json));
            }
        } finally {
            RequestIds.leave();
            slots.release();
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
