package io.khulasa.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.khulasa.config.KafkaConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the three topics at start-up when they do not exist ({@code khulasa.kafka.create-topics}), with
 * {@code max.message.bytes} = {@code khulasa.kafka.max-message-bytes} so the largest accepted article fits, and raises
 * that limit on an existing topic whose limit is lower. Runs before the channels connect (so a consumer or producer
 * cannot auto-create a topic with the broker's 1 MiB default first).
 */
@ApplicationScoped
public class KafkaTopics {

    void create(@Observes @Priority(1) StartupEvent start, KafkaConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) throws Exception {
        if (!config.enabled() || !config.createTopics()) {
            return;
        }
        String maxBytes = Integer.toString(config.maxMessageBytes());
        List<String> names = List.of(config.requestsTopic(), config.resultsTopic(), config.deadLetterTopic());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Collection<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    short rf = config.replicationFactor();
                    missing.add(new NewTopic(name, Optional.of(config.partitions()),
                            rf > 0 ? Optional.of(rf) : Optional.empty())
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes)));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                Log.infof("Created Kafka topics %s (%d partitions, max.message.bytes %s)",
                        missing.stream().map(NewTopic::name).toList(), config.partitions(), maxBytes);
            }
            for (String name : names) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
                ConfigEntry limit = maxMessageBytes(admin, topic);
                if (limit == null || Long.parseLong(limit.value()) < config.maxMessageBytes()) {
                    admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes), AlterConfigOp.OpType.SET))))
                            .all().get(30, TimeUnit.SECONDS);
                    Log.infof("Raised max.message.bytes of topic %s to %s", name, maxBytes);
                }
            }
        }
    }

    /**
     * The topic's {@code max.message.bytes}. A topic just created may be unknown to the broker's metadata for a moment
     * (seen on a loaded machine in the chaos drill: the start failed with UnknownTopicOrPartitionException), so that
     * answer is retried for up to 10 s.
     */
    private static ConfigEntry maxMessageBytes(Admin admin, ConfigResource topic) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                        .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) || attempt >= 40) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
