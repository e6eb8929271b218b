package io.khulasa.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real single-node Kafka broker (KRaft) for the Kafka tests: the one {@code scripts/kafka-local.sh start} runs (CI
 * starts it before the build; here it is started if it is not running, and left running for the next test class:
 * {@code scripts/kafka-local.sh stop} ends it). A broker that cannot start fails the tests; they are never skipped.
 */
public class LocalKafka implements QuarkusTestResourceLifecycleManager {

    private static volatile String bootstrap;

    /** The running broker's bootstrap address, starting it if needed. */
    public static synchronized String bootstrap() {
        if (bootstrap == null) {
            bootstrap = start(Path.of("scripts/kafka-local.sh").toAbsolutePath());
        }
        return bootstrap;
    }

    private static String start(Path script) {
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "start").redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("scripts/kafka-local.sh start failed (exit " + p.exitValue() + ")");
            }
            String[] lines = out.split("\n");
            return lines[lines.length - 1].strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run scripts/kafka-local.sh: the Kafka tests need a broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("khulasa.kafka.enabled", "true", "kafka.bootstrap.servers", bootstrap());
    }

    @Override
    public void stop() {
        // left running for the next test class; CI stops it
    }
}
