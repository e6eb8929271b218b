package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * chrF / chrF++ against published reference values. Figures are copied from:
 * <ul>
 * <li>[S] mjpost/sacrebleu {@code test/test_chrf.py} (EPSILON 1e-4);</li>
 * <li>[H] huggingface/datasets {@code metrics/chrf/README.md} examples (sacreBLEU CHRF, defaults β 2, nc 6).</li>
 * </ul>
 */
class ChrfReferenceTest {

    static final double EPSILON = 1e-4;

    /** [S] test_cases: corpus_chrf(char_order=6, word_order=0, beta=3, eps_smoothing=True). */
    static Stream<Arguments> epsSmoothing() {
        return Stream.of(
                Arguments.of(List.of("abcdefg"), List.of("hijklmnop"), 0.0),
                Arguments.of(List.of("a"), List.of("b"), 0.0),
                Arguments.of(List.of(""), List.of("b"), 0.0),
                Arguments.of(List.of(""), List.of("ref"), 0.0),
                Arguments.of(List.of(""), List.of("reference"), 0.0),
                Arguments.of(List.of("aa"), List.of("ab"), 8.3333),
                Arguments.of(List.of("a", "b"), List.of("a", "c"), 8.3333),
                Arguments.of(List.of("a"), List.of("a"), 16.6667),
                Arguments.of(List.of("a b c"), List.of("a b c"), 50.0),
                Arguments.of(List.of("a b c"), List.of("abc"), 50.0),
                Arguments.of(List.of(" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."),
                        List.of("risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."), 63.361730),
                Arguments.of(List.of(" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "),
                        List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."), 64.1302698),
                Arguments.of(List.of("Niemand hat die Absicht, eine Mauer zu errichten"),
                        List.of("Niemand hat die Absicht, eine Mauer zu errichten"), 100.0));
    }

    @ParameterizedTest
    @MethodSource("epsSmoothing")
    void sacrebleuEpsSmoothingCases(List<String> hyps, List<String> refs, double expected) {
        Chrf chrf = new Chrf(6, 0, 3, false, false, true);
        assertThat(chrf.corpusScore(hyps, List.of(refs))).isCloseTo(expected, within(EPSILON));
    }

    /** [S] test_cases_effective_order: corpus_chrf(char_order=6, word_order=0, beta=3, eps_smoothing=False). */
    static Stream<Arguments> effectiveOrder() {
        return Stream.of(
                Arguments.of(List.of("a"), List.of("a"), 100.0),
                Arguments.of(List.of(""), List.of("reference"), 0.0),
                Arguments.of(List.of("a b c"), List.of("a b c"), 100.0),
                Arguments.of(List.of("a b c"), List.of("abc"), 100.0),
                Arguments.of(List.of(""), List.of("c"), 0.0),
                Arguments.of(List.of("a", "b"), List.of("a", "c"), 50.0),
                Arguments.of(List.of("aa"), List.of("ab"), 25.0));
    }

    @ParameterizedTest
    @MethodSource("effectiveOrder")
    void sacrebleuEffectiveOrderCases(List<String> hyps, List<String> refs, double expected) {
        Chrf chrf = new Chrf(6, 0, 3, false, false, false);
        assertThat(chrf.corpusScore(hyps, List.of(refs))).isCloseTo(expected, within(EPSILON));
    }

    /** [S] test_cases_keep_whitespace: beta=3, remove_whitespace=False. */
    @Test
    void sacrebleuKeepWhitespaceCases() {
        Chrf chrf = new Chrf(6, 0, 3, false, true, false);
        assertThat(chrf.corpusScore(List.of("Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."),
                List.of(List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."))))
                .isCloseTo(67.3481606, within(EPSILON));
        assertThat(chrf.corpusScore(List.of("risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."),
                List.of(List.of("risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."))))
                .isCloseTo(65.2414427, within(EPSILON));
    }

    /** [S] test_sentence_level_chrf: sentence_chrf(hyp, refs, eps_smoothing=True), β 2. */
    static Stream<Arguments> sentenceLevel() {
        return Stream.of(
                Arguments.of("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
                        "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.", 39.14078509),
                Arguments.of("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
                        "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.", 31.22557079),
                Arguments.of("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
                        "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.", 57.15704367));
    }

    @ParameterizedTest
    @MethodSource("sentenceLevel")
    void sacrebleuSentenceLevelCases(String hyp, String ref, double expected) {
        Chrf chrf = new Chrf(6, 0, 2, false, false, true);
        assertThat(chrf.sentenceScore(hyp, List.of(ref))).isCloseTo(expected, within(EPSILON));
    }

    static final List<String> HF_PREDICTIONS = List.of(
            "The relationship between cats and dogs is not exactly friendly.",
            "a good bookshop is just a genteel black hole that knows how to read.");
    static final List<List<String>> HF_REFERENCES = List.of(List.of(
            "The relationship between dogs and cats is not exactly friendly.",
            "A good bookshop is just a genteel Black Hole that knows how to read."));

    /** [H] chrF (defaults) 84.64214891738334; chrF++ (word_order=2) 82.87263732906315; lowercase chrF++ 92.12853119829202. */
    @Test
    void huggingFaceChrfAndChrfPlusPlusExamples() {
        assertThat(Chrf.chrf().corpusScore(HF_PREDICTIONS, HF_REFERENCES)).isCloseTo(84.64214891738334, within(1e-9));
        assertThat(Chrf.chrfPlusPlus().corpusScore(HF_PREDICTIONS, HF_REFERENCES)).isCloseTo(82.87263732906315, within(1e-9));
        assertThat(new Chrf(6, 2, 2, true, false, false).corpusScore(HF_PREDICTIONS, HF_REFERENCES))
                .isCloseTo(92.12853119829202, within(1e-9));
    }

    @Test
    void chrfPlusPlusSplitsOneEdgePunctuationMark() {
        assertThat(Chrf.splitPunctuation("(hi) a, b. \"x\" -")).containsExactly("(hi", ")", "a", ",", "b", ".", "\"x", "\"", "-");
        assertThat(Chrf.chrfPlusPlus().sentenceScore("قره باغ", List.of("قره باغ"))).isCloseTo(100.0, within(1e-9));
    }
}
