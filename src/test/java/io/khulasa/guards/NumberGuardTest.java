package io.khulasa.guards;

import static io.khulasa.guards.ReferenceOutputs.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

class NumberGuardTest {

    @Test
    void aSourceIsReadOnceAndEachNumberKnowsWhereItStarts() {
        String source = "قتل 5 مدنيين في البلدين يوم 3 آذار، وأصيب خمسة وعشرون آخرون. Two ministers met.";
        List<NumberGuard.FoundNumber> read = NumberGuard.sourceNumbers(source);
        assertThat(read).isEqualTo(NumberGuard.extract(source, true)).isNotEmpty();
        for (NumberGuard.FoundNumber number : read) {
            assertThat(source.substring(number.start())).as(number.surface()).startsWith(number.surface());
        }
        assertThat(NumberGuard.sourceNumbers(new String(source.toCharArray()))).as("the same text: the first reading")
                .isSameAs(read);
        assertThat(NumberGuard.sourceNumbers(source + " 7")).isNotSameAs(read)
                .anySatisfy(n -> assertThat(n.values()).contains(new BigDecimal("7")));
    }


    private final NumberGuard guard = new NumberGuard();

    // ---- wrong numbers against the reference article: all must be caught ----

    static Stream<Arguments> wrongNumbers() {
        return Stream.of(
                Arguments.of("Armenian forces must withdraw from Kalbajar, Aghdam and Lachin by December 10.", List.of("10")),
                Arguments.of("Russian peacekeepers will be deployed for seven years, renewable.", List.of("seven")),
                Arguments.of("Russia will deploy 2,000 peacekeepers along the contact line.", List.of("2,000")),
                Arguments.of("The withdrawal must be completed by December 1, 2020.", List.of("2020")),
                Arguments.of("The agreement ended a 44-day war in Karabakh.", List.of("44")),
                Arguments.of("Peacekeepers will stay for 15 years.", List.of("15")),
                Arguments.of("Akar and Shoigu spoke three days ago about Syria.", List.of("three")),
                Arguments.of("Russian peacekeepers will be deployed for twenty-five years.", List.of("twenty-five")),
                Arguments.of("The deal affects 3.5 million people.", List.of("3.5 million")),
                Arguments.of("وينص الاتفاق على نشر قوات حفظ سلام روسية لمدة ثلاث سنوات.", List.of("ثلاث")),
                Arguments.of("وينص الاتفاق على انسحاب القوات الأرمينية حتى ١٥ ديسمبر.", List.of("١٥")),
                Arguments.of("وقتل في المعارك 5 آلاف جندي.", List.of("5 آلاف")),
                Arguments.of("وينص الاتفاق على نشر ألفي جندي روسي لمدة خمسة وعشرين عاما.", List.of("خمسة وعشرين")),
                Arguments.of("The peacekeepers will stay for five years, and 10% of them are Armenian.", List.of("10")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongNumbers")
    void wrongNumbersAreCaught(String output, List<String> missing) {
        assertThat(guard.missingNumbers(SOURCE, output)).containsAll(missing);
        GuardResult result = guard.check(SOURCE, output);
        assertThat(result.passed()).isFalse();
        assertThat(result.hard()).isTrue();
        assertThat(result.guard()).isEqualTo("output-number-mismatch");
    }

    // ---- faithful numbers against the reference article: none may be flagged ----

    @ParameterizedTest
    @ValueSource(strings = {
            "The withdrawal must be completed by December 1.",
            "The withdrawal must be completed by 1 December.",
            "The withdrawal must be completed by December 1st.",
            "Peacekeepers will be deployed for five years.",
            "Peacekeepers will be deployed for 5 years under a five-year renewable mandate.",
            "The two ministers and the two presidents spoke; both countries' forces stay where they are.",
            "One of the most important files was Syria; no one expected a deal.",
            "The deadline is 1/12.",
            "وينص الاتفاق على الانسحاب حتى ١ ديسمبر ونشر قوات حفظ سلام لمدة ٥ سنوات.",
            "وينص الاتفاق على نشر قوات حفظ سلام روسية لمدة خمسة أعوام.",
            "ويأتي الاتصال بعد ساعات من اتصال بين الرئيسين، وأكد الوزيران أهمية الاتفاق في آن واحد."})
    void faithfulNumbersPass(String output) {
        assertThat(guard.missingNumbers(SOURCE, output)).isEmpty();
    }

    @Test
    void referenceTranslationAndSummaryPass() {
        assertThat(guard.missingNumbers(SOURCE, ReferenceOutputs.TRANSLATION)).isEmpty();
        assertThat(guard.missingNumbers(SOURCE, ReferenceOutputs.SUMMARY)).isEmpty();
    }

    // ---- spellings of the same value ----

    @ParameterizedTest(name = "source «{0}» covers «{1}»")
    @CsvSource(delimiter = '|', value = {
            "بلغ عدد القتلى 1000 شخص|1,000 people were killed",
            "بلغ عدد القتلى ١٬٠٠٠ شخص|1,000 people were killed",
            "بلغ عدد القتلى 1,000 شخص|1000 people were killed",
            "بلغ عدد القتلى ألف شخص|1,000 people were killed",
            "بلغ عدد القتلى ألف شخص|a thousand people were killed",
            "ارتفع المؤشر ٣٫٥ بالمئة|the index rose 3.5%",
            "ارتفع المؤشر 3,5 بالمئة|the index rose 3.5 percent",
            "ارتفع المؤشر ۳٫۵ بالمئة|the index rose 3.5 percent",
            "يعيش في المدينة مليون شخص|one million people live in the city",
            "يعيش في المدينة مليون شخص|a million people live in the city",
            "يعيش في المدينة 5 ملايين شخص|5 million people live in the city",
            "يعيش في المدينة خمسة ملايين شخص|five million people live in the city",
            "يعيش في المدينة خمسة ملايين شخص|5,000,000 people live in the city",
            "تبلغ الكلفة 2.5 مليار دولار|the cost is $2.5 billion",
            "وصل ثلاثة آلاف وخمسمائة لاجئ|3,500 refugees arrived",
            "قتل خمسة وعشرون جنديا|twenty-five soldiers were killed",
            "قتل خمسة وعشرون جنديا|25 soldiers were killed",
            "وقع الحادث قبل عامين|it happened two years ago",
            "لمدة خمس سنوات|for five years",
            "لمدة خمس سنوات|for 5 years",
            "في الأول من يناير 2021|on 1 January 2021",
            "في العاشر من أكتوبر|on 10/10",
            "نسبة ٪٥٠ من السكان|50% of the population",
            "بعد أحد عشر يوما|eleven days later",
            "بلغ النمو ثلاثمائة ألف|growth reached 300,000"})
    void equivalentSpellingsMatch(String source, String output) {
        assertThat(guard.missingNumbers(source, output)).isEmpty();
    }

    @ParameterizedTest(name = "source «{0}» does not cover «{1}»")
    @CsvSource(delimiter = '|', value = {
            "يعيش في المدينة 5 ملايين شخص|5 billion people live in the city",
            "بلغ عدد القتلى 1000 شخص|10,000 people were killed",
            "ارتفع المؤشر 3.5 بالمئة|the index rose 35%",
            "قتل خمسة وعشرون جنديا|fifty-two soldiers were killed",
            "لمدة خمس سنوات|for one year"})
    void differentValuesDoNotMatch(String source, String output) {
        assertThat(guard.missingNumbers(source, output)).isNotEmpty();
    }

    @Test
    void extractReadsAmbiguousSeparatorsBothWays() {
        assertThat(NumberGuard.readings("1,500", true)).containsExactlyInAnyOrder(new BigDecimal("1500"), new BigDecimal("1.5"));
        assertThat(NumberGuard.readings("1,234.5", false)).containsExactly(new BigDecimal("1234.5"));
        assertThat(NumberGuard.normalizeDigits("١٢٣۴۵")).isEqualTo("12345");
    }

    @Test
    void outputWithoutNumbersPasses() {
        assertThat(guard.check(SOURCE, "The ministers discussed Syria.").passed()).isTrue();
    }
    // ---- a second, number-heavy article (Arabic-Indic digits, decimals, percentages, scales, dates) ----

    private static final String ECONOMY = "أعلن البنك المركزي المصري، يوم الخميس ١٢ أكتوبر ٢٠٢٣، رفع سعر الفائدة "
            + "بمقدار ٢٠٠ نقطة أساس إلى ١٩٫٢٥٪، وهي الزيادة الثالثة هذا العام. وقال البنك إن التضخم السنوي بلغ "
            + "٣٧٫٩٪ في سبتمبر، مقارنة بـ ٣٧٫٤٪ في أغسطس. وأضاف أن احتياطي النقد الأجنبي ارتفع إلى ٣٤٫٩ مليار "
            + "دولار، فيما تجاوز عدد السكان ١٠٥ ملايين نسمة. وتوقع خبراء أن يستمر التضخم فوق ٣٠ في المئة خلال "
            + "العامين المقبلين.";

    @ParameterizedTest
    @ValueSource(strings = {
            "On Thursday, October 12, 2023, the Central Bank of Egypt raised interest rates by 200 basis points to "
                    + "19.25%, the third increase this year. The bank said annual inflation reached 37.9% in September, "
                    + "compared with 37.4% in August. It added that foreign reserves rose to $34.9 billion, while the "
                    + "population exceeded 105 million. Experts expect inflation to remain above 30 percent over the "
                    + "next two years.",
            "رفع البنك المركزي المصري سعر الفائدة إلى 19.25% في 12 أكتوبر 2023، بعد أن بلغ التضخم ٣٧٫٩٪.",
            "Egypt's central bank raised rates to 19.25 per cent on 12/10/2023."})
    void faithfulEconomyOutputsPass(String output) {
        assertThat(guard.missingNumbers(ECONOMY, output)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The central bank raised rates to 19.5%.|19.5",
            "Foreign reserves rose to $34.9 million.|34.9 million",
            "The bank raised rates by 300 basis points.|300",
            "Inflation reached 39.7% in September.|39.7",
            "The population exceeded 150 million.|150 million",
            "رفع البنك سعر الفائدة في 21 أكتوبر.|21"})
    void wrongEconomyNumbersAreCaught(String output, String missing) {
        assertThat(guard.missingNumbers(ECONOMY, output)).contains(missing);
    }
}
