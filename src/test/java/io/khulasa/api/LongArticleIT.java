package io.khulasa.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same against the packaged application (chunking, streaming in article order, split-further, glossary). */
@QuarkusIntegrationTest
class LongArticleIT extends LongArticleTest {
}
