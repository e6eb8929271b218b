package io.khulasa.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GlossaryMatcherTest {

    static final GlossaryEntry KARABAKH = new GlossaryEntry("قره باغ", "Nagorno-Karabakh", GlossaryKind.PLACE, null);
    static final GlossaryEntry AKAR = new GlossaryEntry("خلوصي آكار", "Hulusi Akar", GlossaryKind.PERSON, null);
    static final GlossaryEntry HTS = new GlossaryEntry("هيئة تحرير الشام", "Hayat Tahrir al-Sham (HTS)", GlossaryKind.ORGANISATION, null);
    static final GlossaryEntry SHAM = new GlossaryEntry("الشام", "the Levant", GlossaryKind.PLACE, null);
    static final GlossaryEntry IDLIB = new GlossaryEntry("إدلب", "Idlib", GlossaryKind.PLACE, null);
    static final GlossaryEntry MUSTAFA = new GlossaryEntry("مصطفى", "Mustafa", GlossaryKind.PERSON, null);

    static final GlossaryMatcher MATCHER = GlossaryMatcher.of(List.of(KARABAKH, AKAR, HTS, SHAM, IDLIB, MUSTAFA));

    static Stream<Arguments> positives() {
        return Stream.of(
                // text, expected entry, expected surface, expected clitic
                Arguments.of("النزاع في قره باغ مستمر", KARABAKH, "قره باغ", ""),
                Arguments.of("أرمينيا وقره باغ", KARABAKH, "وقره باغ", "و"),
                Arguments.of("عاد لقره باغ", KARABAKH, "لقره باغ", "ل"),
                Arguments.of("عاد بقره باغ", KARABAKH, "بقره باغ", "ب"),
                Arguments.of("مثل كقره باغ", KARABAKH, "كقره باغ", "ك"),
                Arguments.of("فقره باغ", KARABAKH, "فقره باغ", "ف"),
                Arguments.of("القتال بإقليم قره باغ", KARABAKH, "قره باغ", ""),
                Arguments.of("أرمينيا والقره باغ", KARABAKH, "والقره باغ", "وال"),
                Arguments.of("وبالقره باغ", KARABAKH, "وبالقره باغ", "وبال"),
                Arguments.of("فللقره باغ", KARABAKH, "فللقره باغ", "فلل"),
                Arguments.of("قرة باغ", KARABAKH, "قرة باغ", ""),                       // ة/ه
                Arguments.of("قَرَهْ بَاغ", KARABAKH, "قَرَهْ بَاغ", ""),                 // diacritics
                Arguments.of("قــره بـاغ", KARABAKH, "قــره بـاغ", ""),                  // tatweel
                Arguments.of("قره-باغ", KARABAKH, "قره-باغ", ""),                      // hyphen between words
                Arguments.of("قره\u00A0 باغ", KARABAKH, "قره\u00A0 باغ", ""),           // odd spaces
                Arguments.of("قال خلوصي أكار", AKAR, "خلوصي أكار", ""),                // آ/أ
                Arguments.of("قال خلوصى اكار", AKAR, "خلوصى اكار", ""),                // ى/ي and آ/ا
                Arguments.of("قال خلوصي إكار", AKAR, "خلوصي إكار", ""),                // آ/إ
                Arguments.of("ولخلوصي آكار", AKAR, "ولخلوصي آكار", "ول"),
                Arguments.of("سيطرت هيئة تحرير الشام على", HTS, "هيئة تحرير الشام", ""),
                Arguments.of("سيطرت هيئه تحرير الشام على", HTS, "هيئه تحرير الشام", ""),
                Arguments.of("قادة لهيئة تحرير الشام", HTS, "لهيئة تحرير الشام", "ل"),
                Arguments.of("وهيئة تحرير الشّام", HTS, "وهيئة تحرير الشّام", "و"),   // shadda
                Arguments.of("في الشام", SHAM, "الشام", ""),
                Arguments.of("بالشام", SHAM, "بالشام", "ب"),
                Arguments.of("للشام", SHAM, "للشام", "لل"),
                Arguments.of("وللشام", SHAM, "وللشام", "ولل"),
                Arguments.of("فالشام", SHAM, "فالشام", "ف"),
                Arguments.of("في ادلب", IDLIB, "ادلب", ""),
                Arguments.of("وبإدلب", IDLIB, "وبإدلب", "وب"),
                Arguments.of("مصطفي", MUSTAFA, "مصطفي", ""),
                Arguments.of("لمصطفى", MUSTAFA, "لمصطفى", "ل"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void findsEntryThroughCliticsAndVariants(String text, GlossaryEntry expected, String surface, String clitic) {
        List<GlossaryMatch> matches = MATCHER.findMatches(text);
        assertThat(matches).hasSize(1);
        GlossaryMatch m = matches.get(0);
        assertThat(m.entry()).isEqualTo(expected);
        assertThat(m.surface()).isEqualTo(surface);
        assertThat(text.substring(m.start(), m.end())).isEqualTo(surface);
        assertThat(m.clitic()).isEqualTo(clitic);
        assertThat(m.source()).isEqualTo(GlossaryMatch.Source.HOUSE);
    }

    static Stream<String> negatives() {
        return Stream.of(
                "الشامي",                 // suffix: longer word
                "الشاملة",                // longer word
                "مقره باغ",               // م is not a clitic
                "قره باغات",              // second word longer
                "قره، باغ",               // punctuation between the words
                "قره. باغ",
                "قره",                    // only the first word
                "باغ",
                "ادلبي",                  // nisba adjective
                "هيئة تحرير",             // incomplete multi-word
                "خلوصي",
                "مصطفاه",                 // different word
                "شام");                   // entry has the article, bare stem does not match
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void doesNotMatchInsideOtherWords(String text) {
        assertThat(MATCHER.findMatches(text)).isEmpty();
    }

    @Test
    void findsSeveralEntriesInOrderAndLongestFirst() {
        String text = "قال خلوصي آكار إن هيئة تحرير الشام ليست في قره باغ بل في الشام.";
        List<GlossaryMatch> matches = MATCHER.findMatches(text);
        assertThat(matches).extracting(GlossaryMatch::entry).containsExactly(AKAR, HTS, KARABAKH, SHAM);
        // «الشام» inside «هيئة تحرير الشام» is not reported separately
        assertThat(matches.get(1).surface()).isEqualTo("هيئة تحرير الشام");
    }

    @Test
    void leavesTextUntouched() {
        String text = "وَبِالقَرَهْ   بَاغ";
        List<GlossaryMatch> matches = MATCHER.findMatches(text);
        assertThat(matches).singleElement().satisfies(m -> assertThat(m.surface()).isEqualTo("وَبِالقَرَهْ   بَاغ"));
    }

    @Test
    void requestEntriesAddToHouseAndWinOnClash() {
        GlossaryEntry requestKarabakh = new GlossaryEntry("قرة باغ", "Karabakh", null, null);
        GlossaryEntry requestBaku = new GlossaryEntry("باكو", "Baku", null, null);
        GlossaryMatcher combined = MATCHER.withRequestEntries(List.of(requestKarabakh, requestBaku));
        List<GlossaryMatch> matches = combined.findMatches("من باكو إلى قره باغ وإدلب");
        assertThat(matches).extracting(GlossaryMatch::entry).containsExactly(requestBaku, requestKarabakh, IDLIB);
        assertThat(matches).extracting(GlossaryMatch::source).containsExactly(
                GlossaryMatch.Source.REQUEST, GlossaryMatch.Source.REQUEST, GlossaryMatch.Source.HOUSE);
        assertThat(combined.size()).isEqualTo(7);
        // the house matcher itself is unchanged
        assertThat(MATCHER.findMatches("قره باغ")).extracting(GlossaryMatch::entry).containsExactly(KARABAKH);
    }

    @Test
    void longerRequestEntryBeatsShorterHouseEntry() {
        GlossaryEntry longer = new GlossaryEntry("قره باغ العليا", "Upper Karabakh", null, null);
        List<GlossaryMatch> matches = MATCHER.withRequestEntries(List.of(longer)).findMatches("في قره باغ العليا");
        assertThat(matches).extracting(GlossaryMatch::entry).containsExactly(longer);
    }

    @Test
    void fiveThousandEntryGlossaryFindsExactlyThePlantedEntries() {
        List<GlossaryEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            entries.add(new GlossaryEntry(arabicName(i), "Name " + i, null, null));
        }
        GlossaryMatcher big = GlossaryMatcher.of(entries);
        assertThat(big.size()).isEqualTo(5000);
        StringBuilder text = new StringBuilder();
        List<Integer> planted = List.of(3, 17, 999, 2500, 4999);
        for (int p = 0; p < 400; p++) {
            text.append("كلمة عادية أخرى ");
            if (p % 80 == 0) {
                int id = planted.get(p / 80);
                text.append(p % 160 == 0 ? "و" : "بال").append(arabicName(id)).append(' ');
            }
        }
        List<GlossaryMatch> matches = big.findMatches(text.toString());
        assertThat(matches).extracting(m -> m.entry().english())
                .containsExactly("Name 3", "Name 17", "Name 999", "Name 2500", "Name 4999");
    }

    /** A distinct two-word Arabic name per number: digits spelled with Arabic letters. */
    static String arabicName(int i) {
        String letters = "سشصضطظعغقن";
        StringBuilder first = new StringBuilder("مر");
        for (char d : String.valueOf(i).toCharArray()) {
            first.append(letters.charAt(d - '0'));
        }
        return first + " " + (i % 2 == 0 ? "جبل" : "نهر");
    }
}
