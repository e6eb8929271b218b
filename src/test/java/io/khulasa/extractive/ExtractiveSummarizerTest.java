package io.khulasa.extractive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khulasa.chunking.Articles;
import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.extractive.ExtractiveSummary.SelectedSentence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    private final SentenceSplitter splitter = new SentenceSplitter();

    /** The reference article as the cleaner would give it: no title lines, byline or «اقرأ أيضاً» links. */
    static String cleanedReference() {
        return Articles.reference().lines().skip(3)
                .filter(line -> !line.startsWith("اقرأ أيضاً"))
                .collect(Collectors.joining("\n"));
    }

    /** A short made-up article with a clear lead. */
    static final String FLOOD = String.join("\n",
            "أعلنت السلطات في مدينة درنة الليبية ارتفاع عدد ضحايا الفيضانات إلى أكثر من ألف شخص. وقالت إن فرق الإنقاذ ما زالت تبحث عن مفقودين.",
            "وأوضح المتحدث باسم الحكومة أن الفيضانات دمرت أحياء كاملة في المدينة. وأضاف أن السدود انهارت بعد الأمطار الغزيرة.",
            "وأرسلت دول عربية وأجنبية فرق إنقاذ ومساعدات إلى المدينة. ووصلت أول طائرة مساعدات مساء الأمس.",
            "من جهة أخرى، ارتفعت أسعار الخبز في العاصمة.",
            "وطالب سكان المدينة بفتح تحقيق في انهيار السدود التي لم تخضع للصيانة منذ سنوات.");

    static Stream<Arguments> articlesAndLengths() {
        return Stream.of(SummaryLength.values()).flatMap(length -> Stream.of(
                Arguments.of("reference", cleanedReference(), length),
                Arguments.of("raw reference", Articles.reference(), length),
                Arguments.of("flood", FLOOD, length)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("articlesAndLengths")
    void summariesAreVerbatimWholeSentencesInArticleOrder(String name, String article, SummaryLength length) {
        ExtractiveSummary summary = summarizer.summarize(article, length);
        List<String> articleSentences = splitter.split(article).stream().map(String::strip).toList();

        assertThat(summary.sentences()).hasSize(Math.min(length.sentences(), articleSentences.size()));
        assertThat(summary.sentences()).extracting(SelectedSentence::index).isSorted().doesNotHaveDuplicates();
        assertThat(summary.sentences()).allSatisfy(s -> {
            assertThat(articleSentences.get(s.index())).isEqualTo(s.text()); // whole sentence, verbatim
            assertThat(article).contains(s.text());
        });
        assertThat(summary.text()).isEqualTo(
                summary.sentences().stream().map(SelectedSentence::text).collect(Collectors.joining(" ")));
    }

    @ParameterizedTest
    @EnumSource(SummaryLength.class)
    void deterministic(SummaryLength length) {
        String article = cleanedReference();
        ExtractiveSummary first = summarizer.summarize(article, length);
        for (int i = 0; i < 5; i++) {
            assertThat(new ExtractiveSummarizer().summarize(article, length)).isEqualTo(first);
        }
    }

    @Test
    void longerSummariesContainTheShorterOnesMostly() {
        String article = cleanedReference();
        var shortOne = summarizer.summarize(article, SummaryLength.SHORT).sentences();
        var longOne = summarizer.summarize(article, SummaryLength.LONG).sentences();
        assertThat(longOne).extracting(SelectedSentence::index)
                .containsAll(shortOne.stream().map(SelectedSentence::index).toList());
    }

    @Test
    void shortSummaryOfTheReferenceLeadsWithTheMinistersCall() {
        ExtractiveSummary summary = summarizer.summarize(cleanedReference(), SummaryLength.SHORT);
        assertThat(summary.sentences().get(0).text()).startsWith("بحث وزير الدفاع التركي “خلوصي آكار”");
    }

    @Test
    void duplicatedTitleIsSelectedAtMostOnce() {
        ExtractiveSummary summary = summarizer.summarize(Articles.reference(), SummaryLength.LONG);
        long titles = summary.sentences().stream()
                .filter(s -> s.text().startsWith("محادثات روسية تركية جديدة")).count();
        assertThat(titles).isLessThanOrEqualTo(1);
        assertThat(summary.sentences()).noneMatch(s -> s.text().startsWith("طيف بوست"));
    }

    @Test
    void offTopicSentenceIsNotInTheShortSummary() {
        ExtractiveSummary summary = summarizer.summarize(FLOOD, SummaryLength.MEDIUM);
        assertThat(summary.text()).doesNotContain("أسعار الخبز");
        assertThat(summary.sentences().get(0).index()).isZero();
    }

    @Test
    void shortArticlesAreReturnedWhole() {
        String one = "وصل الوفد التركي إلى موسكو صباح اليوم لبحث الملف السوري.";
        assertThat(summarizer.summarize(one, SummaryLength.LONG).text()).isEqualTo(one);
    }

    @Test
    void emptyArticleGivesAnEmptySummary() {
        assertThat(summarizer.summarize("", SummaryLength.SHORT).text()).isEmpty();
        assertThat(summarizer.summarize("\n \n", SummaryLength.SHORT).sentences()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"short,SHORT", "Medium,MEDIUM", " LONG ,LONG"})
    void lengthsParse(String value, SummaryLength expected) {
        assertThat(SummaryLength.parse(value)).isEqualTo(expected);
    }

    @Test
    void unknownLengthIsRejected() {
        assertThatThrownBy(() -> SummaryLength.parse("tiny")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SummaryLength.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void foldingIgnoresSpellingVariants() {
        assertThat(ExtractiveSummarizer.fold("والإتفاق")).isEqualTo(ExtractiveSummarizer.fold("الاتفاق"));
        assertThat(ExtractiveSummarizer.fold("روسيـة")).isEqualTo(ExtractiveSummarizer.fold("روسيه"));
    }
}
