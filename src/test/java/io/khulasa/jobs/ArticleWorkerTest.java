package io.khulasa.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.BatchResult;
import io.khulasa.config.JobsConfig;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * {@link ArticleWorker}'s orchestration: a job article delivered again while this replica runs it waits for that run
 * (one LLM run, one delivery), takes over when that run ended without delivering, and an article keeps its slot until
 * its outcome is delivered.
 */
class ArticleWorkerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final InMemoryJobStore store = new InMemoryJobStore(Duration.ofHours(1), Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedRunner runner = new ScriptedRunner();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aJobArticleDeliveredAgainWhileThisReplicaRunsItWaitsForThatRun() throws Exception {
        ArticleWorker worker = worker(4);
        store.create(job("j1", "a1"));
        List<String> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch release = runner.block("a1");

        Future<?> first = threads.submit(() -> process(worker, "j1", "a1", delivered));
        assertThat(runner.entered("a1").await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> again = threads.submit(() -> process(worker, "j1", "a1", delivered));

        // the redelivered record neither runs the article nor returns (its offset must wait for the outcome)
        Thread.sleep(200);
        assertThat(again).isNotDone();
        assertThat(runner.runs("a1")).isEqualTo(1);

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        again.get(5, TimeUnit.SECONDS);
        assertThat(runner.runs("a1")).isEqualTo(1);
        assertThat(delivered).containsExactly("a1");
        assertThat(registry.counter("khulasa.jobs.articles.redelivered.waited").count()).isEqualTo(1);
        assertThat(registry.counter("khulasa.jobs.articles.skipped", "reason", "done").count()).isEqualTo(1);
    }

    @Test
    void theWaitingDeliveryRunsTheArticleWhenTheFirstRunEndedWithoutDelivering() throws Exception {
        ArticleWorker worker = worker(4);
        store.create(job("j1", "a1"));
        List<String> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch release = runner.block("a1");
        AtomicInteger deliveries = new AtomicInteger();
        // the first run is stopped (shutdown) before its outcome is published: nothing delivered, nothing recorded
        Future<?> first = threads.submit(() -> {
            worker.process("j1", JobTask.SUMMARY, "a1", JSON.createObjectNode(), "r1", Map.of(), outcome -> {
                deliveries.incrementAndGet();
                throw new InterruptedException("shutting down");
            });
            return null;
        });
        assertThat(runner.entered("a1").await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> again = threads.submit(() -> process(worker, "j1", "a1", delivered));
        release.countDown();

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        again.get(5, TimeUnit.SECONDS);
        assertThat(deliveries).hasValue(1);
        assertThat(runner.runs("a1")).isEqualTo(2);
        assertThat(delivered).containsExactly("a1");
    }

    @Test
    void anArticleKeepsItsSlotUntilItsOutcomeIsDelivered() throws Exception {
        ArticleWorker worker = worker(1);
        store.create(job("j1", "a1", "a2"));
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch published = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> {
            worker.process("j1", JobTask.SUMMARY, "a1", JSON.createObjectNode(), "r1", Map.of(), outcome -> {
                publishing.countDown();
                published.await();
                worker.finish("j1", outcome);
            });
            return null;
        });
        assertThat(publishing.await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> second = threads.submit(() -> process(worker, "j1", "a2", new CopyOnWriteArrayList<>()));

        Thread.sleep(200);
        assertThat(runner.runs("a2")).as("a2 waits for a1's slot while a1 is being published").isZero();
        published.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(runner.runs("a2")).isEqualTo(1);
    }

    @Test
    void feedArticlesAreNeverHeldBackByAnotherWithTheSameId() throws Exception {
        ArticleWorker worker = worker(4);
        List<String> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch release = runner.block("f1");
        Future<?> first = threads.submit(() -> process(worker, null, "f1", delivered));
        assertThat(runner.entered("f1").await(5, TimeUnit.SECONDS)).isTrue();
        // a newsroom may send the same id twice on purpose: each message is its own request (the cache answers the second)
        runner.unblock("f1");
        threads.submit(() -> process(worker, null, "f1", delivered)).get(5, TimeUnit.SECONDS);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(runner.runs("f1")).isEqualTo(2);
        assertThat(delivered).containsExactly("f1", "f1");
    }

    private Void process(ArticleWorker worker, String jobId, String articleId, List<String> delivered)
            throws Exception {
        worker.process(jobId, JobTask.SUMMARY, articleId, JSON.createObjectNode(), "r-" + articleId, Map.of(), outcome -> {
            delivered.add(outcome.articleId());
            if (jobId != null) {
                worker.finish(jobId, outcome);
            }
        });
        return null;
    }

    private ArticleWorker worker(int concurrency) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(JobsConfig.class).withMapping(KhulasaConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("khulasa.jobs.concurrency", String.valueOf(concurrency)),
                        "test", 200))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidateUnknown(false).build();
        JobsConfig jobs = config.getConfigMapping(JobsConfig.class);
        return new ArticleWorker(jobs, config.getConfigMapping(KhulasaConfig.class), runner, store,
                new OutageBackoff(jobs, registry), JSON, registry);
    }

    private static JobRecord job(String id, String... articleIds) {
        return new JobRecord(id, "anonymous", JobTask.SUMMARY, Instant.now(), List.of(articleIds), null);
    }

    /** A runner whose articles end with a (non-outage) problem at once, or when released. */
    private static final class ScriptedRunner extends JobArticleRunner {

        private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> blocks = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();

        ScriptedRunner() {
            super(null, JSON);
        }

        CountDownLatch block(String id) {
            CountDownLatch latch = new CountDownLatch(1);
            blocks.put(id, latch);
            return latch;
        }

        void unblock(String id) {
            blocks.remove(id);
        }

        CountDownLatch entered(String id) {
            return entered.computeIfAbsent(id, k -> new CountDownLatch(1));
        }

        int runs(String id) {
            AtomicInteger n = runs.get(id);
            return n == null ? 0 : n.get();
        }

        @Override
        public BatchResult run(JobTask task, String id, com.fasterxml.jackson.databind.JsonNode article) {
            runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            entered(id).countDown();
            CountDownLatch block = blocks.get(id);
            if (block != null) {
                try {
                    block.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return BatchResult.failed(id, new ProblemException(ProblemType.INVALID_FIELD_VALUE, "scripted"));
        }
    }
}
