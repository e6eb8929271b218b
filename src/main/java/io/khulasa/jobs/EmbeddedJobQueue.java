package io.khulasa.jobs;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;

/**
 * Jobs run in this process (no Kafka configured): one virtual thread per article, {@link ArticleWorker} bounds how many
 * run at once. Articles not finished when the process stops are lost with it; use Kafka for jobs that must survive a
 * replica.
 */
@ApplicationScoped
public class EmbeddedJobQueue implements JobQueue {

    private final ArticleWorker worker;
    private final ExecutorService threads =
            // Trace context follows the work onto its virtual threads: one trace per request.
            io.opentelemetry.context.Context.taskWrapping(Executors.newVirtualThreadPerTaskExecutor());

    public EmbeddedJobQueue(ArticleWorker worker) {
        this.worker = worker;
    }

    @Override
    public void submit(JobRecord job, List<JsonNode> articles, String requestId) {
        for (int i = 0; i < articles.size(); i++) {
            String articleId = job.articleIds().get(i);
            JsonNode article = articles.get(i);
            threads.submit(() -> {
                try {
                    worker.process(job.id(), job.task(), articleId, article, requestId, job.traceContext(),
                            outcome -> worker.finish(job.id(), outcome));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
                    Log.errorf(e, "Job %s article %s failed unexpectedly", job.id(), articleId);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
