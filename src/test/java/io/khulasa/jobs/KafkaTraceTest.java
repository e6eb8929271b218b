package io.khulasa.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.khulasa.jobs.Jobs.anonymous;
import static io.khulasa.jobs.Jobs.awaitDone;
import static io.khulasa.jobs.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.telemetry.OtlpReceiver;
import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.LocalKafka;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * An article that travels through Kafka is processed in a trace of its own that links back to the request that
 * submitted it: the submitting trace context rides in the job state and the record's {@code traceparent} header, so
 * the replica that runs the article (any in the consumer group) links its span to it. The spans arrive over real
 * OTLP/HTTP (protobuf) at {@link OtlpReceiver}. Needs the broker of {@code scripts/kafka-local.sh start}.
 */
@QuarkusTest
@TestProfile(KafkaTraceTest.KafkaAndTraces.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KafkaTraceTest {

    public static class KafkaAndTraces implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalKafka.class),
                    new TestResourceEntry(OtlpReceiver.class, Map.of("protocol", "http/protobuf")));
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following")).willReturn(FakeLlm.completion("ملخص.")));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic")).willReturn(FakeLlm.completion("A translation.")));
    }

    @Test
    void aJobArticleRunFromKafkaLinksToTheRequestThatSubmittedIt() throws Exception {
        String run = UUID.randomUUID().toString();
        String submitted = UUID.randomUUID().toString().replace("-", "");
        String id = anonymous().header("traceparent", "00-" + submitted + "-00f067aa0ba902b7-01")
                .body(job("summary", List.of(Map.of("id", run, "text", KafkaJobsTest.article(run)))))
                .post("/v1/jobs").then().statusCode(202).extract().path("id");

        JsonPath done = awaitDone(anonymous(), id, WAIT);
        assertThat(done.getString("status")).isEqualTo("done");
        String processingTrace = done.getString("results[0].result.provenance.traceId");
        assertThat(processingTrace).matches("[0-9a-f]{32}").isNotEqualTo(submitted);

        Span article = linkedSpan(processingTrace, "khulasa job article", submitted);
        assertThat(article.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CONSUMER);
        assertThat(OtlpReceiver.attribute(article, "khulasa.job.id")).isEqualTo(id);
        assertThat(OtlpReceiver.attribute(article, "khulasa.submitted.trace_id")).isEqualTo(submitted);
        // The article's LLM call is in the processing trace, under the article's span.
        List<Span> trace = OtlpReceiver.trace(processingTrace, spans -> spans.stream()
                .anyMatch(s -> "chat".equals(OtlpReceiver.attribute(s, "gen_ai.operation.name"))), WAIT);
        assertThat(trace).anyMatch(s -> "chat".equals(OtlpReceiver.attribute(s, "gen_ai.operation.name")));
        // The submitting request is a trace of its own, continuing the client's.
        assertThat(OtlpReceiver.trace(submitted, spans -> spans.stream()
                .anyMatch(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER), WAIT))
                .anyMatch(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(OtlpReceiver.transports()).contains("http/protobuf");
    }

    @Test
    void aNewsroomsOwnRecordWithATraceparentIsLinkedToItsProducer() throws Exception {
        String run = UUID.randomUUID().toString();
        String producer = UUID.randomUUID().toString().replace("-", "");
        Topics.publish(run, JSON.writeValueAsBytes(Map.of("id", run, "task", "translation",
                "text", KafkaJobsTest.article(run))), Map.of("traceparent", "00-" + producer + "-b7ad6b7169203331-01"));

        ConsumerRecord<String, String> result = Topics.await("khulasa-results", r -> run.equals(r.key()), 1, WAIT).get(0);
        JsonNode value = JSON.readTree(result.value());
        assertThat(value.path("status").asInt()).isEqualTo(200);
        String processingTrace = value.path("result").path("provenance").path("traceId").asText();
        assertThat(processingTrace).matches("[0-9a-f]{32}");
        Span article = linkedSpan(processingTrace, "khulasa feed article", producer);
        assertThat(OtlpReceiver.attribute(article, "khulasa.article.id")).isEqualTo(run);
    }

    /** The span {@code name} of trace {@code traceId} that links to trace {@code linkedTrace}. */
    private static Span linkedSpan(String traceId, String name, String linkedTrace) {
        List<Span> spans = OtlpReceiver.trace(traceId, found -> found.stream().anyMatch(s -> s.getName().equals(name)), WAIT);
        Span span = spans.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span '" + name + "' in trace " + traceId + ": " + spans.stream()
                        .map(Span::getName).toList()));
        assertThat(span.getLinksList()).anySatisfy(link -> assertThat(OtlpReceiver.hex(link.getTraceId().toByteArray()))
                .isEqualTo(linkedTrace));
        return span;
    }
}
