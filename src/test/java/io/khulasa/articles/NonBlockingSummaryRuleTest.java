package io.khulasa.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which summary requests {@link ArticleTasks#summaryAsync} keeps on the event loop, and which go to a virtual thread. */
class NonBlockingSummaryRuleTest {

    @ParameterizedTest(name = "text {0} chars, html {1} chars, strict {2}: event loop {3}")
    @CsvSource({
            "5000, 0, , true",
            "0, 12000, false, true",
            "16384, 0, , true",
            "16385, 0, , false", // cleaning and checking it would hold the loop
            "10000, 10000, , false", // text and HTML count together
            "0, 400000, , false", // a whole page
            "5000, 0, true, false", // strict: the guard reads the index, which may still be being built
    })
    void theRule(int textChars, int htmlChars, Boolean strict, boolean onTheEventLoop) {
        SummaryRequest request = new SummaryRequest(textChars == 0 ? null : "ا".repeat(textChars),
                htmlChars == 0 ? null : "<p>".repeat(htmlChars / 3 + 1).substring(0, htmlChars), null, null, null, null,
                null, strict, null);
        assertThat(ArticleTasks.nonBlocking(request)).isEqualTo(onTheEventLoop);
    }

    @org.junit.jupiter.api.Test
    void noBodyIsRefusedAtOnceWhereItArrives() {
        assertThat(ArticleTasks.nonBlocking(null)).isTrue();
    }
}
