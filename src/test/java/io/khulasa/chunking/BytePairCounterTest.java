package io.khulasa.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;


/**
 * khulasa's token counts are jtokkit's (the reference implementation of tiktoken's encodings on the JVM) for every
 * encoding: on the article fixtures, on random text built from pieces that stress the pre-tokenizer, on random Unicode
 * (lone surrogates included), and on long pieces, where the heap-based merge takes over from the short one.
 */
class BytePairCounterTest {

    private static final String[] FIXTURES = {"taif-post-karabakh.txt", "gaza-aid.txt", "oil-prices.html",
            "syria-elections-mojibake.txt", "tech-ai-pdf.txt", "tech-ai-wordpress.html", "long-investigation-water.txt"};

    /** The estimator test's atoms, and pieces of scripts and cases it does not have (a lone surrogate among them). */
    private static final String[] ATOMS = java.util.stream.Stream.concat(java.util.Arrays.stream(TokenEstimatorTest.ATOMS),
            java.util.stream.Stream.of("'Re", "\r", "\uD83D", "\uDE00", "中文", "ǅ", "Ⅻ", "\u0301")).toArray(String[]::new);

    private static Encoding jtokkit(String name) {
        return Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.fromName(name).orElseThrow());
    }

    private static BytePairCounter counter(String name) {
        return TokenEstimator.forEncoding(name).counter();
    }

    @ParameterizedTest
    @CsvSource({"o200k_base", "cl100k_base", "p50k_base", "r50k_base"})
    void everyFixtureCountsAsJtokkitCountsIt(String name) {
        Encoding reference = jtokkit(name);
        BytePairCounter counter = counter(name);
        for (String fixture : FIXTURES) {
            String text = Articles.read(fixture);
            assertThat(counter.count(text)).as(name + " " + fixture).isEqualTo(reference.countTokensOrdinary(text));
        }
    }

    @ParameterizedTest
    @CsvSource({"o200k_base", "cl100k_base", "r50k_base"})
    void randomTextCountsAsJtokkitCountsIt(String name) {
        Encoding reference = jtokkit(name);
        BytePairCounter counter = counter(name);
        Random random = new Random(20261206L + name.hashCode());
        for (int n = 0; n < 3_000; n++) {
            String s = TokenEstimatorTest.randomText(random, ATOMS);
            assertThat(counter.count(s)).as("%s: [%s]", name, s).isEqualTo(referenceCount(reference, s, counter));
        }
        for (int n = 0; n < 1_000; n++) {
            StringBuilder text = new StringBuilder();
            int chars = 1 + random.nextInt(60);
            for (int c = 0; c < chars; c++) {
                // anywhere in the BMP and beyond, surrogate halves included
                text.appendCodePoint(random.nextInt(4) == 0 ? 0x1F300 + random.nextInt(0x300) : random.nextInt(0xFFFF));
            }
            String s = text.toString();
            assertThat(counter.count(s)).as("%s: random code points", name).isEqualTo(referenceCount(reference, s, counter));
        }
    }

    /**
     * jtokkit's count; jtokkit's hand-written cl100k pre-tokenizer refuses a lone surrogate ("Input is not UTF-8"),
     * where khulasa counts it as the {@code ?} that {@code String.getBytes(UTF_8)} writes for it: the same text with
     * each lone surrogate replaced so is what jtokkit is asked then.
     */
    private static int referenceCount(Encoding reference, String s, BytePairCounter counter) {
        try {
            return reference.countTokensOrdinary(s);
        } catch (AssertionError refused) {
            String replaced = new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\uFFFD', '?');
            return reference.countTokensOrdinary(replaced);
        }
    }

    @ParameterizedTest
    @CsvSource({"o200k_base", "cl100k_base"})
    void longPiecesCountAsJtokkitCountsThem(String name) {
        Encoding reference = jtokkit(name);
        BytePairCounter counter = counter(name);
        Random random = new Random(7);
        String[] alphabets = {"abcdefghijklmnopqrstuvwxyz", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "aaaaab", "ـ", "é中ß"};
        for (String alphabet : alphabets) {
            for (int length : new int[] {63, 64, 65, 100, 500, 3_000}) {
                StringBuilder word = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    word.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                // one piece: letters only, no space
                String s = word.toString();
                assertThat(counter.count(s)).as("%s: %d letters of [%s]", name, length, alphabet)
                        .isEqualTo(reference.countTokensOrdinary(s));
            }
        }
        String spaces = " ".repeat(5_000) + "x";
        assertThat(counter.count(spaces)).isEqualTo(reference.countTokensOrdinary(spaces));
    }

    @Test
    void theRankTableHoldsEveryTokenOfTheFile() {
        assertThat(counter("o200k_base").size()).isEqualTo(199_998);
        assertThat(counter("cl100k_base").size()).isEqualTo(100_256);
    }
}
