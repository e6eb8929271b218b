package io.khulasa.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

class NameListExtractorTest {

    /** The default of khulasa.chunking.max-names. */
    private static final int MAX_NAMES = 30;
    private final NameListExtractor extractor = new NameListExtractor(MAX_NAMES);

    @Test
    void referenceArticleNames() {
        List<String> names = extractor.extract(Articles.reference());
        assertThat(names).containsSubsequence(
                "قره باغ", "خلوصي آكار", "سيرغي شويغو", "رجب طيب أردوغان", "فلاديمير بوتين",
                "إلهام علييف", "نيكول باشينيان", "كلبجار", "أغدام", "لاتشين");
        assertThat(names).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(MAX_NAMES);
        assertThat(names).doesNotContain("آكار", "شويغو", "أردوغان", "بوتين", "علييف"); // parts of full names
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("guillemets and straight quotes",
                        "قالت «منظمة العفو» إن \"حسن نصر\" غادر.", List.of("منظمة العفو", "حسن نصر")),
                Arguments.of("capitalised Latin words and acronyms",
                        "أعلن حلف NATO ومنظمة Human Rights Watch موقفهما.", List.of("NATO", "Human Rights Watch")),
                Arguments.of("repeated name after a role word",
                        "التقى الرئيس السوري بشار الأسد وفدا. وقال بشار الأسد إن الوضع جيد.",
                        List.of("بشار الأسد")),
                Arguments.of("role word with prefix and a field adjective",
                        "اتصل بوزير الخارجية سامح شكري. وأكد سامح شكري دعمه.", List.of("سامح شكري")),
                Arguments.of("a sequence seen once after a role word is not a name",
                        "قال الرئيس إن الحكومة ستعمل بجد.", List.of()),
                Arguments.of("long quoted speech is not a name",
                        "قال: “إن الحكومة ستواصل العمل على تحقيق الاستقرار في جميع المناطق دون استثناء” ثم غادر.",
                        List.of()),
                Arguments.of("duplicates ignoring diacritics and tatweel",
                        "زار “دمشق” ثم عاد إلى “دمـشـق”.", List.of("دمشق")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extracts(String name, String article, List<String> expected) {
        assertThat(extractor.extract(article)).containsExactlyElementsOf(expected);
    }

    @Test
    void listIsCapped() {
        StringBuilder article = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            article.append("زار “مدينة").append((char) ('أ' + i % 20)).append(i).append("” ");
        }
        assertThat(new NameListExtractor(5).extract(article.toString())).hasSize(5);
    }

    @Test
    void deterministic() {
        assertThat(extractor.extract(Articles.reference())).isEqualTo(extractor.extract(Articles.reference()));
    }
}
