package io.khulasa.jobs;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.BatchResult;
import io.khulasa.config.KafkaConfig;
import io.khulasa.problems.Problem;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.khulasa.problems.Problems;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * Consumes the request topic (job articles and a newsroom's own requests), every replica in consumer group
 * {@code khulasa}. Per record: a poison message goes to the dead-letter topic with its problem (and its offset moves
 * on, so it never blocks the partition); an article is run ({@link ArticleWorker}), its outcome published to the
 * result topic, then recorded in its job, and only then is the record acknowledged. Delivery is at least once: after a
 * crash a record is run again, costing no LLM call when its job already has its outcome or the result cache has it.
 * While the LLM is out, the channel is paused (no new records fetched) and the articles in hand wait and retry.
 */
@ApplicationScoped
public class RequestConsumer {

    private final ArticleWorker worker;
    private final KafkaFeed feed;
    private final ObjectMapper json;
    private final ChannelRegistry channels;
    private final boolean enabled;

    public RequestConsumer(ArticleWorker worker, KafkaFeed feed, ObjectMapper json, ChannelRegistry channels,
            KafkaConfig config) {
        this.worker = worker;
        this.feed = feed;
        this.json = json;
        this.channels = channels;
        this.enabled = config.enabled();
    }

    void pauseWithOutages(@Observes StartupEvent start, OutageBackoff backoff) {
        if (!enabled) {
            return;
        }
        backoff.addListener(new OutageBackoff.Listener() {
            @Override
            public void paused() {
                PausableChannel channel = channels.getPausable(KafkaConfig.REQUESTS);
                if (channel != null) {
                    channel.pause();
                }
            }

            @Override
            public void resumed() {
                PausableChannel channel = channels.getPausable(KafkaConfig.REQUESTS);
                if (channel != null) {
                    channel.resume();
                }
            }
        });
    }

    @Incoming(KafkaConfig.REQUESTS)
    @RunOnVirtualThread
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException, ExecutionException {
        String sent = FeedHeaders.get(record.headers(), FeedHeaders.REQUEST_ID);
        String requestId = sent != null ? sent : UUID.randomUUID().toString();
        String jobId = FeedHeaders.get(record.headers(), FeedHeaders.JOB_ID);
        switch (FeedMessage.read(record.value(), json)) {
            case FeedMessage.Poison poison -> {
                Problem problem = Problems.of(poison.problem());
                Log.warnf("Dead letter: %s-%d@%d (%d bytes): %s", record.topic(), record.partition(), record.offset(),
                        record.value() == null ? 0 : record.value().length, problem.getCode());
                feed.deadLetter(record, problem).toCompletableFuture().get();
            }
            case FeedMessage.Article article when article.task() == null -> {
                ProblemException problem = new ProblemException(ProblemType.INVALID_FIELD_VALUE, "Field 'task' has a value that is not allowed; allowed: [summary, translation, digest]",
                        Map.of("field", "task"));
                publish(jobId, requestId, ArticleOutcome.of(BatchResult.failed(article.id(), problem), json));
            }
            case FeedMessage.Article article -> {
                worker.process(jobId, article.task(), article.id(), article.article(), requestId,
                        FeedHeaders.traceContext(record.headers()), outcome -> publish(jobId, requestId, outcome));
            }
        }
    }

    private void publish(String jobId, String requestId, ArticleOutcome outcome)
            throws InterruptedException, ExecutionException {
        feed.result(outcome, jobId, requestId).toCompletableFuture().get();
        if (jobId != null) {
            worker.finish(jobId, outcome);
        }
    }
}
