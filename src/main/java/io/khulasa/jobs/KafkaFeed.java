package io.khulasa.jobs;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import io.khulasa.problems.Problem;

/**
 * What khulasa writes to Kafka: article requests (a job's articles), results and dead letters. Every send returns a
 * stage that completes when the broker acknowledged the record ({@code acks=all}), so callers can wait for it.
 * Used only when {@code khulasa.kafka.enabled=true}; otherwise the channels are disabled and nothing connects.
 */
@ApplicationScoped
public class KafkaFeed {

    private final Emitter<byte[]> requests;
    private final Emitter<byte[]> results;
    private final Emitter<byte[]> deadLetters;
    private final ObjectMapper json;

    public KafkaFeed(@Channel("khulasa-requests-out") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<byte[]> requests,
            @Channel("khulasa-results-out") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<byte[]> results,
            @Channel("khulasa-dead-letter-out") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<byte[]> deadLetters,
            ObjectMapper json) {
        this.requests = requests;
        this.results = results;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    /** One article of a job to the request topic, keyed by job and article id (so a job spreads over partitions). */
    public CompletionStage<Void> request(String jobId, String articleId, byte[] value, String requestId) {
        RecordHeaders headers = new RecordHeaders();
        FeedHeaders.put(headers, FeedHeaders.JOB_ID, jobId);
        FeedHeaders.put(headers, FeedHeaders.REQUEST_ID, requestId);
        return send(requests, jobId + "/" + articleId, value, headers);
    }

    /** An article's outcome to the result topic, keyed by the article id. */
    public CompletionStage<Void> result(ArticleOutcome outcome, String jobId, String requestId) {
        RecordHeaders headers = new RecordHeaders();
        FeedHeaders.put(headers, FeedHeaders.REQUEST_ID, requestId);
        FeedHeaders.put(headers, FeedHeaders.JOB_ID, jobId);
        FeedHeaders.put(headers, FeedHeaders.MODEL, outcome.model());
        FeedHeaders.put(headers, FeedHeaders.PROMPTS, outcome.prompts());
        return send(results, outcome.articleId(), outcome.json().getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * A message that cannot be read, to the dead-letter topic: {@code {problem, topic, partition, offset, key, value}}
     * ({@code valueBase64} instead of {@code value} when the original is not UTF-8), with the original's headers and
     * {@code khulasa-problem} (the problem's code).
     */
    public CompletionStage<Void> deadLetter(ConsumerRecord<String, byte[]> record, Problem problem) {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("problem", problem);
        letter.put("topic", record.topic());
        letter.put("partition", record.partition());
        letter.put("offset", record.offset());
        letter.put("key", record.key());
        byte[] value = record.value() == null ? new byte[0] : record.value();
        try {
            letter.put("value", StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException notUtf8) {
            letter.put("valueBase64", Base64.getEncoder().encodeToString(value));
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        FeedHeaders.put(headers, FeedHeaders.PROBLEM, problem.getCode());
        try {
            return send(deadLetters, record.key(), json.writeValueAsBytes(letter), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A dead letter is always JSON", e);
        }
    }

    private static CompletionStage<Void> send(Emitter<byte[]> emitter, String key, byte[] value, RecordHeaders headers) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(key)
                .withHeaders(headers).build();
        emitter.send(Message.of(value, Metadata.of(metadata), () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return acked;
    }
}
