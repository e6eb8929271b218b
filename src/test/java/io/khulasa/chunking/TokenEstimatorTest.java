package io.khulasa.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.IntStream;

class TokenEstimatorTest {

    private final TokenEstimator estimator = new TokenEstimator();

    @Test
    void emptyAndNullCostNothing() {
        assertThat(estimator.count("")).isZero();
        assertThat(estimator.count(null)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"o200k_base", "cl100k_base"})
    void knownEncodingsByName(String name) {
        TokenEstimator byName = TokenEstimator.forEncoding(name);
        assertThat(byName.encodingName()).isEqualTo(name);
        assertThat(byName.count("hello world")).isEqualTo(2);
    }

    @Test
    void unknownEncodingIsRejected() {
        assertThatThrownBy(() -> TokenEstimator.forEncoding("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arabicArticleHasAPlausibleCount() {
        String article = Articles.reference();
        int count = estimator.count(article);
        // Arabic costs between ~1 token per word and ~1 token per 2 characters
        assertThat(count).isBetween(article.split("\\s+").length / 2, article.length() / 2);
    }

    @Test
    void specialTokenTextIsCountedAsPlainText() {
        assertThat(estimator.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void countsAreStableAcrossThreads() {
        String article = Articles.reference();
        int expected = estimator.count(article);
        List<Integer> counts = IntStream.range(0, 64).parallel().mapToObj(i -> estimator.count(article)).toList();
        assertThat(counts).containsOnly(expected);
    }
}
