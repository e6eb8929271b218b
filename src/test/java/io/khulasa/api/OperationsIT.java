package io.khulasa.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OperationsTest} against the packaged application (JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
