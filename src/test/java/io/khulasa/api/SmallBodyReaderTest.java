package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.khulasa.testing.FakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A body reaches the JSON reader the same way whichever read path it takes: read on the event loop by
 * {@link SmallBodyReader} (HTTP/1.1, Content-Length up to its limit), or streamed (no Content-Length, or a larger
 * body). Each answer here comes before any LLM call (the JSON is cut short).
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SmallBodyReaderTest {

    @TestHTTPResource("/v1/summaries")
    URI summaries;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aCutJsonBodyIsTheSameProblemOnEveryReadPath() throws Exception {
        String small = "{\"text\":\"" + "خبر ".repeat(500);
        String large = "{\"text\":\"" + "خبر ".repeat(40_000); // ~280 KB: over the eager limit
        assertThat(large.getBytes(StandardCharsets.UTF_8).length).isGreaterThan((int) SmallBodyReader.MAX_EAGER_BYTES);

        for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[] {
                HttpRequest.BodyPublishers.ofString(small), // Content-Length, small: read on the event loop
                HttpRequest.BodyPublishers.ofInputStream(() -> stream(small)), // chunked: streamed
                HttpRequest.BodyPublishers.ofString(large) }) { // Content-Length, large: streamed
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(summaries)
                    .header("Content-Type", "application/json").POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"code\":\"malformed-json\"");
        }
    }

    @Test
    void aWholeSmallBodyIsReadOnce() throws Exception {
        String body = "{\"text\":\"\"}";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(summaries)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("malformed-json").contains("\"code\":\"");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
