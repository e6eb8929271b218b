package io.khulasa.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

class TokenEstimatorTest {

    private final TokenEstimator estimator = new TokenEstimator();

    @Test
    void emptyAndNullCostNothing() {
        assertThat(estimator.count("")).isZero();
        assertThat(estimator.count(null)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"o200k_base", "cl100k_base"})
    void knownEncodingsByNameCountAsThatEncoding(String name) {
        TokenEstimator byName = TokenEstimator.forEncoding(name);
        Encoding direct = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.fromName(name).orElseThrow());
        String article = Articles.reference();
        assertThat(byName.count(article)).isEqualTo(direct.countTokensOrdinary(article));
        assertThat(byName.count("hello world")).isEqualTo(2);
    }

    @Test
    void theEncodingNameChoosesTheVocabulary() {
        // cl100k_base has far fewer Arabic tokens than o200k_base: the same article costs more
        String article = Articles.reference();
        assertThat(TokenEstimator.forEncoding("cl100k_base").count(article))
                .isGreaterThan(TokenEstimator.forEncoding("o200k_base").count(article));
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

    // ---- the segment cache gives jtokkit's exact count ----

    private static final String[] FIXTURES = {"taif-post-karabakh.txt", "gaza-aid.txt", "oil-prices.html",
            "syria-elections-mojibake.txt", "tech-ai-pdf.txt", "tech-ai-wordpress.html", "long-investigation-water.txt",
            "taif-post-karabakh.cleaned.txt", "gaza-aid.cleaned.txt"};

    @ParameterizedTest
    @CsvSource({"o200k_base", "cl100k_base", "p50k_base", "r50k_base"})
    void cachedCountEqualsTheWholeTextCountOnEveryFixture(String encoding) {
        TokenEstimator cold = TokenEstimator.forEncoding(encoding);
        TokenEstimator warm = TokenEstimator.forEncoding(encoding);
        for (String name : FIXTURES) {
            warm.count(Articles.read(name)); // every segment of every fixture is now cached
        }
        for (String name : FIXTURES) {
            String text = Articles.read(name);
            int exact = cold.countDirectly(text);
            assertThat(cold.count(text)).as(name + " first time").isEqualTo(exact);
            assertThat(cold.count(text)).as(name + " from the cache").isEqualTo(exact);
            assertThat(warm.count(text)).as(name + " after the others").isEqualTo(exact);
        }
    }

    /** Pieces that stress the pre-tokenizer: case changes, contractions, marks, digits, CR/LF runs, surrogates. */
    static final String[] ATOMS = {"ا", "ل", "ص", "ـ", "\u064E", "\u0651", "«", "»", "،", "؟", ".", ",", "!", "'", "'s",
            "'LL", "\"", "a", "b", "Z", "Q", "NATO", "iPhone", "ß", "é", "1", "23", "٣", "4567", " ", " ", " ", "  ", "\t",
            "\n", "\r\n", "\n\n", " \n", "/", "(", ")", "-", "_", "😀", "\u200F", "\u00A0", "<|endoftext|>", "مليون",
            "الصراع", " ال", "Hello", " world", "x1", "١٢٣"};

    /** A text of 1 to 40 atoms picked at random. */
    static String randomText(Random random, String[] atoms) {
        StringBuilder text = new StringBuilder();
        int n = 1 + random.nextInt(40);
        for (int a = 0; a < n; a++) {
            text.append(atoms[random.nextInt(atoms.length)]);
        }
        return text.toString();
    }

    @ParameterizedTest
    @CsvSource({"o200k_base", "cl100k_base", "r50k_base"})
    void cachedCountEqualsTheWholeTextCountOnRandomText(String encoding) {
        TokenEstimator estimator = TokenEstimator.forEncoding(encoding);
        Random random = new Random(20261129L + encoding.hashCode());
        for (int n = 0; n < 3_000; n++) {
            String s = randomText(random, ATOMS);
            assertThat(estimator.count(s)).as("%s: [%s]", encoding, s).isEqualTo(estimator.countDirectly(s));
        }
    }

    @Test
    void theCacheIsBounded() {
        TokenEstimator estimator = new TokenEstimator();
        StringBuilder text = new StringBuilder();
        // more distinct segments than the cache has slots: every count stays exact while entries are replaced
        for (int i = 0; i < TokenEstimator.cacheCapacity() + 5_000; i++) {
            text.append(" w");
            for (int v = i; v > 0; v /= 26) {
                text.append((char) ('a' + v % 26)); // a distinct letters-only word per i
            }
        }
        String s = text.toString();
        assertThat(estimator.count(s)).isEqualTo(estimator.countDirectly(s));
        assertThat(estimator.cachedSegments()).isBetween(TokenEstimator.cacheCapacity() / 2, TokenEstimator.cacheCapacity());
        assertThat(estimator.count(s)).as("counted again, now from the cache").isEqualTo(estimator.countDirectly(s));
    }
}
