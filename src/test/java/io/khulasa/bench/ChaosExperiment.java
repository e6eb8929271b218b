package io.khulasa.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The chaos drill ({@code bench/chaos.sh}, a shorter one in {@code .ci/run}): two packaged instances on a real KRaft
 * broker, a real Redis with AOF and the fake LLM, all on loopback. Half the articles are submitted as summary jobs,
 * half are written to the request topic as a newsroom would; while they run, the drill stops Redis for
 * {@code --fault-seconds} and starts it again (same port, same AOF file), restarts the Kafka broker, makes the LLM
 * refuse connections for {@code --fault-seconds} (its process stopped, then started again on the same port), and
 * SIGKILLs one instance. Then it waits (bounded) until every article has a result, read from the result topic and,
 * for the jobs, from the job store on the surviving instance.
 * <p>
 * Prints one JSON line last: {@code {"articles", "completed", "lost", "duplicatedResults", "faults", "seconds"}}.
 * {@code duplicatedResults} counts result records beyond the first for one article: the feed is at least once, so an
 * article in flight on the killed instance (or whose offset commit the broker restart lost) may be published twice.
 * Exit status 1 when an article is lost.
 * <p>
 * Needs kafka-clients on the class path (the broker's own jars, {@code scripts/kafka-local.sh}).
 */
public final class ChaosExperiment {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d+)");
    private static final String ARTICLE = "قال المتحدث باسم الحكومة إن المحادثات بين الطرفين تناولت آخر التطورات في المنطقة "
            + "وسبل التعاون الاقتصادي، وأضاف أن الجولة المقبلة ستعقد في العاصمة خلال الأسابيع القادمة.\\n"
            + "وأوضح أن الوفدين اتفقا على تشكيل لجنة مشتركة لمتابعة تنفيذ ما تم الاتفاق عليه.";

    private final Map<String, String> o;
    private final Path work;
    private final List<String> faults = new ArrayList<>();
    private final long started = System.nanoTime();
    private Process redis;
    private Process llm;
    private int redisPort;
    private int llmPort;

    ChaosExperiment(Map<String, String> options) throws IOException {
        this.o = options;
        this.work = Files.createDirectories(Path.of(options.getOrDefault("logs", "target/chaos")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("process exited before listening on " + port);
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listening on " + port + " after " + timeout);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Redis with AOF (appendfsync everysec), as docs/operations.md asks of the job store's Redis. */
    private void startRedis() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("redis"));
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--dir", dir.toAbsolutePath().toString(), "--appendonly", "yes", "--appendfsync", "everysec", "--save", "")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("redis.log").toFile()))
                .start();
        awaitPort(redisPort, redis, Duration.ofSeconds(20));
    }

    private void startLlm() throws IOException, InterruptedException {
        llm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.khulasa.bench.FakeLlmServer",
                "--host", "127.0.0.1", "--port", Integer.toString(llmPort), "--first-token-ms", o.getOrDefault("llm-ms", "2500"),
                "--output-tokens", "24", "--lang", "ar").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("fake-llm.log").toFile())).start();
        awaitPort(llmPort, llm, Duration.ofSeconds(30));
    }

    private static final Pattern DOWN_CHECK = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"");
    private final Set<String> downChecks = ConcurrentHashMap.newKeySet();
    private volatile String watched;

    /** Every 200 ms, the readiness of the watched instance: the names of the checks seen DOWN since the last fault. */
    private void watchReadiness(AtomicBoolean running) {
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        while (running.get()) {
            String url = watched;
            if (url != null) {
                try {
                    var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        Matcher m = DOWN_CHECK.matcher(r.body());
                        while (m.find()) {
                            downChecks.add(m.group(1));
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the watched instance itself is unreachable: not a check
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Seconds until the watched instance is ready again (200), at most 60. */
    private double secondsUntilReady() throws InterruptedException {
        long t = System.nanoTime();
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - t < Duration.ofSeconds(60).toNanos()) {
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(watched + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return (System.nanoTime() - t) / 1e9;
                }
            } catch (IOException e) {
                // not answering yet
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private void fault(String name, long startNanos) throws InterruptedException {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double ready = secondsUntilReady();
        List<String> down = new ArrayList<>(downChecks);
        downChecks.clear();
        java.util.Collections.sort(down);
        faults.add(String.format(Locale.ROOT, "{\"fault\": \"%s\", \"at\": %.1f, \"seconds\": %.1f, \"readyDown\": [%s], "
                + "\"readyAgainAfter\": %.1f}", name, (startNanos - started) / 1e9, seconds,
                down.stream().map(d -> "\"" + d + "\"").collect(java.util.stream.Collectors.joining(", ")), ready));
        System.err.printf(Locale.ROOT, "[chaos] %s done at %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    int run() throws Exception {
        int articles = Integer.parseInt(o.getOrDefault("articles", "200"));
        int faultSeconds = Integer.parseInt(o.getOrDefault("fault-seconds", "10"));
        String bootstrap = o.get("bootstrap");
        redisPort = freePort();
        llmPort = freePort();
        startRedis();
        startLlm();
        KafkaExperiment cluster = new KafkaExperiment(new KafkaExperiment.Setup(Path.of(o.get("jar")), bootstrap,
                "redis://127.0.0.1:" + redisPort, "http://127.0.0.1:" + llmPort + "/v1", work,
                Integer.parseInt(o.getOrDefault("concurrency", "4")), List.of("-Xmx256m", "-XX:+UseSerialGC")));
        Map<String, Integer> results = Map.of();
        AtomicBoolean reading = new AtomicBoolean(true);
        try {
            cluster.startInstance();
            cluster.startInstance();
            // Readiness is watched on the instance that survives.
            watched = cluster.url(1);
            Thread.ofPlatform().daemon().start(() -> watchReadiness(reading));

            int asJobs = articles / 2;
            int fed = articles - asJobs;
            List<KafkaExperiment.Submitted> jobs = cluster.submit("chaos", asJobs, Math.max(1, asJobs / 4), List.of(0, 1));
            Set<String> feedIds = feed(bootstrap, cluster.requestsTopic(), fed);

            // The faults, one after the other, while the articles run.
            Thread.sleep(2000);
            long t = System.nanoTime();
            stop(redis);
            Thread.sleep(faultSeconds * 1000L);
            startRedis();
            fault("redis-stopped", t);

            t = System.nanoTime();
            Process restart = new ProcessBuilder(o.get("kafka-script"), "restart").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("kafka-restart.log").toFile())).start();
            if (!restart.waitFor(120, TimeUnit.SECONDS) || restart.exitValue() != 0) {
                throw new IllegalStateException("the broker did not restart; see " + work.resolve("kafka-restart.log"));
            }
            fault("kafka-broker-restarted", t);

            t = System.nanoTime();
            stop(llm);
            Thread.sleep(faultSeconds * 1000L);
            startLlm();
            fault("llm-refused-connections", t);

            t = System.nanoTime();
            cluster.kill(0);
            fault("instance-sigkilled", t);

            // Every article followed on the survivor until it has a result (bounded).
            long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout", "300"))).toNanos();
            long lastRead = 0;
            int jobsFinished = 0;
            int feedDone = 0;
            while (System.nanoTime() < deadline) {
                jobsFinished = Math.max(jobsFinished, cluster.finished(jobs, 1));
                if (System.nanoTime() - lastRead > 3_000_000_000L) {
                    results = readResults(bootstrap, cluster.resultsTopic());
                    lastRead = System.nanoTime();
                }
                final Map<String, Integer> seen = results;
                feedDone = (int) feedIds.stream().filter(seen::containsKey).count();
                if (jobsFinished >= asJobs && feedDone >= fed) {
                    break;
                }
                Thread.sleep(250);
            }
            Thread.sleep(2000); // late duplicates still on their way to the result topic are counted too
            results = readResults(bootstrap, cluster.resultsTopic());
            int duplicated = results.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
            int duplicatedJobs = results.entrySet().stream().filter(e -> e.getKey().startsWith("chaos-"))
                    .mapToInt(e -> Math.max(0, e.getValue() - 1)).sum();
            int completed = jobsFinished + feedDone;
            int lost = articles - completed;
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "{\"articles\": %d, \"completed\": %d, \"lost\": %d, \"duplicatedResults\": %d, "
                    + "\"duplicatedJobResults\": %d, \"failedFeedArticles\": %d, \"faults\": [%s], \"seconds\": %.1f}%n", articles, completed, lost,
                    duplicated, duplicatedJobs, failedFeed(), String.join(", ", faults), seconds);
            return lost == 0 ? 0 : 1;
        } finally {
            reading.set(false);
            cluster.stopAll();
            stop(llm);
            stop(redis);
        }
    }

    private final Map<String, Boolean> feedFailures = new ConcurrentHashMap<>();

    private int failedFeed() {
        return (int) feedFailures.entrySet().stream().filter(Map.Entry::getValue).count();
    }

    /** A newsroom's own requests: {@code {"id", "task", "text"}} on the request topic, acks=all, idempotent. */
    private static Set<String> feed(String bootstrap, String topic, int count) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Set<String> ids = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                String id = "feed-" + i;
                ids.add(id);
                String value = "{\"id\":\"" + id + "\",\"task\":\"summary\",\"text\":\"" + ARTICLE + "\\nالخبر رقم " + i
                        + " من البرقية.\"}";
                producer.send(new ProducerRecord<>(topic, id, value));
            }
            producer.flush();
        }
        return ids;
    }

    /**
     * Every result record of this run, counted per article id: the whole topic read again from its beginning to its
     * current end (a few hundred records), so a broker restart can never make the count miss one.
     */
    private Map<String, Integer> readResults(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> counts = new java.util.HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .stream().map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(10)) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    Matcher id = ID.matcher(r.value() == null ? "" : r.value());
                    if (id.find()) {
                        counts.merge(id.group(1), 1, Integer::sum);
                        Matcher status = STATUS.matcher(r.value());
                        if (id.group(1).startsWith("feed-") && status.find()) {
                            feedFailures.put(id.group(1), !status.group(1).equals("200"));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            System.err.println("[chaos] results not read this time: " + e);
            return Map.of();
        }
        return counts;
    }

    /**
     * {@code ChaosExperiment --jar J --bootstrap B --kafka-script scripts/kafka-local.sh [--articles 200]
     * [--fault-seconds 10] [--llm-ms 2500] [--concurrency 4] [--timeout 300] [--logs DIR]}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new ChaosExperiment(o).run());
    }

    static {
        // Kafka client logging on stderr only for errors (slf4j-simple, from the broker's jars): a broker restart is expected.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }
}
