package io.khulasa.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jobs through Kafka with several khulasa instances on this machine (packaged jar, real broker, real Redis, the fake
 * LLM), for the failover drill and the throughput figure. JDK only, so {@code bench/kafka-*.sh} run it with
 * {@code java -cp target/test-classes} and {@code KafkaFailoverIT} calls it in-process.
 * <ul>
 * <li>{@code failover}: two instances, {@code --articles} (200) submitted as jobs of 50 to both, the first instance
 * killed with SIGKILL once the harness sees at least {@code --kill-at} (30 %) of the articles finished (a status poll
 * over every job, so the kill lands later; {@code finishedAtKill} records the count it saw); then every job is followed on the
 * survivor until no article is pending. Prints {@code {"articles", "completed", "lost", "llmCallsSpentTwice", ...}}.
 * <li>{@code throughput}: {@code --instances} instances, a warm-up job, then {@code --articles} articles as jobs; prints
 * articles per second from the first submission to the last result.
 * </ul>
 * Every run uses its own topics (and the consumer group on them), so runs and tests never see each other's records.
 */
public final class KafkaExperiment {

    private static final Pattern PENDING = Pattern.compile("\"pending\"\\s*:\\s*(\\d+)");
    private static final Pattern SUCCEEDED = Pattern.compile("\"succeeded\"\\s*:\\s*(\\d+)");
    private static final Pattern FAILED = Pattern.compile("\"failed\"\\s*:\\s*(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ARTICLE = "قال المتحدث باسم الحكومة إن المحادثات بين الطرفين تناولت آخر التطورات في المنطقة "
            + "وسبل التعاون الاقتصادي، وأضاف أن الجولة المقبلة ستعقد في العاصمة خلال الأسابيع القادمة.\n"
            + "وأوضح أن الوفدين اتفقا على تشكيل لجنة مشتركة لمتابعة تنفيذ ما تم الاتفاق عليه.";

    /** Where the instances find everything. */
    public record Setup(Path jar, String bootstrap, String redis, String llmBaseUrl, Path logDir, int concurrency,
            List<String> javaOptions) {
    }

    /** The failover figure. */
    public record Failover(int articles, int completed, int lost, long llmCallsSpentTwice, long llmCalls,
            int finishedAtKill, double seconds) {
        public String json() {
            return String.format(Locale.ROOT, "{\"articles\": %d, \"completed\": %d, \"lost\": %d, \"llmCallsSpentTwice\": %d, "
                    + "\"llmCalls\": %d, \"finishedAtKill\": %d, \"seconds\": %.1f}", articles, completed, lost,
                    llmCallsSpentTwice, llmCalls, finishedAtKill, seconds);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Setup setup;
    private final String topicPrefix = "exp-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> instances = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();

    public KafkaExperiment(Setup setup) {
        this.setup = setup;
    }

    /** This run's request topic (the instances read it; a newsroom's own requests go there). */
    public String requestsTopic() {
        return topicPrefix + "-requests";
    }

    /** This run's result topic. */
    public String resultsTopic() {
        return topicPrefix + "-results";
    }

    /** Instance {@code i}'s base URL. */
    public String url(int i) {
        return urls.get(i);
    }

    /** Starts an instance on a free port and waits until it is ready; returns its index. */
    public int startInstance() throws IOException, InterruptedException {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(setup.javaOptions());
        command.addAll(List.of("-jar", setup.jar().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL", setup.llmBaseUrl());
        env.put("QUARKUS_LANGCHAIN4J_OPENAI_API_KEY", "bench");
        env.put("QUARKUS_LANGCHAIN4J_OPENAI_CHAT_MODEL_MODEL_NAME", "fake-llm");
        env.put("KHULASA_KAFKA_ENABLED", "true");
        env.put("KAFKA_BOOTSTRAP_SERVERS", setup.bootstrap());
        env.put("KHULASA_CACHE_REDIS", setup.redis());
        env.put("KHULASA_KAFKA_REQUESTS_TOPIC", topicPrefix + "-requests");
        env.put("KHULASA_KAFKA_RESULTS_TOPIC", topicPrefix + "-results");
        env.put("KHULASA_KAFKA_DEAD_LETTER_TOPIC", topicPrefix + "-dead-letter");
        env.put("MP_MESSAGING_INCOMING_KHULASA_REQUESTS_GROUP_ID", topicPrefix);
        // The per-instance LLM capacity: this many articles and LLM calls in flight at once.
        env.put("KHULASA_JOBS_CONCURRENCY", Integer.toString(setup.concurrency()));
        env.put("KHULASA_LLM_MAX_IN_FLIGHT", Integer.toString(setup.concurrency()));
        Files.createDirectories(setup.logDir());
        File log = setup.logDir().resolve("khulasa-" + instances.size() + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(log);
        Process p = pb.start();
        instances.add(p);
        String url = "http://127.0.0.1:" + port;
        urls.add(url);
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("instance " + (instances.size() - 1) + " exited; see " + log);
            }
            try {
                if (get(url + "/q/health/ready").statusCode() == 200) {
                    return instances.size() - 1;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("instance not ready after 240 s; see " + log);
    }

    /** Submits {@code articles} articles as summary jobs of {@code perJob}, round-robin over the live instances. */
    public List<Submitted> submit(String label, int articles, int perJob, List<Integer> to) throws Exception {
        List<Submitted> jobs = new ArrayList<>();
        for (int start = 0, n = 0; start < articles; start += perJob, n++) {
            StringBuilder body = new StringBuilder("{\"task\":\"summary\",\"articles\":[");
            int end = Math.min(articles, start + perJob);
            for (int i = start; i < end; i++) {
                body.append(i > start ? "," : "").append("{\"id\":\"").append(label).append('-').append(i)
                        .append("\",\"text\":\"").append(ARTICLE.replace("\n", "\\n")).append("\\nالخبر رقم ").append(i)
                        .append(" من سلسلة ").append(label).append(".\"}");
            }
            body.append("]}");
            String url = urls.get(to.get(n % to.size()));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/jobs"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("job refused: " + r.statusCode() + " " + r.body());
            }
            Matcher id = ID.matcher(r.body());
            id.find();
            jobs.add(new Submitted(id.group(1), end - start));
        }
        return jobs;
    }

    /** A submitted job. */
    public record Submitted(String id, int articles) {
    }

    /** Finished articles (result or problem) over the jobs, read from instance {@code via}; -1 when it cannot answer. */
    public int finished(List<Submitted> jobs, int via) throws InterruptedException {
        int finished = 0;
        for (Submitted job : jobs) {
            try {
                HttpResponse<String> r = get(urls.get(via) + "/v1/jobs/" + job.id());
                if (r.statusCode() != 200) {
                    return -1;
                }
                finished += count(SUCCEEDED, r.body()) + count(FAILED, r.body());
            } catch (IOException e) {
                return -1;
            }
        }
        return finished;
    }

    /** Waits until every article of the jobs is finished (or the timeout); returns how many are finished. */
    public int awaitFinished(List<Submitted> jobs, int via, Duration timeout) throws InterruptedException {
        int total = jobs.stream().mapToInt(Submitted::articles).sum();
        long deadline = System.nanoTime() + timeout.toNanos();
        int finished = 0;
        while (System.nanoTime() < deadline) {
            finished = Math.max(finished, finished(jobs, via));
            if (finished >= total) {
                return finished;
            }
            Thread.sleep(50);
        }
        return finished;
    }

    /** SIGKILL (no shutdown hook, no offset commit, no goodbye to the group). */
    public void kill(int instance) throws InterruptedException {
        instances.get(instance).destroyForcibly().waitFor();
    }

    /** The failover drill. */
    public Failover failover(int articles, double killAt, LongSupplier llmCalls) throws Exception {
        startInstance();
        startInstance();
        // A few articles of their own first, as the throughput run does: the second instance joins the consumer group
        // after the first has taken every partition, and the rebalance that hands it half of them re-delivers the
        // first one's records in hand (their calls spent twice, 4 at most). That is start-up, not failover: the
        // measured run starts once the group has settled, and counts the calls of its own articles only.
        awaitFinished(submit("failover-warmup", 8, 4, List.of(0, 1)), 1, Duration.ofMinutes(2));
        long callsBefore = llmCalls.getAsLong();
        long start = System.nanoTime();
        List<Submitted> jobs = submit("failover", articles, 50, List.of(0, 1));
        int threshold = (int) Math.ceil(articles * killAt);
        int atKill;
        while ((atKill = finished(jobs, 1)) < threshold) {
            Thread.sleep(20);
        }
        kill(0);
        int completed = awaitFinished(jobs, 1, Duration.ofMinutes(4));
        double seconds = (System.nanoTime() - start) / 1e9;
        long calls = llmCalls.getAsLong() - callsBefore;
        // One summary article is one LLM call: every call beyond one per article was spent again on a redelivery.
        return new Failover(articles, completed, articles - completed, Math.max(0, calls - completed), calls, atKill,
                seconds);
    }

    /** Articles per second with {@code count} instances (after a warm-up job), from first submission to last result. */
    public double throughput(int count, int articles) throws Exception {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(startInstance());
        }
        // Articles of their own per run: the instances share the Redis result cache, and the second run's articles
        // must not be answered from the first run's results (that measured cache hits: 90 articles/s at 8 per second
        // of LLM capacity).
        awaitFinished(submit("warmup-" + count, 16 * count, 8, all), 0, Duration.ofMinutes(2));
        long start = System.nanoTime();
        List<Submitted> jobs = submit("run-" + count, articles, 40, all);
        int finished = awaitFinished(jobs, 0, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (finished < articles) {
            throw new IllegalStateException("only " + finished + " of " + articles + " articles finished");
        }
        return articles / seconds;
    }

    /** Stops every instance still running (by its process, never by name). */
    public void stopAll() throws InterruptedException {
        for (Process p : instances) {
            p.destroy();
        }
        for (Process p : instances) {
            if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** Counts LLM calls. */
    @FunctionalInterface
    public interface LongSupplier {
        long getAsLong() throws Exception;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int count(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * {@code KafkaExperiment failover|throughput --jar J --bootstrap B --redis R --llm URL --llm-stats URL [--articles N]
     * [--instances N] [--concurrency N] [--kill-at 0.3] [--logs DIR]}: prints one JSON line.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Setup setup = new Setup(Path.of(o.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar")), o.get("bootstrap"),
                o.get("redis"), o.get("llm"), Path.of(o.getOrDefault("logs", "target/kafka-experiment")),
                Integer.parseInt(o.getOrDefault("concurrency", "4")),
                List.of("-Xmx256m", "-XX:+UseSerialGC"));
        String stats = o.get("llm-stats");
        LongSupplier calls = () -> {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stats)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"requests\"\\s*:\\s*(\\d+)").matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no request count in " + r.body());
            }
            return Long.parseLong(m.group(1));
        };
        KafkaExperiment e = new KafkaExperiment(setup);
        try {
            switch (args[0]) {
                case "failover" -> System.out.println(e.failover(Integer.parseInt(o.getOrDefault("articles", "200")),
                        Double.parseDouble(o.getOrDefault("kill-at", "0.3")), calls).json());
                case "throughput" -> {
                    int instances = Integer.parseInt(o.getOrDefault("instances", "1"));
                    double perSecond = e.throughput(instances, Integer.parseInt(o.getOrDefault("articles", "240")));
                    System.out.printf(Locale.ROOT, "{\"instances\": %d, \"articlesPerSecond\": %.2f}%n", instances, perSecond);
                }
                default -> throw new IllegalArgumentException("failover or throughput");
            }
        } finally {
            e.stopAll();
        }
    }
}
