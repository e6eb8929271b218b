package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every runnable example of README.md and docs/*.md ({@code ```bash run} blocks, see {@link DocExamples}), run as a
 * reader runs it: bash, from the repository's top folder, against the packaged service and the evaluation jar, with
 * an OpenAI-compatible test LLM on 127.0.0.1 (the benchmark's JDK-only fake, {@code io.khulasa.bench.FakeLlmServer},
 * which answers summaries in Arabic and translations in English). Documents run in order (README first, then docs/ by
 * name), blocks in document order. A missing file, a non-zero exit or an output unlike the one shown fails the test
 * with the document's file and line.
 * <p>
 * The only change made to a block before it runs: the documents' address {@code localhost:8080} becomes the test
 * service's free port, so the test never collides with a service a developer has running.
 */
class DocsExamplesIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of(System.getProperty("khulasa.repo.root", "..")).toAbsolutePath().normalize();
    static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(3);
    /** The API key the {@code service=keys} examples are run with (the documents read it from the environment). */
    static final String EXAMPLE_KEY = "docs-example-key-0123456789abcdef";

    static Process fakeLlm;
    static String fakeUrl;
    static final Map<String, PackagedService> services = new LinkedHashMap<>();
    static Path work;

    @BeforeAll
    static void startFakeLlm() throws Exception {
        work = Files.createTempDirectory("khulasa-docs-examples");
        Path testClasses = ROOT.resolve("target/test-classes");
        assertThat(testClasses.resolve("io/khulasa/bench/FakeLlmServer.class"))
                .as("the test LLM is the root project's io.khulasa.bench.FakeLlmServer: build the root project first"
                        + " (./mvnw -B verify)")
                .isRegularFile();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx64m", "-cp", testClasses.toString(),
                "io.khulasa.bench.FakeLlmServer", "--port", String.valueOf(port), "--output-tokens", "48")
                .redirectErrorStream(true).redirectOutput(work.resolve("fake-llm.log").toFile());
        fakeLlm = builder.start();
        fakeUrl = "http://127.0.0.1:" + port + "/v1";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the test LLM did not listen: " + Files.readString(work.resolve("fake-llm.log")));
    }

    @AfterAll
    static void stop() throws Exception {
        for (PackagedService service : services.values()) {
            service.close();
        }
        if (fakeLlm != null) {
            fakeLlm.destroy();
            fakeLlm.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** README.md first (a newcomer starts there), then every page under docs/ by path. */
    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted(Comparator.comparing(Path::toString))
                    .forEach(documents::add);
        }
        return documents;
    }

    @Test
    void everyRunnableExampleRunsAsWritten() throws Exception {
        long start = System.nanoTime();
        int blocks = 0;
        int compared = 0;
        List<String> failures = new ArrayList<>();
        for (Path document : documents()) {
            for (DocExamples.Example example : DocExamples.read(document).examples()) {
                blocks++;
                compared += example.lineChecks().size() + (example.expected() == null ? 0 : 1);
                try {
                    run(example);
                } catch (AssertionError | RuntimeException e) {
                    failures.add(ROOT.relativize(example.file()) + ":" + example.line() + ": " + e.getMessage());
                }
            }
        }
        System.out.printf("Docs examples: %d runnable blocks run, %d outputs compared, %d failed, in %d s%n", blocks,
                compared, failures.size(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
        assertThat(blocks).as("runnable blocks in README.md and docs/").isGreaterThan(0);
        assertThat(failures).as("examples that did not run as written").isEmpty();
    }

    private void run(DocExamples.Example example) throws Exception {
        PackagedService service = service(example.service());
        String port = service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1);
        Path checks = Files.createTempDirectory(work, "checks");
        String script = "set -eo pipefail\n" + DocScript.withChecks(example, checks)
                .replace("localhost:8080", "localhost:" + port).replace("127.0.0.1:8080", "127.0.0.1:" + port);
        Path scriptFile = checks.resolve("block.sh");
        Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
        Path stdout = checks.resolve("stdout");
        Path stderr = checks.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder("bash", scriptFile.toString()).directory(ROOT.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KHULASA_") || name.startsWith("QUARKUS_"));
        if (example.service().equals("keys")) {
            env.put("KHULASA_SECURITY_API_KEYS", EXAMPLE_KEY);
        }
        env.put("PATH", Path.of(javaBin()).getParent() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        if (!process.waitFor(BLOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish within " + BLOCK_TIMEOUT);
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        if (process.exitValue() != example.exitCode()) {
            throw new AssertionError("exit " + process.exitValue() + " (expected " + example.exitCode() + ")\nstderr: "
                    + tail(err) + "\nstdout: " + tail(out));
        }
        for (DocExamples.LineCheck check : example.lineChecks()) {
            Path actual = checks.resolve("line-" + check.line() + ".out");
            if (!Files.exists(actual)) {
                throw new AssertionError("line " + check.line() + " never ran: " + check.command());
            }
            String problem = OutputMatch.mismatch(check.expected(), Files.readString(actual, StandardCharsets.UTF_8),
                    List.of());
            if (problem != null) {
                throw new AssertionError("line " + check.line() + " (" + check.command() + "): " + problem);
            }
        }
        if (example.expected() != null) {
            String problem = OutputMatch.mismatch(example.expected().json(), out, example.expected().vary());
            if (problem != null) {
                throw new AssertionError("output shown at line " + example.expected().line() + ": " + problem);
            }
        }
    }

    private static PackagedService service(String name) throws Exception {
        PackagedService running = services.get(name);
        if (running != null) {
            return running;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.langchain4j.openai.base-url", fakeUrl);
        properties.put("quarkus.langchain4j.openai.chat-model.model-name", "qwen2.5:7b-instruct");
        switch (name) {
            case "default" -> {
            }
            case "keys" -> properties.put("khulasa.security.api-keys", EXAMPLE_KEY);
            default -> throw new AssertionError("unknown service=" + name + " (known: default, keys)");
        }
        PackagedService service = PackagedService.start(PackagedService.jarFromBuild(), properties,
                work.resolve("service-" + name + ".log"));
        services.put(name, service);
        return service;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : "…" + s.substring(s.length() - 2000);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }
}
