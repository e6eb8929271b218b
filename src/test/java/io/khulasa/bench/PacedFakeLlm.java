package io.khulasa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OpenAI-compatible chat-completions server that writes at a fixed token rate, for the long-article
 * benchmark ({@code bench/long-article.sh}). JDK only, so the script compiles and runs it with plain {@code javac} /
 * {@code java}.
 * <p>
 * The answer's length follows the input, as a translation's does: one output token per {@code chars-per-token}
 * characters of the text between {@code <article>} and {@code </article>} in the user message. Token {@code i} is
 * ready {@code first-token-ms + i * 1000 / tokens-per-second} after the request arrived; a non-streamed answer is sent
 * when its last token is ready, a streamed one ({@code stream: true}) token by token. When the prompt asks for a
 * translated title line, the first token carries {@code "Title\n\n"}. Every request's arrival and end
 * time is kept and served as JSON by {@code GET /stats} ({@code DELETE /stats} clears them).
 * <p>
 * Usage: {@code java -cp target/bench-classes io.khulasa.bench.PacedFakeLlm --port 18090 --tokens-per-second 20
 * --chars-per-token 16 --first-token-ms 200}
 */
public final class PacedFakeLlm {

    private record Timing(int n, long startMs, long endMs, int outputTokens, boolean stream) {
    }

    /** English words without digits: the service's output guards reject numbers the article does not contain. */
    private static final String[] WORDS = ("the minister said that talks on the water projects would continue next "
            + "week while farmers along the river waited for the canal and the dam to be finished").split(" ");

    private static final Pattern ARTICLE = Pattern.compile("<article>(.*?)</article>", Pattern.DOTALL);
    private static final Pattern CONTENT = // possessive: no backtracking stack on long messages
            Pattern.compile("\"content\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

    private final double tokensPerSecond;
    private final int charsPerToken;
    private final long firstTokenMs;
    private final long epoch = System.currentTimeMillis();
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Timing> timings = new ArrayList<>();

    private PacedFakeLlm(double tokensPerSecond, int charsPerToken, long firstTokenMs) {
        this.tokensPerSecond = tokensPerSecond;
        this.charsPerToken = charsPerToken;
        this.firstTokenMs = firstTokenMs;
    }

    public static void main(String[] args) throws IOException {
        int port = 18090;
        double tps = 20;
        int charsPerToken = 16;
        long firstTokenMs = 200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--tokens-per-second" -> tps = Double.parseDouble(args[i + 1]);
                case "--chars-per-token" -> charsPerToken = Integer.parseInt(args[i + 1]);
                case "--first-token-ms" -> firstTokenMs = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PacedFakeLlm fake = new PacedFakeLlm(tps, charsPerToken, firstTokenMs);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", fake::chat);
        server.createContext("/stats", fake::stats);
        server.start();
        System.out.printf(Locale.ROOT, "PacedFakeLlm ready on http://127.0.0.1:%d (tokens-per-second=%s chars-per-token=%d first-token-ms=%d)%n",
                port, tps, charsPerToken, firstTokenMs);
    }

    private void chat(HttpExchange ex) throws IOException {
        long start = System.currentTimeMillis();
        int n = counter.incrementAndGet();
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The system message names the delimiters too: the article is the longest span between them.
        Matcher m = ARTICLE.matcher(body);
        int chars = 0;
        while (m.find()) {
            chars = Math.max(chars, m.group(1).length());
        }
        chars = chars == 0 ? 400 : chars;
        int tokens = Math.max(1, (chars + charsPerToken - 1) / charsPerToken);
        // Prompt tokens as a server reports them: every message, at 2 characters per token, which is more than
        // khulasa's o200k estimate (a real model's tokenizer counts Arabic higher too). Counting less would read as
        // a server that cut the prompt to its context (llm-context-exceeded), which this fake is not.
        int messageChars = 0;
        for (Matcher c = CONTENT.matcher(body); c.find(); ) {
            messageChars += c.group(1).length();
        }
        int promptTokens = Math.max(1, (messageChars + 1) / 2);
        boolean stream = STREAM.matcher(body).find();
        // Like a real model, answer a title line first when the prompt asks for one (translate, or the first chunk
        // of translate-chunk), so that a streamed translation's body starts after it.
        boolean titleLine = body.contains("<title>") && body.contains("first line of your output")
                && (body.contains("This is the first part") || !body.contains("Translate part "));
        try {
            if (stream) {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < tokens; i++) {
                        waitForToken(start, i);
                        String piece = (i == 0 ? (titleLine ? "Title\\n\\n" : "") : " ") + WORDS[i % WORDS.length];
                        out.write(("data: {\"id\":\"c" + n + "\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"paced\","
                                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},\"finish_reason\":null}]}\n\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    out.write(("data: {\"id\":\"c" + n + "\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"paced\","
                            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                            + "data: {\"id\":\"c" + n + "\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"paced\",\"choices\":[],"
                            + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + tokens + ",\"total_tokens\":"
                            + (promptTokens + tokens) + "}}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
                }
            } else {
                waitForToken(start, tokens - 1);
                StringBuilder text = new StringBuilder(titleLine ? "Title\\n\\n" : "");
                for (int i = 0; i < tokens; i++) {
                    text.append(i == 0 ? "" : " ").append(WORDS[i % WORDS.length]);
                }
                byte[] json = ("{\"id\":\"c" + n + "\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"paced\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                        + tokens + ",\"total_tokens\":" + (promptTokens + tokens) + "}}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, json.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(json);
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            synchronized (timings) {
                timings.add(new Timing(n, start - epoch, System.currentTimeMillis() - epoch, tokens, stream));
            }
            ex.close();
        }
    }

    private void waitForToken(long start, int index) {
        long due = start + firstTokenMs + (tokensPerSecond <= 0 ? 0 : Math.round(index * 1000 / tokensPerSecond));
        long wait = due - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stats(HttpExchange ex) throws IOException {
        StringBuilder json = new StringBuilder("[");
        synchronized (timings) {
            if (ex.getRequestMethod().equals("DELETE")) {
                timings.clear();
            }
            for (int i = 0; i < timings.size(); i++) {
                Timing t = timings.get(i);
                json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"n\":%d,\"startMs\":%d,\"endMs\":%d,\"durationMs\":%d,\"outputTokens\":%d,\"stream\":%s}",
                        t.n(), t.startMs(), t.endMs(), t.endMs() - t.startMs(), t.outputTokens(), t.stream()));
            }
        }
        byte[] bytes = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        ex.close();
    }
}
