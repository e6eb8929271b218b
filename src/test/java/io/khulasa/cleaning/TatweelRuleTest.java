package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule 3: decorative tatweel goes, meaningful tatweel (prefix before a non-letter) stays. */
class TatweelRuleTest {

    private final TatweelRule rule = new TatweelRule();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            العـــربية => العربية
            الـفلسطينية => الفلسطينية
            جـــداً => جداً
            كـِتاب => كِتاب
            مـحـمـد => محمد
            الـلـه => الله
            بـيـروت، => بيروت،
            لـCNN => لـCNN
            الـ16 => الـ16
            الـ => الـ
            بـ"أعلى" => بـ"أعلى"
            هـ => هـ
            1445هـ => 1445هـ
            ـــــ => ـــــ
            بـ(الحرب) => بـ(الحرب)
            ـكتاب => ـكتاب
            """)
    void tatweel(String in, String expected) {
        assertThat(rule.apply(in)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            الـ 130 ألف => الـ 130 ألف
            العـــربية الـجديدة => العربية الجديدة
            """)
    void tatweelInSentences(String in, String expected) {
        CleaningLog log = new CleaningLog();
        assertThat(new ArticleCleaner().cleanCharacters(in, log)).isEqualTo(expected);
        if (!in.equals(expected)) {
            assertThat(log.repairedWords).extracting(RepairedWord::rule).containsOnly(RuleNames.TATWEEL);
        }
    }
}
