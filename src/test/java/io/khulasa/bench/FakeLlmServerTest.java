package io.khulasa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake LLM must look like an OpenAI chat-completions endpoint, or the benchmarks measure nothing real. */
class FakeLlmServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String SUMMARIZE = """
            {"model":"qwen","messages":[{"role":"system","content":"لخص الخبر التالي بالعربية"},
             {"role":"user","content":"قال المتحدث باسم الحكومة إن المحادثات تناولت آخر التطورات"}]}""";
    private static final String TRANSLATE = """
            {"model":"qwen","messages":[{"role":"system","content":"Translate the article into English."},
             {"role":"user","content":"قال المتحدث"}]}""";

    private static FakeLlmServer.Options options(int outputTokens, double tokensPerSecond) {
        FakeLlmServer.Options d = FakeLlmServer.Options.defaults();
        return new FakeLlmServer.Options("127.0.0.1", 0, 0, tokensPerSecond, outputTokens, "auto", 0, FakeLlmServer.Fault.NONE,
                2, 60_000, 128, d.model(), 0);
    }

    private static HttpResponse<String> post(FakeLlmServer s, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nonStreamingAnswerHasTheChatCompletionShape() throws Exception {
        try (FakeLlmServer s = FakeLlmServer.start(options(12, 0))) {
            HttpResponse<String> r = post(s, SUMMARIZE);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode json = JSON.readTree(r.body());
            assertThat(json.get("object").asText()).isEqualTo("chat.completion");
            assertThat(json.get("id").asText()).startsWith("chatcmpl-");
            assertThat(json.get("model").asText()).isEqualTo("qwen");
            JsonNode choice = json.get("choices").get(0);
            assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
            String content = choice.get("message").get("content").asText();
            assertThat(content.split(" ")).hasSize(12);
            assertThat(content).containsPattern("\\p{IsArabic}"); // a summarize prompt gets Arabic words
            assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
            JsonNode usage = json.get("usage");
            assertThat(usage.get("prompt_tokens").asInt()).isPositive();
            assertThat(usage.get("completion_tokens").asInt()).isEqualTo(12);
            assertThat(usage.get("total_tokens").asInt())
                    .isEqualTo(usage.get("prompt_tokens").asInt() + 12);
        }
    }

    @Test
    void translatePromptsGetEnglishAndMaxTokensTruncates() throws Exception {
        try (FakeLlmServer s = FakeLlmServer.start(options(20, 0))) {
            JsonNode json = JSON.readTree(post(s, TRANSLATE.replace("\"model\"", "\"max_tokens\":5,\"model\"")).body());

            JsonNode choice = json.get("choices").get(0);
            assertThat(choice.get("message").get("content").asText()).isEqualTo("The government spokesman said that");
            assertThat(choice.get("finish_reason").asText()).isEqualTo("length");
        }
    }

    @Test
    void streamingSendsPacedChunksThenDone() throws Exception {
        try (FakeLlmServer s = FakeLlmServer.start(options(10, 100))) {
            long start = System.nanoTime();
            HttpResponse<String> r = post(s, TRANSLATE.replace("\"model\"", "\"stream\":true,\"model\""));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            List<String> events = r.body().lines().filter(l -> !l.isEmpty()).toList();
            assertThat(events).allMatch(l -> l.startsWith("data: "));
            assertThat(events.getLast()).isEqualTo("data: [DONE]");
            // role chunk + 10 token chunks + finish chunk
            List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(l -> read(l.substring(6))).toList();
            assertThat(chunks).hasSize(12);
            assertThat(chunks).allMatch(c -> c.get("object").asText().equals("chat.completion.chunk"));
            assertThat(chunks.getFirst().get("choices").get(0).get("delta").get("role").asText()).isEqualTo("assistant");
            StringBuilder text = new StringBuilder();
            chunks.subList(1, 11).forEach(c -> text.append(c.get("choices").get(0).get("delta").get("content").asText()));
            assertThat(text.toString()).startsWith("The government spokesman");
            assertThat(chunks.getLast().get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
            // 10 tokens at 100 tokens/s: the last one is due 90 ms after the first.
            assertThat(elapsedMs).isGreaterThanOrEqualTo(90);
        }
    }

    private static java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(FakeLlmServer s, String body) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return post(s, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static JsonNode stats(FakeLlmServer s) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/stats")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** llama-server with every slot taken queues a request until a slot is free: it is answered, later. */
    @Test
    void aRequestBeyondTheSlotsWaitsForOne() throws Exception {
        FakeLlmServer.Options o = options(20, 50);
        o = new FakeLlmServer.Options(o.host(), 0, 300, o.tokensPerSecond(), o.outputTokens(), o.lang(), 0,
                FakeLlmServer.Fault.NONE, 1, 1000, 128, o.model(), 1);
        try (FakeLlmServer s = FakeLlmServer.start(o)) {
            long start = System.nanoTime();
            var first = postAsync(s, TRANSLATE);
            Thread.sleep(100);
            HttpResponse<String> second = post(s, TRANSLATE);
            long secondMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(first.get().statusCode()).isEqualTo(200);
            // One answer takes 300 ms + 19 × 20 ms = 680 ms; the second waited for the first's slot.
            assertThat(secondMs).isGreaterThanOrEqualTo(2 * 680 - 50);
            JsonNode stats = stats(s);
            assertThat(stats.get("maxInFlight").asInt()).isEqualTo(1);
            assertThat(stats.get("queued").asInt()).isEqualTo(1);
            assertThat(stats.get("kvFull").asInt()).isZero();
        }
    }

    /**
     * llama-server's KV cache, shared by its running requests, runs out: the decode fails and every request then
     * running is answered 500 "Context size has been exceeded." (the exact body); the cells are freed, and a request
     * alone fits again.
     */
    @Test
    void whenTheSharedKvCacheRunsOutTheRunningRequestsFail() throws Exception {
        int prompt;
        try (FakeLlmServer probe = FakeLlmServer.start(options(20, 0))) {
            prompt = JSON.readTree(post(probe, TRANSLATE).body()).get("usage").get("prompt_tokens").asInt();
        }
        FakeLlmServer.Options o = options(20, 100);
        // Room for two prompts and a few tokens: one request alone (prompt + 20) fits, two together do not.
        long cells = 2L * prompt + 10;
        assertThat(prompt + 20).isLessThanOrEqualTo((int) cells);
        o = new FakeLlmServer.Options(o.host(), 0, 0, o.tokensPerSecond(), o.outputTokens(), o.lang(), 0,
                FakeLlmServer.Fault.NONE, 1, 1000, 128, o.model(), 2, cells);
        try (FakeLlmServer s = FakeLlmServer.start(o)) {
            var first = postAsync(s, TRANSLATE);
            var second = postAsync(s, TRANSLATE);
            for (HttpResponse<String> r : List.of(first.get(), second.get())) {
                assertThat(r.statusCode()).isEqualTo(500);
                assertThat(r.body()).isEqualTo("{\"error\":{\"code\":500,\"message\":\"Context size has been exceeded.\","
                        + "\"type\":\"server_error\"}}");
            }
            assertThat(stats(s).get("kvFull").asInt()).isEqualTo(2);
            assertThat(stats(s).get("queued").asInt()).as("both had a slot: the cache, not the slots, ran out").isZero();

            assertThat(post(s, TRANSLATE).statusCode()).as("the cells were freed").isEqualTo(200);
        }
    }

    /** A streamed request running when the cache runs out gets the error as an event, after its status 200. */
    @Test
    void aStreamRunningWhenTheCacheRunsOutEndsWithTheErrorEvent() throws Exception {
        int prompt;
        try (FakeLlmServer probe = FakeLlmServer.start(options(20, 0))) {
            prompt = JSON.readTree(post(probe, TRANSLATE).body()).get("usage").get("prompt_tokens").asInt();
        }
        FakeLlmServer.Options o = options(20, 100);
        o = new FakeLlmServer.Options(o.host(), 0, 0, o.tokensPerSecond(), o.outputTokens(), o.lang(), 0,
                FakeLlmServer.Fault.NONE, 1, 1000, 128, o.model(), 2, 2L * prompt + 10);
        String streamed = TRANSLATE.replace("{\"model\":\"qwen\",", "{\"model\":\"qwen\",\"stream\":true,");
        try (FakeLlmServer s = FakeLlmServer.start(o)) {
            var stream = postAsync(s, streamed);
            var other = postAsync(s, TRANSLATE);
            HttpResponse<String> r = stream.get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("data: {\"error\":{\"code\":500,\"message\":\"Context size has been exceeded.\"")
                    .doesNotContain("[DONE]");
            assertThat(other.get().statusCode()).isEqualTo(500);
        }
    }

    @Test
    void nonStreamingWaitsForTheWholeAnswer() throws Exception {
        FakeLlmServer.Options o = options(10, 100);
        o = new FakeLlmServer.Options(o.host(), 0, 100, o.tokensPerSecond(), o.outputTokens(), o.lang(), 0,
                FakeLlmServer.Fault.NONE, 1, 1000, 128, o.model(), 0);
        try (FakeLlmServer s = FakeLlmServer.start(o)) {
            long start = System.nanoTime();
            assertThat(post(s, SUMMARIZE).statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(190); // 100 ms + 9 × 10 ms
        }
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfter() throws Exception {
        try (FakeLlmServer s = FakeLlmServer.start(options(5, 0).withFault(FakeLlmServer.Fault.HTTP_429, 1.0))) {
            HttpResponse<String> r = post(s, SUMMARIZE);

            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(JSON.readTree(r.body()).get("error").get("code").asText()).isEqualTo("rate_limit_exceeded");
        }
    }

    @Test
    void faultRateIsSpreadEvenly() throws Exception {
        try (FakeLlmServer s = FakeLlmServer.start(options(1, 0).withFault(FakeLlmServer.Fault.HTTP_500, 0.25))) {
            int failures = 0;
            for (int i = 0; i < 8; i++) {
                if (post(s, SUMMARIZE).statusCode() == 500) {
                    failures++;
                }
            }
            assertThat(failures).isEqualTo(2);
        }
    }

    @Test
    void malformedFaultIsNotJson() throws Exception {
        try (FakeLlmServer s = FakeLlmServer.start(options(5, 0).withFault(FakeLlmServer.Fault.MALFORMED, 1.0))) {
            HttpResponse<String> r = post(s, SUMMARIZE);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> JSON.readTree(r.body())).isInstanceOf(Exception.class);
        }
    }

    @Test
    void hangFaultNeverAnswers() throws Exception {
        try (FakeLlmServer s = FakeLlmServer.start(options(5, 0).withFault(FakeLlmServer.Fault.HANG, 1.0))) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/chat/completions"))
                    .timeout(Duration.ofMillis(300))
                    .POST(HttpRequest.BodyPublishers.ofString(SUMMARIZE)).build();

            assertThatThrownBy(() -> HTTP.send(req, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class);
        }
    }

    @Test
    void modelsAndBadRequests() throws Exception {
        try (FakeLlmServer s = FakeLlmServer.start(options(5, 0))) {
            HttpResponse<String> models = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(models.body()).get("data").get(0).get("id").asText()).isEqualTo("fake-llm");
            assertThat(post(s, "{not json").statusCode()).isEqualTo(400);
            assertThat(post(s, "{\"model\":\"x\"}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void optionsParseArgumentsAndRejectUnknownOnes() {
        FakeLlmServer.Options o = FakeLlmServer.Options.parse(new String[] {"--port", "0", "--first-token-ms=250",
                "--tokens-per-second", "40", "--fault", "429", "--fault-rate", "0.1", "--lang", "en"});
        assertThat(o.port()).isZero();
        assertThat(o.firstTokenMs()).isEqualTo(250);
        assertThat(o.tokensPerSecond()).isEqualTo(40.0);
        assertThat(o.fault()).isEqualTo(FakeLlmServer.Fault.HTTP_429);
        assertThat(o.faultRate()).isEqualTo(0.1);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> FakeLlmServer.Options.parse(new String[] {"--prot", "1"}))
                .hasMessageContaining("--prot");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
