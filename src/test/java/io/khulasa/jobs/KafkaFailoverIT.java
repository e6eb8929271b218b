package io.khulasa.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.khulasa.bench.FakeLlmServer;
import io.khulasa.bench.KafkaExperiment;
import io.khulasa.testing.LocalKafka;
import io.khulasa.testing.LocalRedis;

/**
 * The failover drill against the packaged jar: two instances, a real broker and Redis, 200 articles as jobs, one
 * instance killed with SIGKILL after 30 % are finished. Every article ends with a result or a problem; LLM calls spent
 * again on redelivered articles are counted (bounded by what both instances had in flight at the rebalance). Same
 * experiment as
 * {@code bench/kafka-failover.sh}.
 */
class KafkaFailoverIT {

    @Test
    void aReplicaKilledMidwayLosesNoArticle() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).exists();
        LocalRedis redis = new LocalRedis();
        String redisUrl = redis.start().get("khulasa.cache.redis");
        FakeLlmServer.Options options = FakeLlmServer.Options.parse(new String[] { "--port", "0", "--first-token-ms", "150",
                "--output-tokens", "24", "--lang", "ar" });
        try (FakeLlmServer llm = FakeLlmServer.start(options)) {
            KafkaExperiment experiment = new KafkaExperiment(new KafkaExperiment.Setup(jar, LocalKafka.bootstrap(), redisUrl,
                    llm.baseUrl(), Files.createDirectories(Path.of("target/kafka-failover-it")), 4,
                    List.of("-Xmx256m", "-XX:+UseSerialGC")));
            try {
                KafkaExperiment.Failover result = experiment.failover(200, 0.3, llm::requests);
                System.out.println("kafka failover: " + result.json());
                assertThat(result.lost()).isZero();
                assertThat(result.completed()).isEqualTo(200);
                assertThat(result.finishedAtKill()).isBetween(60, 199);
                // At least once: the dead instance's articles in flight (at most its concurrency, 4) are delivered
                // again, and so may be the survivor's own (4 more): the rebalance after the kill revokes its partitions
                // too, and records whose offsets were not committed yet come back while their first run goes on (a
                // claim of a running article is granted again, so that a dead replica's article is never stuck).
                // Seen: 2 to 5 of 200.
                assertThat(result.llmCallsSpentTwice()).isBetween(0L, 8L);
            } finally {
                experiment.stopAll();
            }
        } finally {
            redis.stop();
        }
    }
}
