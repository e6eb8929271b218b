package io.khulasa.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged khulasa service ({@code target/quarkus-app/quarkus-run.jar} of the root project) started as its own
 * process on a free port, for tests that run the evaluation tool against the real thing. Its console output goes to
 * a log file, which a start-up failure quotes.
 */
final class PackagedService implements AutoCloseable {

    /** The jar's path, as eval/pom.xml passes it (root {@code target/quarkus-app/quarkus-run.jar}). */
    static Path jarFromBuild() {
        return Path.of(System.getProperty("khulasa.service.jar", "../target/quarkus-app/quarkus-run.jar"));
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private PackagedService(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts {@code jar} with {@code properties} as {@code -D} options and waits until {@code /q/health/ready} answers 200.
     *
     * @throws IllegalStateException when the jar is missing (the message says how to build it), the process exits
     *                               early, or it is not ready in time
     */
    static PackagedService start(Path jar, Map<String, String> properties, Path log) throws IOException, InterruptedException {
        requireJar(jar);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only the test's settings: none of the developer's or CI's own khulasa settings (API keys, LLM URL, ...).
        builder.environment().keySet().removeIf(name -> name.startsWith("KHULASA_") || name.startsWith("QUARKUS_"));
        Process process = builder.start();
        PackagedService service = new PackagedService(process, log, "http://127.0.0.1:" + port);
        try {
            service.awaitReady();
            return service;
        } catch (IllegalStateException | InterruptedException e) {
            service.close();
            throw e;
        }
    }

    /** Fails (never skips) when the service has not been built. */
    static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged khulasa service is missing: " + jar.toAbsolutePath().normalize()
                    + ". Build the service first, in the repository root: ./mvnw -B verify (or ./mvnw -B package -DskipTests),"
                    + " then run ./mvnw -B -f eval/pom.xml verify.");
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " before it was ready:\n" + logText());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service was not ready within " + READY_TIMEOUT + ":\n" + logText());
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
