package io.khulasa.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake OpenAI-compatible chat-completions server for benchmarks and fault drills: no model, only
 * configurable latency, output rate, output length and faults.
 *
 * <p>JDK only (no Jackson, no WireMock) so that it runs as {@code java -cp target/test-classes
 * io.khulasa.bench.FakeLlmServer --port 18080} without the test classpath, and so that its own cost
 * stays small next to the service being measured. Each request runs on its own virtual thread, so
 * thousands of slow (sleeping) requests cost almost nothing.
 *
 * <p>Endpoints: {@code POST /v1/chat/completions} (streaming and non-streaming), {@code GET /v1/models},
 * {@code GET /stats} (request counters as JSON, to see how many LLM calls the service made),
 * {@code GET /last-request} (the body of the last chat request, as received: what the service really sent),
 * {@code POST /config?first-token-ms=N&tokens-per-second=X} (changes the timing of later requests, e.g. a fast
 * JIT warm-up of the service before a measurement at the real latency; answers the timing now in force).
 *
 * <p>Timing model: token {@code i} (0-based) is ready at {@code first-token-ms + i * 1000 / tokens-per-second}
 * after the request arrived; a non-streaming answer is sent when the last token is ready.
 * {@code --tokens-per-second 0} means "no pacing".
 *
 * <p>Options, as {@code --name value} arguments or system properties {@code fakellm.name}:
 * {@code host} (127.0.0.1), {@code port} (18080; 0 = any free port), {@code first-token-ms} (0),
 * {@code tokens-per-second} (0), {@code output-tokens} (64), {@code lang} (auto|ar|en),
 * {@code fault-rate} (0.0), {@code fault} (none|500|429|hang|malformed|length),
 * {@code retry-after} (seconds for 429, 1), {@code hang-ms} (how long a hang lasts, 300000),
 * {@code backlog} (4096), {@code model} (fake-llm), {@code slots} (0 = unlimited), {@code kv-tokens} (0 = unlimited).
 *
 * <p>The two capacity limits model llama-server's, which are different things:
 * <ul>
 * <li>{@code --slots N} is its {@code --parallel N}: at most N requests are processed at once; a request beyond them
 * waits in the server's queue for a slot (it is not refused). {@code /stats} counts the requests that waited
 * ({@code queued}) and the longest queue ({@code maxQueued}).</li>
 * <li>{@code --kv-tokens K} is the KV cache the running requests share (llama-server's unified KV cache, {@code -c}):
 * each running request holds its prompt tokens (characters / 4) and one more per token generated. When a request
 * needs a cell and none is left, llama-server fails the decode and answers every request then running with HTTP 500
 * {@code {"error":{"code":500,"message":"Context size has been exceeded.","type":"server_error"}}} (a streamed one
 * gets it as an error event); their cells are freed. {@code /stats} counts those answers ({@code kvFull}; also
 * {@code slotsFull}, its name in earlier result files).</li>
 * </ul>
 */
public final class FakeLlmServer implements AutoCloseable {

    /** What a faulty request does instead of answering normally. */
    public enum Fault { NONE, HTTP_500, HTTP_429, HANG, MALFORMED, LENGTH;

        static Fault parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "none", "" -> NONE;
                case "500" -> HTTP_500;
                case "429" -> HTTP_429;
                case "hang", "timeout" -> HANG;
                case "malformed", "malformed-json" -> MALFORMED;
                case "length", "finish-length" -> LENGTH;
                default -> throw new IllegalArgumentException("unknown --fault " + s
                        + " (none|500|429|hang|malformed|length)");
            };
        }
    }

    /** Server settings; see the class Javadoc for meanings and defaults. */
    public record Options(String host, int port, long firstTokenMs, double tokensPerSecond, int outputTokens,
                          String lang, double faultRate, Fault fault, int retryAfterSeconds, long hangMs,
                          int backlog, String model, int slots, long kvTokens) {

        private static final List<String> NAMES = List.of("host", "port", "first-token-ms", "tokens-per-second",
                "output-tokens", "lang", "fault-rate", "fault", "retry-after", "hang-ms", "backlog", "model", "slots",
                "kv-tokens");

        /** Without a KV cache limit. */
        public Options(String host, int port, long firstTokenMs, double tokensPerSecond, int outputTokens, String lang,
                double faultRate, Fault fault, int retryAfterSeconds, long hangMs, int backlog, String model, int slots) {
            this(host, port, firstTokenMs, tokensPerSecond, outputTokens, lang, faultRate, fault, retryAfterSeconds,
                    hangMs, backlog, model, slots, 0);
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 18080, 0, 0, 64, "auto", 0.0, Fault.NONE, 1, 300_000, 4096, "fake-llm", 0, 0);
        }

        /** Reads {@code --name value} / {@code --name=value} arguments, falling back to {@code fakellm.name} system properties. */
        public static Options parse(String[] args) {
            Map<String, String> opts = new LinkedHashMap<>();
            for (String key : NAMES) {
                String prop = System.getProperty("fakellm." + key);
                if (prop != null) {
                    opts.put(key, prop);
                }
            }
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    throw new IllegalArgumentException("help");
                }
                if (!a.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + a);
                }
                int eq = a.indexOf('=');
                if (eq > 0) {
                    opts.put(a.substring(2, eq), a.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    opts.put(a.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("missing value for " + a);
                }
            }
            Options d = defaults();
            Options o = new Options(
                    opts.getOrDefault("host", d.host),
                    Integer.parseInt(opts.getOrDefault("port", String.valueOf(d.port))),
                    Long.parseLong(opts.getOrDefault("first-token-ms", String.valueOf(d.firstTokenMs))),
                    Double.parseDouble(opts.getOrDefault("tokens-per-second", String.valueOf(d.tokensPerSecond))),
                    Integer.parseInt(opts.getOrDefault("output-tokens", String.valueOf(d.outputTokens))),
                    opts.getOrDefault("lang", d.lang),
                    Double.parseDouble(opts.getOrDefault("fault-rate", String.valueOf(d.faultRate))),
                    Fault.parse(opts.getOrDefault("fault", "none")),
                    Integer.parseInt(opts.getOrDefault("retry-after", String.valueOf(d.retryAfterSeconds))),
                    Long.parseLong(opts.getOrDefault("hang-ms", String.valueOf(d.hangMs))),
                    Integer.parseInt(opts.getOrDefault("backlog", String.valueOf(d.backlog))),
                    opts.getOrDefault("model", d.model),
                    Integer.parseInt(opts.getOrDefault("slots", String.valueOf(d.slots))),
                    Long.parseLong(opts.getOrDefault("kv-tokens", String.valueOf(d.kvTokens))));
            for (String k : opts.keySet()) {
                if (!NAMES.contains(k)) {
                    throw new IllegalArgumentException("unknown option --" + k);
                }
            }
            if (!List.of("auto", "ar", "en").contains(o.lang)) {
                throw new IllegalArgumentException("--lang must be auto, ar or en");
            }
            if (o.faultRate < 0 || o.faultRate > 1) {
                throw new IllegalArgumentException("--fault-rate must be in [0, 1]");
            }
            return o;
        }

        /** A copy with the given fault applied to the given share of requests. */
        public Options withFault(Fault f, double rate) {
            return new Options(host, port, firstTokenMs, tokensPerSecond, outputTokens, lang, rate, f,
                    retryAfterSeconds, hangMs, backlog, model, slots, kvTokens);
        }
    }

    // Deterministic filler text: a news-like Arabic sentence and its English counterpart.
    private static final String[] ARABIC = ("قال المتحدث باسم الحكومة إن المحادثات بين الطرفين تناولت آخر التطورات "
            + "في المنطقة وسبل تعزيز التعاون الاقتصادي والأمني خلال المرحلة المقبلة .").split(" ");
    private static final String[] ENGLISH = ("The government spokesman said that the talks between the two sides "
            + "covered the latest developments in the region and ways to strengthen economic and security "
            + "cooperation in the coming period .").split(" ");

    static {
        // The JDK server closes keep-alive connections beyond 200 idle ones (read before its first use):
        // with thousands of clients that would turn into reconnects, i.e. benchmark noise.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        }
        // It also closes connections idle for 30 s: a benchmark that pauses one side for a while would then count
        // reconnects that a real LLM endpoint (minutes of keep-alive) would not cause.
        if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
            System.setProperty("sun.net.httpserver.idleInterval", "600");
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requestCounter = new AtomicLong();
    private final AtomicLong completions = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong kvFull = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger maxQueued = new AtomicInteger();
    /** llama-server's parallel slots; null when unlimited. Fair: the queue is served in arrival order. */
    private final java.util.concurrent.Semaphore slots;
    /** The KV cache the running requests share; null when unlimited. */
    private final Kv kv;
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong idCounter = new AtomicLong();
    /** The timing in force: starts as the options', {@code POST /config} changes it. */
    private volatile long firstTokenMs;
    private volatile double tokensPerSecond;
    private volatile String lastRequest = "null";

    private FakeLlmServer(Options options) throws IOException {
        this.options = options;
        this.firstTokenMs = options.firstTokenMs;
        this.tokensPerSecond = options.tokensPerSecond;
        this.slots = options.slots > 0 ? new java.util.concurrent.Semaphore(options.slots, true) : null;
        this.kv = options.kvTokens > 0 ? new Kv(options.kvTokens) : null;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.host), options.port),
                options.backlog);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a server; {@code port 0} picks a free port, see {@link #port()}. */
    public static FakeLlmServer start(Options options) throws IOException {
        FakeLlmServer s = new FakeLlmServer(options);
        s.server.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + options.host + ":" + port() + "/v1";
    }

    /** Chat completion requests received so far (including faulted ones). */
    public long requests() {
        return requestCounter.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // interrupts hanging and pacing sleeps
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println((e.getMessage().equals("help") ? "" : e.getMessage() + "\n")
                    + "usage: FakeLlmServer [--host 127.0.0.1] [--port 18080] [--first-token-ms 0]"
                    + " [--tokens-per-second 0] [--output-tokens 64] [--lang auto|ar|en] [--fault-rate 0.0]"
                    + " [--fault none|500|429|hang|malformed|length] [--retry-after 1] [--hang-ms 300000]"
                    + " [--backlog 4096] [--model fake-llm] [--slots 0] [--kv-tokens 0]");
            System.exit(2);
            return;
        }
        FakeLlmServer s = start(o);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        // One line that scripts wait for (bench/lib.sh greps "ready on").
        System.out.printf(Locale.ROOT, "FakeLlmServer ready on %s (first-token-ms=%d tokens-per-second=%s output-tokens=%d"
                        + " lang=%s fault=%s fault-rate=%s)%n", s.baseUrl(), o.firstTokenMs, o.tokensPerSecond,
                o.outputTokens, o.lang, o.fault.name().toLowerCase(Locale.ROOT), o.faultRate);
        System.out.flush();
        Thread.currentThread().join();
    }

    // ---------------------------------------------------------------- request handling

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("POST") && path.endsWith("/chat/completions")) {
                // llama-server with every slot taken queues the request until a slot is free.
                if (slots != null && !slots.tryAcquire()) {
                    queued.incrementAndGet();
                    maxQueued.accumulateAndGet(waiting.incrementAndGet(), Math::max);
                    try {
                        slots.acquire();
                    } finally {
                        waiting.decrementAndGet();
                    }
                }
                int now = inFlight.incrementAndGet();
                try {
                    maxInFlight.accumulateAndGet(now, Math::max);
                    chatCompletion(ex);
                } finally {
                    inFlight.decrementAndGet();
                    if (slots != null) {
                        slots.release();
                    }
                }
            } else if (method.equals("GET") && path.endsWith("/models")) {
                sendJson(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":" + quote(options.model)
                        + ",\"object\":\"model\",\"created\":0,\"owned_by\":\"khulasa-bench\"}]}");
            } else if (method.equals("GET") && path.equals("/last-request")) {
                sendJson(ex, 200, lastRequest);
            } else if (method.equals("POST") && path.equals("/config")) {
                try {
                    configure(ex.getRequestURI().getRawQuery());
                } catch (NumberFormatException e) {
                    sendJson(ex, 400, error("bad number: " + e.getMessage(), "invalid_request_error", null));
                    return;
                }
                sendJson(ex, 200, "{\"firstTokenMs\":" + firstTokenMs + ",\"tokensPerSecond\":" + tokensPerSecond + "}");
            } else if (method.equals("GET") && path.equals("/stats")) {
                sendJson(ex, 200, "{\"requests\":" + requestCounter.get() + ",\"completions\":" + completions.get()
                        + ",\"faults\":" + faults.get() + ",\"inFlight\":" + inFlight.get()
                        + ",\"maxInFlight\":" + maxInFlight.get() + ",\"queued\":" + queued.get()
                        + ",\"maxQueued\":" + maxQueued.get() + ",\"kvFull\":" + kvFull.get()
                        + ",\"slotsFull\":" + kvFull.get() + "}");
            } else {
                sendJson(ex, 404, error("no route for " + method + " " + path, "invalid_request_error", null));
            }
        } catch (IOException e) {
            // The client went away (timeout, cancelled stream): nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // server closing
        }
    }

    private void chatCompletion(HttpExchange ex) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long n = requestCounter.incrementAndGet();
        Object parsed;
        try (InputStream in = ex.getRequestBody()) {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            parsed = new Json(raw).parse();
            lastRequest = raw;
        } catch (IllegalArgumentException e) {
            sendJson(ex, 400, error("invalid JSON body: " + e.getMessage(), "invalid_request_error", null));
            return;
        }
        if (!(parsed instanceof Map<?, ?> body) || !(body.get("messages") instanceof List<?> messages)) {
            sendJson(ex, 400, error("'messages' is required", "invalid_request_error", null));
            return;
        }
        boolean stream = Boolean.TRUE.equals(body.get("stream"));
        boolean includeUsage = body.get("stream_options") instanceof Map<?, ?> so
                && Boolean.TRUE.equals(so.get("include_usage"));
        String model = body.get("model") instanceof String m ? m : options.model;

        // Evenly spread, deterministic faults: request n is faulty when floor(n*rate) steps up.
        Fault fault = Fault.NONE;
        if (options.fault != Fault.NONE
                && Math.floor(n * options.faultRate) > Math.floor((n - 1) * options.faultRate)) {
            fault = options.fault;
            faults.incrementAndGet();
        }

        StringBuilder promptText = new StringBuilder();
        String system = "";
        for (Object o : messages) {
            if (o instanceof Map<?, ?> msg) {
                String content = contentText(msg.get("content"));
                promptText.append(content);
                if ("system".equals(msg.get("role"))) {
                    system += content;
                }
            }
        }
        int promptTokens = Math.max(1, (promptText.length() + 3) / 4); // ~4 chars per token, as in OpenAI's rule of thumb
        String[] words = wordsFor(system);

        int tokens = options.outputTokens;
        String finishReason = "stop";
        Number maxTokens = body.get("max_completion_tokens") instanceof Number a ? a
                : body.get("max_tokens") instanceof Number b ? b : null;
        if (maxTokens != null && maxTokens.intValue() > 0 && maxTokens.intValue() < tokens) {
            tokens = maxTokens.intValue();
            finishReason = "length";
        }

        switch (fault) {
            case HTTP_500 -> {
                sendJson(ex, 500, error("fake upstream failure", "server_error", null));
                return;
            }
            case HTTP_429 -> {
                ex.getResponseHeaders().set("Retry-After", String.valueOf(options.retryAfterSeconds));
                sendJson(ex, 429, error("Rate limit reached (fake)", "requests", "rate_limit_exceeded"));
                return;
            }
            case HANG -> {
                // Never answer; the caller's timeout must fire. Closing without a response drops the connection.
                Thread.sleep(options.hangMs);
                return;
            }
            case MALFORMED -> {
                sleepUntil(start, firstTokenMs);
                if (stream) {
                    sseHeaders(ex);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write("data: {\"id\":\"chatcmpl-broken\",\"choices\":[{\"delta\":{\"content\":\"\n\n"
                                .getBytes(StandardCharsets.UTF_8));
                        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                    }
                } else {
                    sendJson(ex, 200, "{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":");
                }
                return;
            }
            case LENGTH -> finishReason = "length";
            case NONE -> { }
        }

        String id = "chatcmpl-fake-" + idCounter.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        Kv.Lease lease = kv == null ? null : kv.admit(promptTokens);
        try {
            if (lease != null && lease.failed()) {
                contextFull(ex); // the prompt itself found no room
                return;
            }
            if (stream) {
                streamAnswer(ex, start, id, created, model, words, tokens, finishReason, includeUsage, promptTokens, lease);
                return;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < tokens; i++) {
                if (lease != null) {
                    sleepUntil(start, tokenReadyMs(i)); // each token takes a KV cell when it is generated
                    if (!lease.grow()) {
                        contextFull(ex);
                        return;
                    }
                }
                text.append(token(words, i));
            }
            sleepUntil(start, tokenReadyMs(tokens - 1));
            if (lease != null && lease.failed()) {
                contextFull(ex); // another request ran the cache out while this one was finishing
                return;
            }
            sendJson(ex, 200, "{\"id\":" + quote(id) + ",\"object\":\"chat.completion\",\"created\":" + created
                    + ",\"model\":" + quote(model) + ",\"system_fingerprint\":\"fp_fake\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(text.toString()) + "},"
                    + "\"logprobs\":null,\"finish_reason\":" + quote(finishReason) + "}],"
                    + usage(promptTokens, tokens) + "}");
            completions.incrementAndGet();
        } finally {
            if (lease != null) {
                lease.release();
            }
        }
    }

    /** llama-server's answer to every running request when its KV cache has no cell left (HTTP 500). */
    static final String CONTEXT_FULL = "{\"error\":{\"code\":500,\"message\":\"Context size has been exceeded.\","
            + "\"type\":\"server_error\"}}";

    private void contextFull(HttpExchange ex) throws IOException {
        kvFull.incrementAndGet();
        sendJson(ex, 500, CONTEXT_FULL);
    }

    /**
     * The KV cache the running requests share: each holds its prompt's cells and one per generated token. A request
     * that needs a cell when none is left fails the decode, and with it every request then running (each is answered
     * {@link #CONTEXT_FULL}); their cells are freed.
     */
    static final class Kv {
        private final long capacity;
        private long used;
        private final java.util.Set<Lease> running = new java.util.HashSet<>();

        Kv(long capacity) {
            this.capacity = capacity;
        }

        synchronized Lease admit(long promptTokens) {
            Lease lease = new Lease();
            running.add(lease);
            take(lease, promptTokens); // on failure the lease failed with every other running one
            return lease;
        }

        /** Takes cells for the lease, or fails every running lease (this one included) when there are not enough. */
        private boolean take(Lease lease, long cells) {
            if (used + cells > capacity) {
                for (Lease l : running) {
                    l.failed = true;
                    used -= l.held;
                    l.held = 0;
                }
                running.clear();
                return false;
            }
            used += cells;
            lease.held += cells;
            return true;
        }

        synchronized long used() {
            return used;
        }

        /** One running request's cells. */
        final class Lease {
            private long held;
            private boolean failed;

            /** One more cell, for the next generated token; false when the request failed (now or before). */
            boolean grow() {
                synchronized (Kv.this) {
                    return !failed && take(this, 1);
                }
            }

            boolean failed() {
                synchronized (Kv.this) {
                    return failed;
                }
            }

            void release() {
                synchronized (Kv.this) {
                    if (running.remove(this)) {
                        used -= held;
                    }
                    held = 0;
                }
            }
        }
    }

    private void streamAnswer(HttpExchange ex, long start, String id, long created, String model, String[] words,
                              int tokens, String finishReason, boolean includeUsage, int promptTokens, Kv.Lease lease)
            throws IOException, InterruptedException {
        String head = "{\"id\":" + quote(id) + ",\"object\":\"chat.completion.chunk\",\"created\":" + created
                + ",\"model\":" + quote(model) + ",\"system_fingerprint\":\"fp_fake\",\"choices\":[";
        sseHeaders(ex);
        try (OutputStream out = ex.getResponseBody()) {
            // OpenAI sends the role first, in a chunk of its own.
            event(out, head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
            for (int i = 0; i < tokens; i++) {
                sleepUntil(start, tokenReadyMs(i));
                if (lease != null && !lease.grow()) {
                    // The status is sent: llama-server reports the failed decode in the stream, then closes it.
                    kvFull.incrementAndGet();
                    event(out, CONTEXT_FULL);
                    out.flush();
                    return;
                }
                event(out, head + "{\"index\":0,\"delta\":{\"content\":" + quote(token(words, i))
                        + "},\"logprobs\":null,\"finish_reason\":null}]}");
            }
            event(out, head + "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":" + quote(finishReason) + "}]}");
            if (includeUsage) {
                event(out, head + "]," + usage(promptTokens, tokens) + "}");
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        completions.incrementAndGet();
    }

    /** {@code first-token-ms=N&tokens-per-second=X}, either or both. */
    private void configure(String query) {
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            switch (name) {
                case "first-token-ms" -> firstTokenMs = Long.parseLong(value);
                case "tokens-per-second" -> tokensPerSecond = Double.parseDouble(value);
                default -> { }
            }
        }
    }

    private long tokenReadyMs(int i) {
        long first = firstTokenMs;
        double rate = tokensPerSecond;
        if (rate <= 0 || i <= 0) {
            return first;
        }
        return first + Math.round(i * 1000.0 / rate);
    }

    /** Absolute deadlines (not a sleep per token) so that pacing does not drift under load. */
    private static void sleepUntil(long startNanos, long offsetMs) throws InterruptedException {
        long remaining = startNanos + TimeUnit.MILLISECONDS.toNanos(offsetMs) - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    private String[] wordsFor(String system) {
        return switch (options.lang) {
            case "ar" -> ARABIC;
            case "en" -> ENGLISH;
            default -> {
                String s = system.toLowerCase(Locale.ROOT);
                yield s.contains("english") || s.contains("translat") ? ENGLISH : ARABIC;
            }
        };
    }

    private static String token(String[] words, int i) {
        String w = words[i % words.length];
        return i == 0 ? w : " " + w;
    }

    private static String contentText(Object content) {
        if (content instanceof String s) {
            return s;
        }
        // Content parts: [{"type":"text","text":"..."}]
        StringBuilder sb = new StringBuilder();
        if (content instanceof List<?> parts) {
            for (Object p : parts) {
                if (p instanceof Map<?, ?> m && m.get("text") instanceof String t) {
                    sb.append(t);
                }
            }
        }
        return sb.toString();
    }

    private static String usage(int prompt, int completion) {
        return "\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + "}";
    }

    private static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type) + ",\"param\":null,\"code\":"
                + (code == null ? "null" : quote(code)) + "}}";
    }

    private static void sseHeaders(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0); // 0 = chunked: the length is unknown while streaming
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A minimal JSON reader (objects → LinkedHashMap, arrays → ArrayList, numbers → Double/Long). */
    static final class Json {
        private final String s;
        private int pos;

        Json(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            ws();
            if (pos != s.length()) {
                throw fail("trailing characters");
            }
            return v;
        }

        private Object value() {
            ws();
            if (pos >= s.length()) {
                throw fail("unexpected end");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            ws();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                ws();
                if (peek() != '"') {
                    throw fail("expected a key");
                }
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
                char c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw fail("expected , or }");
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            ws();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                char c = next();
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw fail("expected , or ]");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw fail("bad \\u escape");
                            }
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> throw fail("bad escape");
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private Object number() {
            int begin = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String n = s.substring(begin, pos);
            if (n.isEmpty()) {
                throw fail("unexpected character");
            }
            try {
                return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n)
                        : (Object) Long.parseLong(n);
            } catch (NumberFormatException e) {
                throw fail("bad number");
            }
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, pos)) {
                throw fail("unexpected literal");
            }
            pos += word.length();
            return v;
        }

        private void ws() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private char next() {
            if (pos >= s.length()) {
                throw fail("unexpected end");
            }
            return s.charAt(pos++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw fail("expected " + c);
            }
        }

        private IllegalArgumentException fail(String why) {
            return new IllegalArgumentException(why + " at offset " + pos);
        }
    }
}
