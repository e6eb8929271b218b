package io.khulasa.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.khulasa.telemetry.Traces;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * The primary model's blocking chat completions ({@code POST <base URL>/chat/completions}), on Vert.x's HTTP client
 * directly: the request body is written straight from the prompt with Jackson's generator, and only the fields
 * khulasa reads are taken from the answer (the text, the finish reason, the usage, the model).
 * <p>
 * <b>Why not the quarkus-langchain4j client.</b> Between {@link ChatGateway} and the socket it built the request
 * three times (LangChain4j's {@code ChatRequest}, its OpenAI request record, a REST client invocation with its
 * filters, interceptors and entity writer) and mapped the answer back the same way: 14 % of the CPU samples of a
 * summary request (issue 20's profile), and two request records held per call while the model thinks (2,000 of them
 * with 1,000 requests waiting). The request is the one that client sent ({@code model}, {@code messages},
 * {@code temperature}, {@code top_p}, {@code max_tokens}, the penalties; the golden request tests pin it), and the
 * failures are the ones {@link LlmErrorClassifier} reads: an HTTP error is an {@link LlmHttpException} with the
 * server's body and {@code Retry-After}, a refused connection a connect exception, a silent server a timeout, an
 * answer that is not a chat completion a JSON error.
 * <p>
 * Blocking ({@link #doChat}: the caller is a virtual thread, parked while the event loop does the I/O) or not
 * ({@link #chatAsync}: the request's event loop sends the call and reads the answer itself, so the request never
 * changes threads). One per model (the primary and the fallback, {@link ChatClients}).
 */
public final class ChatCompletions implements NonBlockingChatModel, AutoCloseable {

    /** What every call sends besides the messages ({@code quarkus.langchain4j.openai.chat-model.*}). */
    public record Sampling(double topP, double presencePenalty, double frequencyPenalty) {
    }

    private static final int MAX_ERROR_BODY = 16_384;

    private final ObjectMapper json;
    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions pool;
    /** The blocking calls' client ({@link #doChat}, from virtual threads). */
    private final HttpClient http;
    /**
     * The non-blocking calls' clients, one per event loop, each opening its connections on its own loop. One client
     * shared by every loop hands its connections out with no regard to the loop that asks (Vert.x 4.5's pool takes
     * the last free one in its list): a request read on one loop then sent its call on a connection of another, and the
     * answer came back through a second hand-off, two thread wake-ups per call. At one connection after a burst had
     * opened connections on every loop, that added 0.2–0.4 ms to each request (issue 20, phase 11).
     */
    private final ConcurrentHashMap<Thread, HttpClient> loopClients = new ConcurrentHashMap<>();
    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final Sampling sampling;

    /**
     * @param baseUrl  the OpenAI-protocol base URL, e.g. {@code http://localhost:11434/v1}
     * @param timeout  how long the server may stay silent before the call times out
     * @param poolSize connections kept to the server: as many as calls may be in flight at once
     */
    public ChatCompletions(Vertx vertx, ObjectMapper json, String baseUrl, String apiKey, Duration timeout, int poolSize,
            Sampling sampling) {
        this.json = json;
        this.vertx = vertx;
        this.endpoint = URI.create((baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + "/chat/completions");
        this.authorization = "Bearer " + apiKey;
        this.timeout = timeout;
        this.sampling = sampling;
        boolean tls = "https".equalsIgnoreCase(endpoint.getScheme());
        this.clientOptions = new HttpClientOptions()
                .setSsl(tls).setForceSni(tls).setVerifyHost(true)
                .setConnectTimeout(5_000)
                .setKeepAlive(true)
                // A pooled connection the server may have closed meanwhile is not reused after this long idle.
                .setKeepAliveTimeout(60)
                .setDecompressionSupported(false)
                // Vert.x would trace the call in its own context (a trace of its own, not the request's);
                // doChat passes the request's trace context on itself.
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setName("khulasa-llm");
        // One connection per call in flight (khulasa.llm.connection-pool-size): the Vert.x default of 50 capped the
        // client quarkus-langchain4j built at 50 calls, however many requests were waiting.
        // Each client (the blocking one, each loop's) may open that many: the calls in flight at once are bounded by
        // khulasa.llm.max-in-flight, and a connection left idle closes after the keep-alive timeout.
        this.pool = new PoolOptions().setHttp1MaxSize(Math.max(1, poolSize)).setMaxWaitQueueSize(-1);
        this.http = newClient();
    }

    private HttpClient newClient() {
        HttpClient client = vertx.createHttpClient(clientOptions, pool);
        // A connection the server reset fails its call (classified by LlmErrorClassifier); without a handler Vert.x
        // would also log each reset at ERROR.
        client.connectionHandler(connection -> connection.exceptionHandler(e -> Log.debugf(
                "LLM connection to %s failed: %s", endpoint.getHost(), e.getClass().getSimpleName())));
        return client;
    }

    /** The client for a call made on this thread: its event loop's own, or the blocking calls' one. */
    private HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return http;
        }
        Thread loop = Thread.currentThread();
        HttpClient client = loopClients.get(loop);
        return client != null ? client : loopClients.computeIfAbsent(loop, t -> newClient());
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Exchange exchange = new Exchange();
        Answer answer;
        try {
            answer = exchange(request, exchange).toCompletionStage().toCompletableFuture()
                    // The idle timeout covers a silent server; this covers one that trickles bytes for ever.
                    .get(deadlineMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // The request was cancelled (its client left, a sibling chunk failed): the server stops generating too.
            // Said as CallStopped, not only by the interrupt: the circuit breaker's guard clears the thread's flag.
            Thread.currentThread().interrupt();
            exchange.stop();
            throw new CallStopped(new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while calling the LLM", null, e));
        } catch (ExecutionException e) {
            throw exchange.failure(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            exchange.stop();
            throw deadlinePassed(e);
        }
        return response(answer);
    }

    /**
     * The same call without blocking: the stage completes on the caller's Vert.x context (the request's event loop
     * when called from there) with what {@link #doChat} would return, or fails with what it would throw.
     */
    @Override
    public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        Exchange exchange = new Exchange();
        // The idle timeout covers a silent server; this covers one that trickles bytes for ever (doChat's get).
        long timer = vertx.setTimer(deadlineMillis(), id -> {
            done.completeExceptionally(deadlinePassed(null));
            exchange.stop();
        });
        exchange(request, exchange).onComplete(answered -> {
            vertx.cancelTimer(timer);
            if (answered.failed()) {
                done.completeExceptionally(exchange.failure(answered.cause()));
                return;
            }
            try {
                done.complete(response(answered.result()));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /**
     * One HTTP exchange: the request written from the prompt, the whole answer read. Stoppable by the request's
     * {@link CallStops} when it is watched.
     */
    private io.vertx.core.Future<Answer> exchange(ChatRequest request, Exchange exchange) {
        CallStops.onStop(exchange::stop);
        Buffer body = body(request);
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        String path = endpoint.getRawPath() + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(endpoint.getHost())
                .setPort(port).setURI(path).setSsl("https".equalsIgnoreCase(endpoint.getScheme()))
                // No byte from the server for this long: the call has timed out (the first byte of a long answer
                // comes only when the model has written all of it).
                .setIdleTimeout(timeout.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .putHeader(HttpHeaders.AUTHORIZATION, authorization);
        // The call's GenAI span (current on this thread) is the parent the server sees in traceparent.
        Traces.currentContextHeaders().forEach(options::putHeader);
        // body() is asked for in the very callback that receives the response head: one step later (a compose further
        // out) Vert.x may already have delivered, and dropped, the body's bytes.
        return client().request(options)
                .compose(call -> exchange.started(call).send(body)
                        .compose(response -> response.body().map(bytes -> new Answer(response, bytes))));
    }

    private long deadlineMillis() {
        return timeout.toMillis() * 2 + 5_000;
    }

    private static LlmException deadlinePassed(TimeoutException cause) {
        return new LlmException(LlmException.Kind.TIMEOUT, "The LLM did not answer within the configured timeout", null,
                cause);
    }

    /** Classified by its cause chain ({@link LlmErrorClassifier}): a refused connection, a timeout, a TLS failure. */
    private static RuntimeException unchecked(Throwable cause) {
        return cause instanceof RuntimeException r ? r : new UncheckedIOException(cause.getMessage(), new IOException(cause));
    }

    /** The completion, or the server's error as an {@link LlmHttpException}. */
    private ChatResponse response(Answer answer) {
        if (answer.status() >= 400) {
            String error = answer.body().length() <= MAX_ERROR_BODY ? answer.body().toString(StandardCharsets.UTF_8)
                    : answer.body().getString(0, MAX_ERROR_BODY, StandardCharsets.UTF_8.name());
            throw new LlmHttpException(answer.status(), error, RetryAfter.parse(answer.retryAfter()));
        }
        return read(answer.body());
    }

    /**
     * An exchange's HTTP request, to reset when khulasa stops the call: its request was cancelled, or it outlived its
     * deadline. Resetting closes the connection, which is how an OpenAI-protocol server (llama.cpp, vLLM, Ollama) learns
     * that no one waits for the answer and stops generating it.
     */
    private static final class Exchange {
        private volatile HttpClientRequest request;
        private volatile boolean stopped;

        HttpClientRequest started(HttpClientRequest request) {
            this.request = request;
            if (stopped) {
                reset(request);
            }
            return request;
        }

        void stop() {
            stopped = true;
            HttpClientRequest started = request;
            if (started != null) {
                reset(started);
            }
        }

        private static void reset(HttpClientRequest request) {
            try {
                // the reset's failure reaches the exchange's future; without a handler Vert.x also logs it at ERROR
                request.exceptionHandler(e -> Log.debugf("LLM request reset: %s", e.getClass().getSimpleName()));
                request.reset();
            } catch (RuntimeException e) {
                // already ended or closed: nothing left to stop
                Log.debugf("LLM request not reset: %s", e.getClass().getSimpleName());
            }
        }

        /** The exchange's failure as the gateway reads it: {@link CallStopped} when khulasa stopped it. */
        RuntimeException failure(Throwable cause) {
            if (stopped) {
                return new CallStopped(new LlmException(LlmException.Kind.UPSTREAM,
                        "khulasa stopped the LLM call: its request was cancelled", null, cause));
            }
            return unchecked(cause);
        }
    }

    /** What came back: its status, its {@code Retry-After} header and its body. */
    private record Answer(int status, String retryAfter, Buffer body) {
        Answer(HttpClientResponse response, Buffer body) {
            this(response.statusCode(), response.getHeader("Retry-After"), body);
        }
    }

    /** The request body ({@link ChatRequestJson}), written into the buffer that goes on the wire. */
    private Buffer body(ChatRequest request) {
        Buffer out = Buffer.buffer(ChatRequestJson.sizeHint(request));
        try (JsonGenerator g = json.getFactory().createGenerator(new BufferOutput(out))) {
            ChatRequestJson.write(g, request, sampling, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The completion: its text, finish reason, usage and model; anything that is not a chat completion fails. */
    private ChatResponse read(Buffer body) {
        JsonNode answer;
        try {
            answer = json.readTree(body.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode choice = answer == null ? null : answer.path("choices").path(0);
        if (choice == null || choice.isMissingNode() || !choice.isObject()) {
            throw new UncheckedIOException(new MalformedAnswerException("The LLM's answer has no choices"));
        }
        JsonNode content = choice.path("message").path("content");
        ChatResponse.Builder response = ChatResponse.builder()
                .aiMessage(AiMessage.from(content.isTextual() ? content.asText() : ""));
        if (choice.hasNonNull("finish_reason")) {
            response.finishReason(ChatRequestJson.finishReason(choice.get("finish_reason").asText()));
        }
        JsonNode usage = answer.path("usage");
        if (usage.isObject()) {
            response.tokenUsage(new TokenUsage(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0)));
        }
        if (answer.hasNonNull("model")) {
            response.modelName(answer.get("model").asText());
        }
        return response.build();
    }

    /** An answer that parsed as JSON but is not a chat completion: {@link LlmErrorClassifier} calls it malformed. */
    static final class MalformedAnswerException extends com.fasterxml.jackson.core.JsonProcessingException {
        MalformedAnswerException(String message) {
            super(message);
        }
    }

    /** Jackson writes into the Vert.x buffer that goes on the wire: no intermediate byte array. */
    private static final class BufferOutput extends java.io.OutputStream {
        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.appendBytes(b, off, len);
        }
    }

    @Override
    public void close() {
        loopClients.values().forEach(HttpClient::close);
        http.close();
    }
}
