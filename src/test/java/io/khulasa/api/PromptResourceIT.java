package io.khulasa.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PromptResourceTest} against the packaged application (JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class PromptResourceIT extends PromptResourceTest {
}
