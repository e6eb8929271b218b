package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * ROUGE against published reference values from google-research/google-research {@code rouge/rouge_scorer_test.py}
 * (no stemming). The two "AgainstRouge155" inputs are lines 1 and 2 of {@code rouge/testdata/target.txt} and
 * {@code rouge/testdata/prediction.txt} (random strings, reproduced as test inputs), expected figures from
 * ROUGE-1.5.5 as given in that test.
 */
class RougeReferenceTest {

    static final Rouge ROUGE = new Rouge(new RougeTokenizer(true));

    static final String TARGET_0 = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n";
    static final String TARGET_1 = "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n";
    static final String PREDICTION_0 = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n";
    static final String PREDICTION_1 = "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n";

    @Test
    void simpleCases() {
        Rouge.Score r1 = ROUGE.rougeN("testing one two", "testing", 1);
        assertThat(r1.precision()).isCloseTo(1.0, within(1e-7));
        assertThat(r1.recall()).isCloseTo(1 / 3.0, within(1e-7));
        assertThat(r1.fmeasure()).isCloseTo(1 / 2.0, within(1e-7));

        Rouge.Score r2 = ROUGE.rougeN("testing one two", "testing one", 2);
        assertThat(r2.precision()).isCloseTo(1.0, within(1e-7));
        assertThat(r2.recall()).isCloseTo(1 / 2.0, within(1e-7));
        assertThat(r2.fmeasure()).isCloseTo(2 / 3.0, within(1e-7));

        for (String pred : new String[] {"testing one", "testing two"}) { // consecutive and non-consecutive LCS
            Rouge.Score l = ROUGE.rougeL("testing one two", pred);
            assertThat(l.precision()).isCloseTo(1.0, within(1e-7));
            assertThat(l.recall()).isCloseTo(2 / 3.0, within(1e-7));
            assertThat(l.fmeasure()).isCloseTo(4 / 5.0, within(1e-7));
        }
        Rouge.Scores empty = ROUGE.score("testing one two", "");
        assertThat(empty.rouge1().fmeasure()).isZero();
        assertThat(empty.rouge2().fmeasure()).isZero();
        assertThat(empty.rougeL().fmeasure()).isZero();
    }

    @Test
    void againstRouge155() {
        Rouge.Scores s0 = ROUGE.score(TARGET_0, PREDICTION_0);
        assertScore(s0.rouge1(), 0.68750, 0.40741, 0.51163);
        assertScore(s0.rouge2(), 0.53333, 0.30769, 0.39024);
        assertScore(s0.rougeL(), 0.68750, 0.40741, 0.51163);
        Rouge.Scores s1 = ROUGE.score(TARGET_1, PREDICTION_1);
        assertScore(s1.rouge1(), 0.65385, 0.40476, 0.50000);
        assertScore(s1.rouge2(), 0.48000, 0.29268, 0.36364);
        assertScore(s1.rougeL(), 0.65385, 0.40476, 0.50000);
    }

    private static void assertScore(Rouge.Score s, double p, double r, double f) {
        assertThat(s.precision()).isCloseTo(p, within(5e-6));
        assertThat(s.recall()).isCloseTo(r, within(5e-6));
        assertThat(s.fmeasure()).isCloseTo(f, within(5e-6));
    }

    @Test
    void arabicTokenisationIgnoresDiacriticsTatweelAndFoldsLettersWhenAsked() {
        RougeTokenizer folding = new RougeTokenizer(true);
        assertThat(folding.tokenize("قالَ الرئيسُ: «إنّ الـمـدينة هادئة»، 2024.")).containsExactly(
                "قال", "الرييس".replace("يي", "ئي"), "ان", "المدينه", "هاديه".replace("دي", "دئ"), "2024");
        RougeTokenizer plain = new RougeTokenizer(false);
        assertThat(plain.tokenize("إنّ المدينة")).containsExactly("إن", "المدينة");
        assertThat(new Rouge(folding).score("إن المدينة هادئة", "ان المدينه هادئه").rouge1().fmeasure()).isCloseTo(1.0, within(1e-9));
        assertThat(new Rouge(plain).score("إن المدينة هادئة", "ان المدينة هادئه").rouge1().fmeasure()).isCloseTo(1 / 3.0, within(1e-9));
    }
}
