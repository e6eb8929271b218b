package io.khulasa.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.khulasa.articles.BatchResult;
import io.khulasa.config.KafkaConfig;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.quarkus.logging.Log;

/**
 * A job's articles go to the request topic, one record each ({@code {...article, "task"}}, headers
 * {@code khulasa-job-id} and {@code khulasa-request-id}); any replica of the consumer group runs them. Returns once the
 * broker acknowledged every record. An article whose record would be over {@code khulasa.kafka.max-message-bytes}
 * is not sent: it gets its 413 problem in the job at once.
 */
@ApplicationScoped
public class KafkaJobQueue implements JobQueue {

    /** Room left in a record for its key, headers and framing. */
    private static final int RECORD_OVERHEAD = 16 * 1024;

    private final KafkaFeed feed;
    private final JobStore store;
    private final ObjectMapper json;
    private final int maxValueBytes;
    private final long deliveryTimeoutMs;

    public KafkaJobQueue(KafkaFeed feed, JobStore store, ObjectMapper json, KafkaConfig config,
            @ConfigProperty(name = "mp.messaging.outgoing.khulasa-requests-out.delivery.timeout.ms", defaultValue = "120000") long deliveryTimeoutMs) {
        this.feed = feed;
        this.store = store;
        this.json = json;
        this.maxValueBytes = config.maxMessageBytes() - RECORD_OVERHEAD;
        this.deliveryTimeoutMs = deliveryTimeoutMs;
    }

    @Override
    public void submit(JobRecord job, List<JsonNode> articles, String requestId) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            String articleId = job.articleIds().get(i);
            byte[] value = value(articles.get(i), job.task());
            if (value.length > maxValueBytes) {
                tooLarge(job, articleId, value.length);
                continue;
            }
            acks.add(feed.request(job.id(), articleId, value, requestId).toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(deliveryTimeoutMs + 5000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf("Job %s: its articles could not be queued on Kafka (%s)", job.id(),
                    (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName());
            throw new ProblemException(ProblemType.JOBS_UNAVAILABLE, "The job's articles could not be queued; nothing was accepted, send the job again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.JOBS_UNAVAILABLE, "The service is shutting down");
        }
    }

    private byte[] value(JsonNode article, JobTask task) {
        ObjectNode message = ((ObjectNode) article).deepCopy();
        message.put("task", task.json());
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree is always JSON", e);
        }
    }

    private void tooLarge(JobRecord job, String articleId, int bytes) {
        ProblemException problem = new ProblemException(ProblemType.ARTICLE_TOO_LARGE, "The article takes " + bytes + " bytes as a Kafka record; the limit is " + maxValueBytes
                        + " (khulasa.kafka.max-message-bytes)", Map.of("limitBytes", maxValueBytes, "articleBytes", bytes));
        try {
            store.record(job.id(), articleId, json.writeValueAsString(BatchResult.failed(articleId, problem)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A batch result is always JSON", e);
        }
    }
}
