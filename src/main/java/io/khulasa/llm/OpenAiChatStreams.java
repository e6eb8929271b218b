package io.khulasa.llm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.telemetry.Traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Streamed chat completions read straight off the server's Server-Sent Events, so that nothing the server says is
 * lost: a real server that fails midway sends {@code data: {"error": {…}}} and closes with neither a finish reason nor
 * {@code [DONE]} (llama.cpp), which a client that skips what it does not recognise would take for a complete answer.
 * Here an error chunk, or an end without a finish reason, is a {@link LlmStreamException} carrying the server's words.
 * <p>
 * The request is the one the blocking client sends (model, messages, temperature, {@code top_p}, {@code max_tokens},
 * penalties) with {@code stream: true} and usage included. Read on the calling (virtual) thread; a stream that runs
 * over twice the call timeout is cut, and an interrupted caller closes the connection at once.
 */
@ApplicationScoped
public class OpenAiChatStreams implements ChatStreams {

    private static final int MAX_ERROR_BODY = 16_384;

    private final LlmServer server;
    private final ObjectMapper json;
    private final Duration firstByteTimeout;
    private final Duration streamTimeout;
    private final ChatCompletions.Sampling sampling;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("khulasa-stream-watchdog").factory());

    public OpenAiChatStreams(LlmServer server, ObjectMapper json) {
        this.server = server;
        this.json = json;
        this.firstByteTimeout = server.timeout();
        // The timeout covers the wait for the first bytes; a stream may legitimately run longer than that.
        this.streamTimeout = server.timeout().multipliedBy(2);
        this.sampling = server.sampling();
    }

    @Override
    public ChatResponse stream(ChatRequest request, Consumer<String> onPiece) {
        HttpResponse<InputStream> response = send(request);
        AtomicBoolean timedOut = new AtomicBoolean();
        InputStream body = response.body();
        ScheduledFuture<?> cut = watchdog.schedule(() -> {
            timedOut.set(true);
            closeQuietly(body);
        }, streamTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            return read(lines, onPiece);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new LlmException(LlmException.Kind.TIMEOUT, "The streamed completion did not finish within "
                        + streamTimeout.toSeconds() + " s", null, e);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while streaming the LLM call", null, e);
            }
            throw new UncheckedIOException(e);
        } finally {
            cut.cancel(false);
        }
    }

    private HttpResponse<InputStream> send(ChatRequest request) {
        HttpRequest http;
        try {
            HttpRequest.Builder builder = server.request("/chat/completions").timeout(firstByteTimeout)
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)));
            // The call's GenAI span (current on this thread) is the parent the server sees in traceparent.
            Traces.currentContextHeaders().forEach(builder::header);
            http = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<InputStream> response;
        try {
            response = server.http().send(http, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while calling the LLM", null, e);
        }
        if (response.statusCode() >= 400) {
            String error;
            try (InputStream in = response.body()) {
                error = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            } catch (IOException e) {
                error = "";
            }
            throw new LlmHttpException(response.statusCode(), error,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
        }
        return response;
    }

    /** Reads the events: pieces handed on, the last finish reason, usage and model kept; an error chunk throws. */
    private ChatResponse read(BufferedReader lines, Consumer<String> onPiece) throws IOException {
        StringBuilder text = new StringBuilder();
        StringBuilder data = new StringBuilder();
        String finish = null;
        String model = null;
        TokenUsage usage = null;
        for (String line = lines.readLine();; line = lines.readLine()) {
            if (line != null && line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                continue;
            }
            if (line != null && !line.isEmpty() || data.isEmpty()) {
                if (line == null) {
                    break;
                }
                continue; // comments, event names, keep-alives
            }
            String event = data.toString();
            data.setLength(0);
            if (event.equals("[DONE]")) {
                break;
            }
            JsonNode chunk = json.readTree(event);
            if (chunk.has("error")) {
                ServerError said = ServerError.parse(event);
                throw new LlmStreamException("The LLM's stream broke off with an error" + said.quoted(), said);
            }
            model = chunk.path("model").asText(model);
            if (chunk.hasNonNull("usage")) {
                JsonNode u = chunk.get("usage");
                usage = new TokenUsage(u.path("prompt_tokens").asInt(0), u.path("completion_tokens").asInt(0));
            }
            JsonNode choice = chunk.path("choices").path(0);
            String piece = choice.path("delta").path("content").asText("");
            if (!piece.isEmpty()) {
                text.append(piece);
                onPiece.accept(piece);
            }
            if (choice.hasNonNull("finish_reason")) {
                finish = choice.get("finish_reason").asText();
            }
            if (line == null) {
                break;
            }
        }
        if (finish == null) {
            throw new LlmStreamException("The LLM's stream ended without a finish reason: the server stopped midway",
                    ServerError.parse(null));
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(text.toString())).finishReason(ChatRequestJson.finishReason(finish))
                .tokenUsage(usage).modelName(model).build();
    }

    private byte[] body(ChatRequest request) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(ChatRequestJson.sizeHint(request));
        try (com.fasterxml.jackson.core.JsonGenerator g = json.getFactory().createGenerator(out)) {
            ChatRequestJson.write(g, request, sampling, true);
        }
        return out.toByteArray();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the stream is being cut anyway
        }
    }

    @PreDestroy
    void shutdown() {
        watchdog.shutdownNow();
    }
}
