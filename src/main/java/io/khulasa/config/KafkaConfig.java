package io.khulasa.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Kafka as the work queue of jobs and as a feed ({@code khulasa.kafka.*}). Off by default: nothing connects to a broker
 * unless {@code khulasa.kafka.enabled=true} (env {@code KHULASA_KAFKA_ENABLED}); the broker is
 * {@code kafka.bootstrap.servers} (env {@code KAFKA_BOOTSTRAP_SERVERS}).
 */
@ConfigMapping(prefix = "khulasa.kafka")
public interface KafkaConfig {

    /** Topic of article requests: job articles and a newsroom's own requests (also the consumer's channel name). */
    String REQUESTS = "khulasa-requests";
    /** Topic of results, keyed by article id. */
    String RESULTS = "khulasa-results";
    /** Topic of messages that cannot be read (with their problem). */
    String DEAD_LETTER = "khulasa-dead-letter";

    /** Name of the request topic (default {@value #REQUESTS}). */
    @WithDefault(REQUESTS)
    String requestsTopic();

    /** Name of the result topic (default {@value #RESULTS}). */
    @WithDefault(RESULTS)
    String resultsTopic();

    /** Name of the dead-letter topic (default {@value #DEAD_LETTER}). */
    @WithDefault(DEAD_LETTER)
    String deadLetterTopic();

    /** Whether jobs go through Kafka and the request topic is consumed. */
    @WithDefault("false")
    boolean enabled();

    /**
     * Largest message, in bytes: producers' {@code max.request.size}, consumers' fetch sizes and the topics'
     * {@code max.message.bytes}; the broker's {@code message.max.bytes} must allow it too.
     */
    @WithDefault("16777216")
    int maxMessageBytes();

    /** Whether khulasa creates its three topics when they do not exist. */
    @WithDefault("true")
    boolean createTopics();

    /** Partitions of a created topic: the most replicas that can consume the request topic at once. */
    @WithDefault("12")
    int partitions();

    /** Replication factor of a created topic; -1 = the broker's default. */
    @WithDefault("-1")
    short replicationFactor();
}
