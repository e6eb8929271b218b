package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * khulasa behind a reverse proxy and called from a browser front-end: per-client rate limits key on the client
 * address a trusted proxy forwards, a forwarded address from anyone else is ignored, and CORS answers the configured
 * origin only. The test talks to 127.0.0.1 (the trusted proxy) and, as an untrusted caller, from 127.0.0.2: Linux
 * routes the whole loopback range, so both are real, distinct peers of the same server.
 */
@QuarkusTest
@TestProfile(ProxyAndCorsTest.BehindProxy.class)
class ProxyAndCorsTest {

    static final String DESK = "https://desk.example.org";

    /** The settings an operator sets from docker/README.md: forwarding from one trusted proxy, CORS for one origin. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    // No API keys: the rate limit is per client address, the case forwarded headers matter for.
                    "khulasa.security.rate-limit.per-minute", "2",
                    "quarkus.http.cors.enabled", "true",
                    // Methods, headers and exposed headers: the shipped application.properties values.
                    "quarkus.http.cors.origins", DESK);
        }
    }

    @TestHTTPResource("/")
    URI root;

    private final HttpClient viaTrustedProxy = client("127.0.0.1");
    private final HttpClient untrustedCaller = client("127.0.0.2");

    @Test
    void clientsBehindTheTrustedProxyGetSeparateBuckets() throws Exception {
        assertThat(prompts(viaTrustedProxy, "198.51.100.7").statusCode()).isEqualTo(200);
        assertThat(prompts(viaTrustedProxy, "198.51.100.7").statusCode()).isEqualTo(200);
        HttpResponse<String> third = prompts(viaTrustedProxy, "198.51.100.7");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("\"code\":\"rate-limited\"");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();

        // Another newsroom client behind the same proxy still has its whole budget.
        assertThat(prompts(viaTrustedProxy, "198.51.100.8").statusCode()).isEqualTo(200);
        assertThat(prompts(viaTrustedProxy, "198.51.100.8").statusCode()).isEqualTo(200);
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() throws Exception {
        // Each request claims a new client address; from an untrusted peer they all count against the peer itself.
        assertThat(prompts(untrustedCaller, "203.0.113.1").statusCode()).isEqualTo(200);
        assertThat(prompts(untrustedCaller, "203.0.113.2").statusCode()).isEqualTo(200);
        HttpResponse<String> third = prompts(untrustedCaller, "203.0.113.3");
        assertThat(third.statusCode()).as("a forged X-Forwarded-For must not buy a fresh bucket").isEqualTo(429);
        // ...and claiming to be a trusted client's address does not spend that client's budget either.
        assertThat(prompts(viaTrustedProxy, "203.0.113.3").statusCode()).isEqualTo(200);
    }

    @Test
    void aPreflightFromTheConfiguredOriginIsAnswered() throws Exception {
        HttpResponse<String> preflight = send(viaTrustedProxy, HttpRequest.newBuilder(at("/v1/summaries"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", DESK)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .header("X-Forwarded-For", "192.0.2.50"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DESK);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("content-type", "authorization");

        // The real call then exposes the request id to the page's script.
        HttpResponse<String> call = send(viaTrustedProxy, HttpRequest.newBuilder(at("/v1/prompts"))
                .header("Origin", DESK).header("X-Forwarded-For", "192.0.2.51"));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DESK);
        assertThat(call.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("X-Request-Id");
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> preflight = send(viaTrustedProxy, HttpRequest.newBuilder(at("/v1/summaries"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("X-Forwarded-For", "192.0.2.52"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(403);
    }

    /** The server by its IPv4 loopback address, so that both local source addresses can reach it. */
    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + root.getPort() + path);
    }

    private HttpResponse<String> prompts(HttpClient client, String forwardedFor) throws IOException, InterruptedException {
        return send(client, HttpRequest.newBuilder(at("/v1/prompts")).header("X-Forwarded-For", forwardedFor));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(String localAddress) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(localAddress))
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
