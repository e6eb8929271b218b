package io.khulasa.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same against the packaged application. */
@QuarkusIntegrationTest
class StreamingIT extends StreamingTest {
}
