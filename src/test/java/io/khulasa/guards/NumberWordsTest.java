package io.khulasa.guards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The number guard's word tables ({@value NumberWords#RESOURCE}): complete, consistent, and checked when read. */
class NumberWordsTest {

    static final NumberWords WORDS = NumberWords.load();

    @Test
    void theEnglishTablesHoldEveryNumberWordAndScale() {
        Set<Long> expected = new HashSet<>();
        LongStream.rangeClosed(0, 19).forEach(expected::add);
        LongStream.rangeClosed(2, 9).forEach(t -> expected.add(t * 10));
        assertThat(new HashSet<>(WORDS.englishNumbers().values())).isEqualTo(expected);
        assertThat(WORDS.englishNumbers()).hasSize(28).containsEntry("zero", 0L).containsEntry("nineteen", 19L)
                .containsEntry("ninety", 90L);
        assertThat(WORDS.englishScales()).containsOnly(Map.entry("hundred", 100L), Map.entry("thousand", 1_000L),
                Map.entry("million", 1_000_000L), Map.entry("billion", 1_000_000_000L),
                Map.entry("trillion", 1_000_000_000_000L));
        assertThat(WORDS.englishCountNouns()).contains("year", "years", "percent", "dollars");
    }

    @Test
    void theArabicNumbersCoverOneToTenTheTensAndTheHundreds() {
        Set<Long> values = new HashSet<>(WORDS.arabicNumbers().values());
        LongStream.rangeClosed(1, 10).forEach(v -> assertThat(values).as("a word for %d", v).contains(v));
        LongStream.rangeClosed(2, 9).forEach(t -> assertThat(values).as("a word for %d", t * 10).contains(t * 10));
        LongStream.rangeClosed(1, 9).forEach(h -> assertThat(values).as("a word for %d", h * 100).contains(h * 100));
        assertThat(WORDS.arabicNumbers()).containsEntry("خمسة", 5L).containsEntry("تسعمائة", 900L)
                .containsEntry("عامين", 2L).containsEntry("ألفين", 2_000L);
        assertThat(new HashSet<>(WORDS.arabicScales().values()))
                .containsOnly(1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L);
    }

    @Test
    void everyMonthHasANameAndTheFirstTenOrdinalsAreThere() {
        Set<Long> values = new HashSet<>(WORDS.arabicSourceOnly().values());
        LongStream.rangeClosed(1, 12).forEach(m -> assertThat(values).as("month %d", m).contains(m));
        assertThat(WORDS.arabicSourceOnly()).containsEntry("يناير", 1L).containsEntry("ديسمبر", 12L)
                .containsEntry("كانون", 12L).containsEntry("الأول", 1L).containsEntry("العاشرة", 10L);
    }

    @Test
    void everyScaleAfterDigitsHasTheValueItHasAsAWord() {
        for (Map.Entry<String, Long> e : WORDS.scalesAfterDigits().entrySet()) {
            Long asWord = WORDS.englishScales().getOrDefault(e.getKey(),
                    WORDS.arabicScales().getOrDefault(e.getKey(), WORDS.arabicNumbers().get(e.getKey())));
            if (!e.getKey().equals("bn")) { // the one abbreviation
                assertThat(asWord).as("'%s' as a word", e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(new HashSet<>(WORDS.scalesAfterDigits().values()))
                .containsOnly(100L, 1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L);
    }

    @Test
    void wordsAreWrittenAsTheGuardLooksThemUp() {
        // English in lower case (the guard lower-cases what it reads); Arabic as bare letters, without diacritics
        // or tatweel (the guard removes them before a look-up).
        Set<String> english = new HashSet<>(WORDS.englishNumbers().keySet());
        english.addAll(WORDS.englishScales().keySet());
        english.addAll(WORDS.englishCountNouns());
        assertThat(english).allMatch(w -> w.matches("[a-z]+"), "lower-case ASCII letters");
        Set<String> arabic = new HashSet<>(WORDS.arabicNumbers().keySet());
        arabic.addAll(WORDS.arabicScales().keySet());
        arabic.addAll(WORDS.arabicSourceOnly().keySet());
        assertThat(arabic).allMatch(w -> w.matches("[\\u0621-\\u063A\\u0641-\\u064A]+"), "Arabic letters only");
        assertThat(WORDS.scalesAfterDigits().keySet()).allMatch(w -> w.equals(w.toLowerCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a word under two values       | {3: [ثلاث], 4: [ثلاث]}         | {2: [عامين]} | 'ثلاث' stands under 3 and 4 in arabic.numbers
            a word listed twice           | {3: [ثلاث, ثلاث]}              | {2: [عامين]} | 'ثلاث' is listed twice in arabic.numbers.3
            a key that is no number       | {three: [ثلاث]}                | {2: [عامين]} | a key that is no whole number: 'three'
            a value written twice         | {3: [ثلاث], 3: [ثلاثة]}        | {2: [عامين]} | Duplicate field '3'
            a phrase instead of a word    | {3: [ثلاث مرات]}               | {2: [عامين]} | no single word
            an empty list                 | {3: []}                        | {2: [عامين]} | 'arabic.numbers.3' must be a list of words
            a dual that is also a numeral | {3: [ثلاث]}                    | {2: [ثلاث]}  | 'ثلاث' stands under 3 and 2 in arabic.counted-duals
            """)
    void aBrokenNumberTableIsRejectedNamingTheEntry(String what, String numbers, String duals, String message) {
        String yaml = valid().replace("  numbers: {1: [واحد]}\n", "  numbers: " + numbers + "\n")
                .replace("  counted-duals: {2: [عامين]}\n", "  counted-duals: " + duals + "\n");
        assertThat(yaml).isNotEqualTo(valid());
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a plural scale that is no scale    | plural-scales: [آلاف]       | plural-scales: [ملايين]   | 'ملايين' of arabic.plural-scales is not in arabic.scales
            a pronoun that is no number        | pronoun-like: [واحد]        | pronoun-like: [أحد]       | 'أحد' of arabic.pronoun-like is not in arabic.numbers
            a month name that is also a number | source-only: {12: [ديسمبر]} | source-only: {1: [واحد]}  | 'واحد' is in both arabic.source-only and arabic.numbers
            a missing table                    | scales-after-digits:        | other:                    | no 'scales-after-digits' table
            """)
    void inconsistentTablesAreRejected(String what, String from, String to, String message) {
        String yaml = valid().replace(from, to);
        assertThat(yaml).isNotEqualTo(valid());
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }

    @Test
    void theSmallestValidFileIsAccepted() throws IOException {
        NumberWords words = parse(valid());
        assertThat(words.arabicNumbers()).containsOnly(Map.entry("واحد", 1L), Map.entry("عامين", 2L));
        assertThat(words.scalesAfterDigits()).containsOnly(Map.entry("thousand", 1_000L), Map.entry("آلاف", 1_000L));
    }

    static String valid() {
        return """
                english:
                  numbers: {1: [one]}
                  scales: {1000: [thousand]}
                  count-nouns: [years]
                arabic:
                  numbers: {1: [واحد]}
                  counted-duals: {2: [عامين]}
                  scales: {1000: [آلاف]}
                  plural-scales: [آلاف]
                  pronoun-like: [واحد]
                  source-only: {12: [ديسمبر]}
                scales-after-digits:
                  1000: [thousand, آلاف]
                """;
    }

    static NumberWords parse(String yaml) throws IOException {
        try (InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))) {
            return NumberWords.parse(in);
        }
    }
}
