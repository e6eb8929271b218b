package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.khulasa.testing.FakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Out of the box khulasa trusts no forwarded header and answers no cross-origin request: both are opened only by an
 * operator who knows the proxy and the browser front-end in front of it (see {@link ProxyAndCorsTest}).
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HttpEdgeDefaultsTest {

    @Test
    void noPreflightIsAnsweredForAnyOrigin() {
        given().header("Origin", "https://desk.example.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/v1/summaries")
                .then().header("Access-Control-Allow-Origin", nullValue()).header("Access-Control-Allow-Methods", nullValue());
        given().header("Origin", "https://desk.example.org").when().get("/v1/prompts")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void forwardedHeadersAreOffAndCorsIsOff() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)).isFalse();
        assertThat(config.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class)).isEmpty();
        assertThat(config.getValue("quarkus.http.cors.enabled", Boolean.class)).isFalse();
    }
}
