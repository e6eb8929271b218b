package io.khulasa.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * A small OTLP trace receiver for tests: what the service exports arrives over the wire and is decoded with the
 * OpenTelemetry protocol's own protobuf classes ({@code io.opentelemetry.proto}), as a collector would. Speaks both
 * OTLP transports on one port: gRPC ({@code /opentelemetry.proto.collector.trace.v1.TraceService/Export} over HTTP/2
 * cleartext) and HTTP ({@code POST /v1/traces}, {@code application/x-protobuf}).
 * <p>
 * As a test resource it points the service at itself: {@code quarkus.otel.exporter.otlp.endpoint} (the one switch
 * that turns exporting on) and, when {@code protocol} is given in the resource's init args, the protocol.
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    private static final String GRPC_PATH = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    /** Every span received since the start, with its resource's service name. */
    private static final List<Span> SPANS = new CopyOnWriteArrayList<>();
    private static final List<String> TRANSPORTS = new CopyOnWriteArrayList<>();

    private Vertx vertx;
    private HttpServer server;
    private String protocol = "grpc";

    @Override
    public void init(Map<String, String> initArgs) {
        protocol = initArgs.getOrDefault("protocol", "grpc");
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                    .setHttp2ClearTextEnabled(true))
                    .requestHandler(OtlpReceiver::handle)
                    .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("OTLP receiver did not start", e);
        }
        return Map.of("quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:" + server.actualPort(),
                "quarkus.otel.exporter.otlp.protocol", protocol,
                // Export at once rather than every 5 s, so tests wait less.
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            try {
                if (GRPC_PATH.equals(request.path())) {
                    // gRPC message framing: compressed flag (1 byte), length (4 bytes), message.
                    byte[] bytes = body.getBytes();
                    boolean compressed = bytes[0] == 1;
                    int length = body.getInt(1);
                    byte[] message = body.getBytes(5, 5 + length);
                    receive(compressed ? gunzip(message) : message, "grpc");
                    byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                    Buffer framed = Buffer.buffer().appendByte((byte) 0).appendInt(answer.length).appendBytes(answer);
                    request.response().putHeader("content-type", "application/grpc").write(framed);
                    request.response().putTrailer("grpc-status", "0").end();
                } else if ("/v1/traces".equals(request.path())) {
                    byte[] bytes = body.getBytes();
                    receive("gzip".equalsIgnoreCase(request.getHeader("content-encoding")) ? gunzip(bytes) : bytes,
                            "http/protobuf");
                    request.response().putHeader("content-type", "application/x-protobuf")
                            .end(Buffer.buffer(ExportTraceServiceResponse.getDefaultInstance().toByteArray()));
                } else {
                    request.response().setStatusCode(404).end();
                }
            } catch (IOException | RuntimeException e) {
                request.response().setStatusCode(400).end(String.valueOf(e));
            }
        });
    }

    private static void receive(byte[] message, String transport) throws IOException {
        ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(message);
        TRANSPORTS.add(transport);
        for (ResourceSpans resource : export.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                SPANS.addAll(scope.getSpansList());
            }
        }
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ for the tests

    public static List<Span> spans() {
        return List.copyOf(SPANS);
    }

    public static List<String> transports() {
        return List.copyOf(TRANSPORTS);
    }

    /** The spans of one trace (hex id), once {@code until} holds for them, waiting at most {@code timeout}. */
    public static List<Span> trace(String traceId, Predicate<List<Span>> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Span> found = List.of();
        while (System.nanoTime() < deadline) {
            found = SPANS.stream().filter(s -> hex(s.getTraceId().toByteArray()).equals(traceId)).toList();
            if (until.test(found)) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return found;
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static String traceId(Span span) {
        return hex(span.getTraceId().toByteArray());
    }

    public static String spanId(Span span) {
        return hex(span.getSpanId().toByteArray());
    }

    public static String parentSpanId(Span span) {
        return hex(span.getParentSpanId().toByteArray());
    }

    /** A span's attribute as a string (arrays joined with commas), or null. */
    public static String attribute(Span span, String key) {
        for (KeyValue kv : span.getAttributesList()) {
            if (kv.getKey().equals(key)) {
                return text(kv.getValue());
            }
        }
        return null;
    }

    /** Every attribute value of every span as text (keys included), for content scans. */
    public static List<String> allAttributeTexts(List<Span> spans) {
        List<String> texts = new ArrayList<>();
        for (Span span : spans) {
            texts.add(span.getName());
            span.getAttributesList().forEach(kv -> texts.add(kv.getKey() + "=" + text(kv.getValue())));
            span.getEventsList().forEach(e -> {
                texts.add(e.getName());
                e.getAttributesList().forEach(kv -> texts.add(kv.getKey() + "=" + text(kv.getValue())));
            });
            span.getLinksList().forEach(l -> l.getAttributesList().forEach(kv -> texts.add(kv.getKey() + "=" + text(kv.getValue()))));
            texts.add(span.getStatus().getMessage());
        }
        return texts;
    }

    static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case ARRAY_VALUE -> String.join(",", value.getArrayValue().getValuesList().stream().map(OtlpReceiver::text).toList());
            case KVLIST_VALUE -> value.getKvlistValue().toString();
            case BYTES_VALUE -> hex(value.getBytesValue().toByteArray());
            default -> "";
        };
    }
}
