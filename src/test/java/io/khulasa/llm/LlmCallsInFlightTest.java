package io.khulasa.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.InjectFakeLlm;
import io.khulasa.testing.MeetingPoint;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * More LLM calls than Vert.x's default pool of 50 connections are in flight at once (the pool of {@link ChatCompletions}
 * is {@code khulasa.llm.connection-pool-size}; the client quarkus-langchain4j built stopped at 50): every answer is held
 * until all {@value #CALLS} calls have reached the fake LLM, so with a pool of 50 the last ten would never get there
 * and the test would fail (it does with {@code -Dkhulasa.llm.connection-pool-size=50}).
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LlmCallsInFlightTest {

    static final int CALLS = 60;
    static final String ARTICLE = FakeLlm.resource("articles/taif-post-karabakh.txt");
    static final String SUMMARY = FakeLlm.resource("llm/reference-summary.txt").strip();

    @InjectFakeLlm
    WireMockServer llm;

    @TestHTTPResource("/v1/summaries")
    URI summaries;

    @BeforeEach
    void reset() {
        llm.resetAll();
        MeetingPoint.reset(CALLS);
    }

    @Test
    void moreThanFiftyCallsAreInFlightAtOnce() throws Exception {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(SUMMARY).withTransformers(MeetingPoint.NAME)));
        String body = new ObjectMapper().writeValueAsString(Map.of("text", ARTICLE));
        HttpRequest request = HttpRequest.newBuilder(summaries).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();

        List<Integer> statuses = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                answers.add(callers.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
        }

        assertThat(statuses).hasSize(CALLS).containsOnly(200);
        // One call per request: nothing had to be retried after a timed-out wait for a connection.
        assertThat(FakeLlm.chatRequests(llm)).hasSize(CALLS);
    }
}
