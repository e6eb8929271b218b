package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.LogCapture;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A caller that gives up on a JSON request (closes its connection while the model still writes) stops the model calls
 * the request started ({@link LeavingClients}): each is reset at once instead of running to the end of the model's
 * answer, its call slot is free again, and it is recorded as {@code cancelled}, not as a failure of the model: not
 * retried (one HTTP call per call), nothing logged as failed, no ERROR.
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LeavingClientsTest {

    static final String ARTICLE = "أعلنت بلدية الزرقاء اليوم افتتاح حديقة السنديان الكبرى بعد ترميم استمر ثلاث سنوات كاملة.";

    @InjectFakeLlm
    WireMockServer llm;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/")
    URL service;

    private final LogCapture capture = new LogCapture();
    private final List<String> lines = capture.lines();

    @BeforeEach
    void attach() {
        llm.resetAll();
        capture.attach();
    }

    @AfterEach
    void detach() {
        capture.detach();
    }

    /**
     * The summary takes the non-blocking path (Quarkus REST cancels its answer, the call is reset from the request's
     * context); the translation and the digest (two calls on threads of their own) are blocking requests whose thread
     * is interrupted. A batch's thread is interrupted too, and it cancels its articles, each on a thread of its own
     * (two articles: two calls each for digests). The model would answer after twenty seconds.
     */
    @ParameterizedTest
    @CsvSource({"summaries,1", "translations,1", "digests,2", "summaries/batch,2", "translations/batch,2",
            "digests/batch,4"})
    void aClientLeavingAJsonRequestStopsItsModelCalls(String task, int calls) throws Exception {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("ملخص قصير.").withFixedDelay(20_000)));
        double cancelledBefore = cancelled();
        awaitNoCallInFlight(); // an earlier test's call still being answered
        byte[] body = new ObjectMapper().writeValueAsBytes(task.endsWith("/batch") ? Map.of("articles", List.of(
                // distinct articles (a batch's articles are cached), none cached by an earlier test
                Map.of("id", "a", "text", ARTICLE + " وبلغت الكلفة " + System.nanoTime() + " دينار."),
                Map.of("id", "b", "text", ARTICLE + " وشارك في الافتتاح " + System.nanoTime() + " شخص.")))
                : Map.of("text", ARTICLE));
        long closed;
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            String head = "POST /v1/" + task + " HTTP/1.1\r\nHost: " + service.getHost()
                    + "\r\nContent-Type: application/json\r\nCache-Control: no-cache\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            long sent = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inFlight() < calls && System.nanoTime() < sent) {
                Thread.sleep(20); // the model has every call before the client leaves
            }
            assertThat(inFlight()).as("LLM calls in flight before the client leaves").isEqualTo(calls);
            closed = System.nanoTime();
        }
        long deadline = closed + TimeUnit.SECONDS.toNanos(15);
        while ((cancelled() < cancelledBefore + calls || inFlight() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long stoppedAfterMs = (System.nanoTime() - closed) / 1_000_000;
        assertThat(cancelled() - cancelledBefore).as("calls recorded as cancelled").isEqualTo(calls);
        assertThat(inFlight()).as("LLM calls in flight after the client left").isZero();
        assertThat(stoppedAfterMs).as("the calls stopped with their client, not at the end of the model's answer (20 s)")
                .isLessThan(10_000);
        Thread.sleep(500); // a retry would have gone out by now (the first back-off is under 1 s)
        assertThat(llm.getAllServeEvents().size() + llm.findAllUnmatchedRequests().size())
                .as("HTTP calls the model got, answered or not: none retried").isLessThanOrEqualTo(calls);
        assertThat(lines).as("the client leaving is not the model failing").noneMatch(l -> l.contains("failed after"))
                .noneMatch(l -> l.contains("retrying"));
        assertThat(lines).noneMatch(l -> l.startsWith("SEVERE") || l.startsWith("ERROR"));
    }

    private void awaitNoCallInFlight() throws InterruptedException {
        long idle = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (inFlight() > 0 && System.nanoTime() < idle) {
            Thread.sleep(20);
        }
        assertThat(inFlight()).isZero();
    }

    /** The gateway's calls in flight (its gauge is registered with the gateway, on the first request). */
    private double inFlight() {
        Gauge gauge = registry.find("khulasa.llm.in.flight").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double cancelled() {
        return registry.find("gen_ai.client.operation.duration").tag("error.type", "cancelled").timers().stream()
                .mapToDouble(Timer::count).sum();
    }
}
