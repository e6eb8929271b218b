package io.khulasa.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("two Arabic sentences",
                        "وصل الوفد إلى أنقرة. وبدأت المحادثات مساء.",
                        List.of("وصل الوفد إلى أنقرة. ", "وبدأت المحادثات مساء.")),
                Arguments.of("question and exclamation marks",
                        "هل انتهت الحرب؟ لا أحد يعرف! الانتظار مستمر.",
                        List.of("هل انتهت الحرب؟ ", "لا أحد يعرف! ", "الانتظار مستمر.")),
                Arguments.of("newline is a hard break",
                        "السطر الأول بلا نقطة\nالسطر الثاني",
                        List.of("السطر الأول بلا نقطة\n", "السطر الثاني")),
                Arguments.of("abbreviation د.",
                        "قال د. محمد علي إن الوضع صعب. وأضاف أنه متفائل.",
                        List.of("قال د. محمد علي إن الوضع صعب. ", "وأضاف أنه متفائل.")),
                Arguments.of("abbreviation أ.د.",
                        "وأوضح أ.د. سامي يوسف أن النتائج جيدة. وانتهى اللقاء.",
                        List.of("وأوضح أ.د. سامي يوسف أن النتائج جيدة. ", "وانتهى اللقاء.")),
                Arguments.of("abbreviations م. and هـ.",
                        "ولد عام 1950 م. في دمشق وتوفي سنة 1442 هـ. في عمان. وكان شاعرا.",
                        List.of("ولد عام 1950 م. في دمشق وتوفي سنة 1442 هـ. في عمان. ", "وكان شاعرا.")),
                Arguments.of("abbreviations ق.م and ص.ب",
                        "بنيت المدينة عام 300 ق.م. وعنوانها ص.ب. 1234 عمان. انتهى.",
                        List.of("بنيت المدينة عام 300 ق.م. وعنوانها ص.ب. 1234 عمان. ", "انتهى.")),
                Arguments.of("Latin abbreviations Dr. and U.S.",
                        "Dr. Smith met U.S. President Biden. They talked.",
                        List.of("Dr. Smith met U.S. President Biden. ", "They talked.")),
                Arguments.of("a dot inside an obfuscated word does not end a sentence",
                        "تسوية الصـ.ـراع في الإقليم. وقف إطـ.ـلاق النـ.ـار.",
                        List.of("تسوية الصـ.ـراع في الإقليم. ", "وقف إطـ.ـلاق النـ.ـار.")),
                Arguments.of("a word ending in د before a dot still ends a sentence",
                        "عاد إلى البلاد. وبدأ العمل.",
                        List.of("عاد إلى البلاد. ", "وبدأ العمل.")),
                Arguments.of("decimal numbers stay whole",
                        "بلغ النمو 3.5 بالمئة. وهو رقم جيد.",
                        List.of("بلغ النمو 3.5 بالمئة. ", "وهو رقم جيد.")),
                Arguments.of("empty lines are their own segments",
                        "أ\n\nب",
                        List.of("أ\n", "\n", "ب")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splits(String name, String text, List<String> expected) {
        assertThat(splitter.split(text)).containsExactlyElementsOf(expected);
        assertThat(String.join("", splitter.split(text))).isEqualTo(text);
    }

    @Test
    void emptyTextHasNoSentences() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.boundaries("")).isEmpty();
    }

    @Test
    void referenceArticleSegmentsCoverTheText() {
        String article = Articles.reference();
        List<String> sentences = splitter.split(article);
        assertThat(String.join("", sentences)).isEqualTo(article);
        assertThat(sentences.size()).isGreaterThanOrEqualTo(article.split("\n").length);
        assertThat(sentences).noneMatch(s -> s.contains("الصـ.") && !s.contains("ـراع"));
    }
}
