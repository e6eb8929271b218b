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
 * BLEU against published reference values, copied from mjpost/sacrebleu {@code test/test_bleu.py} [B]
 * (EPSILON 1e-8) and {@code test/test_sentence_bleu.py} [SB] (EPSILON 1e-3).
 */
class BleuReferenceTest {

    static final List<List<String>> REFS = List.of(
            List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
            List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));
    static final List<String> HYPS = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");

    /** [B] test_corpus_bleu_cases. */
    @Test
    void sacrebleuCorpusCases() {
        assertThat(Bleu.corpusDefaults().corpusScore(HYPS, REFS).score()).isCloseTo(48.530827, within(1e-6));
        assertThat(Bleu.corpusDefaults().corpusScore(List.of("", "", ""), REFS).score()).isCloseTo(0.0, within(1e-8));
        assertThat(new Bleu(Bleu.Tokenization.NONE, Bleu.Smoothing.EXP, null, false, false).corpusScore(HYPS, REFS).score())
                .isCloseTo(49.1919566, within(1e-6));
        assertThat(new Bleu(Bleu.Tokenization.T13A, Bleu.Smoothing.NONE, null, false, false).corpusScore(HYPS, REFS).score())
                .isCloseTo(48.530827, within(1e-6));
    }

    /** sacrebleu.raw_corpus_bleu(sys, refs, smooth_value) = floor smoothing, tokenize none, effective order. */
    static Bleu raw(Double floor) {
        return new Bleu(Bleu.Tokenization.NONE, Bleu.Smoothing.FLOOR, floor, false, true);
    }

    /** [B] test_raw_bleu_cases and test_case_effective_order (score / 100, smooth_value 0.01). */
    static Stream<Arguments> rawCases() {
        return Stream.of(
                Arguments.of(List.of("this is a test", "another test"), List.of(List.of("ref1", "ref2")), 0.0),
                Arguments.of(List.of("this is a test"), List.of(List.of("this is a test")), 1.0),
                Arguments.of(List.of("this is a fest"), List.of(List.of("this is a test")), 0.223606797749979),
                Arguments.of(List.of("test"), List.of(List.of("a test")), 0.3678794411714425),
                Arguments.of(List.of("a test"), List.of(List.of("a test")), 1.0),
                Arguments.of(List.of("a little test"), List.of(List.of("a test")), 0.03218297948685433));
    }

    @ParameterizedTest
    @MethodSource("rawCases")
    void sacrebleuRawCases(List<String> hyps, List<List<String>> refs, double expected) {
        assertThat(raw(0.01).corpusScore(hyps, refs).score() / 100).isCloseTo(expected, within(1e-8));
    }

    /** [B] test_case_statistics, test_offset (offset 0.0 → 0, default floor 0.1 → 0.1555722182). */
    @Test
    void sacrebleuStatisticsAndOffset() {
        List<String> sys = List.of("am I am a character sequence");
        List<List<String>> ref = List.of(List.of("I am a symbol string sequence a a"));
        Bleu.Score s = raw(0.01).corpusScore(sys, ref);
        assertThat(s.counts()).containsExactly(4, 2, 1, 0);
        assertThat(s.totals()).containsExactly(6, 5, 4, 3);
        assertThat(raw(0.0).corpusScore(sys, ref).score() / 100).isCloseTo(0.0, within(1e-8));
        assertThat(raw(null).corpusScore(sys, ref).score() / 100).isCloseTo(0.1555722182, within(1e-8));
    }

    /** [B] test_case_scoring: compute_bleu([9,7,5,3], [10,8,6,4], 11, 11) = 0.8375922397. */
    @Test
    void sacrebleuScoringFromStatistics() {
        Bleu.Score s = Bleu.compute(new long[] {9, 7, 5, 3}, new long[] {10, 8, 6, 4}, 11, 11, Bleu.Smoothing.NONE, 0, false);
        assertThat(s.score() / 100).isCloseTo(0.8375922397, within(1e-8));
    }

    static final String REF = "producţia de zahăr brut se exprimă în zahăr alb;";
    static final String SYS = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    /** [SB] test_cases (sentence BLEU, effective order), 13a and none tokenisers. */
    static Stream<Arguments> sentenceCases() {
        return Stream.of(
                Arguments.of(Bleu.Smoothing.EXP, null, Bleu.Tokenization.T13A, 8.493),
                Arguments.of(Bleu.Smoothing.NONE, null, Bleu.Tokenization.T13A, 0.0),
                Arguments.of(Bleu.Smoothing.FLOOR, null, Bleu.Tokenization.T13A, 4.51688),
                Arguments.of(Bleu.Smoothing.FLOOR, 0.1, Bleu.Tokenization.T13A, 4.51688),
                Arguments.of(Bleu.Smoothing.FLOOR, 0.5, Bleu.Tokenization.T13A, 10.10),
                Arguments.of(Bleu.Smoothing.ADD_K, null, Bleu.Tokenization.T13A, 14.882),
                Arguments.of(Bleu.Smoothing.ADD_K, 1.0, Bleu.Tokenization.T13A, 14.882),
                Arguments.of(Bleu.Smoothing.ADD_K, 2.0, Bleu.Tokenization.T13A, 21.389),
                Arguments.of(Bleu.Smoothing.EXP, null, Bleu.Tokenization.NONE, 7.347));
    }

    @ParameterizedTest
    @MethodSource("sentenceCases")
    void sacrebleuSentenceCases(Bleu.Smoothing smoothing, Double value, Bleu.Tokenization tok, double expected) {
        Bleu bleu = new Bleu(tok, smoothing, value, false, true);
        assertThat(bleu.sentenceScore(SYS, List.of(REF)).score()).isCloseTo(expected, within(1e-3));
    }

    /** [SB] test_cases_zero_bleu: "this is a cat" vs "okay thanks" → 0 for every smoothing. */
    @Test
    void sacrebleuZeroSentenceCases() {
        for (Bleu.Smoothing sm : Bleu.Smoothing.values()) {
            assertThat(new Bleu(Bleu.Tokenization.T13A, sm, null, false, true).sentenceScore("this is a cat", List.of("okay thanks"))
                    .score()).isCloseTo(0.0, within(1e-3));
        }
        assertThat(Bleu.sentenceDefaults().sentenceScore(SYS, List.of(REF)).score()).isCloseTo(8.493, within(1e-3));
    }

    @Test
    void tokenizer13aSplitsPunctuationButNotNumbers() {
        assertThat(Tokenizer13a.tokenize("It wasn't 3.5 km, (really) 2-3 &amp; more.")).isEqualTo("It wasn't 3.5 km , ( really ) 2 - 3 & more .");
    }
}
