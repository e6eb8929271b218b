package io.khulasa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A throw-away {@code redis-server} (Debian package {@code redis-server}) on a free loopback port, no persistence,
 * for the Redis tests (result cache, jobs, rate limits); pointed to by {@code khulasa.cache.redis}. Without the binary
 * the tests fail (never skip): CI ({@code .ci/run}) installs it.
 */
public class LocalRedis implements QuarkusTestResourceLifecycleManager {

    static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static volatile int port;
    private static volatile Process process;

    /** Whether {@code redis-server} is installed here. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The port of the running server. */
    public static int port() {
        return port;
    }

    @Override
    public Map<String, String> start() {
        if (!installed()) {
            throw new IllegalStateException(BINARY + " is not installed (Debian package redis-server): the Redis tests "
                    + "need it; .ci/run installs it");
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of("khulasa.cache.redis", "redis://127.0.0.1:" + port);
    }

    /** Runs {@code redis-cli} against the running server; its output, stripped. */
    public static String cli(String... command) throws IOException, InterruptedException {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("redis-cli", "-p", Integer.toString(port)));
        args.addAll(java.util.List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }

    /**
     * Starts {@code redis-server} on {@link #port()} (again, after {@link #stopServer()}: an outage and its end), and
     * waits until it accepts connections.
     */
    public static synchronized void startServer() {
        try {
            // Its own folder: a test that turns AOF on (CONFIG SET appendonly yes) must not write into the checkout.
            Path dir = Files.createTempDirectory("khulasa-redis-");
            dir.toFile().deleteOnExit();
            process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        throw new IllegalStateException("redis-server did not start on port " + port);
                    }
                    Thread.sleep(50);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops {@code redis-server} (SIGTERM) and waits for it to be gone: Redis down, until {@link #startServer()}. */
    public static synchronized void stopServer() {
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void stop() {
        stopServer();
    }
}
