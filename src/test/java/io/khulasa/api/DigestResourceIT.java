package io.khulasa.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DigestResourceTest} against the packaged application (JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class DigestResourceIT extends DigestResourceTest {
}
