package io.khulasa.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OpenApiTest} against the packaged application (JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class OpenApiIT extends OpenApiTest {
}
