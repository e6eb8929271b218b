package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule 1, mojibake: UTF-8 decoded as Windows-1256/1252 is repaired, or rejected when bytes were lost. */
class MojibakeRepairTest {

    @org.junit.jupiter.api.Test
    void theWhitespaceShortcutIsJavasDefinition() {
        for (char c = 0x80; c < 0xFFFF; c++) {
            org.assertj.core.api.Assertions.assertThat(MojibakeRepair.isWhitespaceAbove7F(c)).as("U+%04X", (int) c)
                    .isEqualTo(Character.isWhitespace(c));
        }
    }

    @org.junit.jupiter.api.Test
    void anArabicLetterOfTheTableIsALetterAndNotTatweel() {
        for (char c = 0; c < 0xFFFF; c++) {
            if (ArabicChars.isLetter(c)) {
                org.assertj.core.api.Assertions.assertThat(Character.isLetter(c) && c != ArabicChars.TATWEEL)
                        .as("U+%04X", (int) c).isTrue();
            }
        }
    }


    /**
     * The one-pass gate before the full test ({@link MojibakeRepair#mayBe}) is a necessary condition: no line the full
     * test calls mojibake is turned away by it. Lines of the test articles, garbled through both code pages, and random
     * mixes of Arabic, garbled Arabic, Latin, punctuation, spaces and separators. The page a line is repaired through
     * is the one the full test alone gives.
     */
    @org.junit.jupiter.api.Test
    void theGateNeverTurnsAwayALineTheFullTestCallsMojibake() throws java.io.IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/articles"))) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : java.nio.file.Files.readString(f).split("\n")) {
                    lines.add(line);
                    lines.add(garble(line, "windows-1256"));
                    lines.add(garble(line, "windows-1252"));
                }
            }
        }
        String[] pieces = {"ال", "سورية", "،", "؛", "؟", " ", "  ", "\u2003", "\u00A0", "abc", "Ø§", "ط§ظ„", "é", "…",
                "€", "3.5%", "\u0640", "\uD83D\uDE00", "ـ.ـ", "«", "»", "\u200C", "پ", "ک", "ڈ", "Ù", "Û",
                garble("الانتخابات", "windows-1256"), garble("السورية", "windows-1252"), "\u0085", "\u0081"};
        java.util.Random random = new java.util.Random(20); // fixed: the same lines every run
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(24); k > 0; k--) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            lines.add(line.toString());
        }
        int mojibake = 0;
        for (String line : lines) {
            boolean full = MojibakeRepair.looksLikeEither(line);
            boolean gate = MojibakeRepair.mayBeEither(line);
            if (full) {
                mojibake++;
                assertThat(gate).as("gate on %s", line).isTrue();
            }
            // the signs that skip the full test or the count decide nothing: the same page as the full test alone
            assertThat(MojibakeRepair.pageOf(line, false)).as("page of %s", line).isEqualTo(MojibakeRepair.pageOf(line, true));
        }
        assertThat(mojibake).as("lines the full test calls mojibake").isGreaterThan(1_000);
    }

    @org.junit.jupiter.api.Test
    void theGateTurnsAwayTheLinesOfRealArabic() throws java.io.IOException {
        String article = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/articles/taif-post-karabakh.cleaned.txt"));
        for (String line : article.split("\n")) {
            assertThat(MojibakeRepair.mayBeEither(line)).as(line).isFalse();
        }
    }

    private final MojibakeRepair repair = new MojibakeRepair();

    /** UTF-8 bytes read through a code page, the way a browser does (undefined bytes become C1 controls). */
    private static String garble(String s, String codePage) {
        Charset cs = Charset.forName(codePage);
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            String c = new String(new byte[] {b}, cs);
            sb.append(c.equals("\uFFFD") ? (char) (b & 0xFF) : c.charAt(0));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "السورية",
            "أعلنت اللجنة القضائية العليا للانتخابات في سوريا، مساء الأحد، النتائج الأولية.",
            "قال “أردوغان” إن الاتفاق – الذي وُقّع أمس – صامد.",
            "ارتفعت الأسعار 3.5% في الربع الثالث (تقرير).",
            "وقّع الرئيسان على بيان مشترك؛ فما الذي تغيّر؟"})
    void repairsBothCodePages(String original) {
        for (String page : new String[] {"windows-1256", "windows-1252"}) {
            CleaningLog log = new CleaningLog();
            assertThat(repair.repair(garble(original, page), log)).as(page).isEqualTo(original);
            assertThat(log.rules).containsKey(RuleNames.MOJIBAKE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ط§ظ„ط³ظˆط±ظٹط© => السورية
            Ø§Ù„Ø³ÙˆØ±ÙŠØ© => السورية
            """)
    void repairsKnownSamples(String in, String expected) {
        assertThat(repair.repair(in, new CleaningLog())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "حفظ، بالغ؟ ما الموضوع؟ ضبط، ربط، خلط؛",
            "طظعغ طظعغ",
            "Ø is a Danish letter, Ù and Ú appear in names like Úrsula.",
            "The price is €5 – not “cheap”"})
    void leavesRealTextAlone(String in) {
        CleaningLog log = new CleaningLog();
        assertThat(repair.repair(in, log)).isEqualTo(in);
        assertThat(log.rules).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ط§ظ„ط³ظˆط±ظٹط© ط§ظ„ظ…ط¹ط§ط±ط¶ط© ط§ظ�ظ„ط¬ظ†ط©",
            "ط§ظ„ط³ظˆط±ظٹط© ط§ظ„ظ…ط¹ط§ط±ط¶ط© ط§ظ ظ„ط¬ظ†ط©"})
    void rejectsWhenBytesWereLost(String in) {
        assertThatThrownBy(() -> repair.repair(in, new CleaningLog()))
                .isInstanceOfSatisfying(ArticleRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ArticleRejectedException.MOJIBAKE_UNREPAIRABLE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"الانتخابات السورية"})
    void repairsDoubleEncodedText(String original) {
        String twice = garble(garble(original, "windows-1256"), "windows-1256");
        assertThat(repair.repair(twice, new CleaningLog())).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"سطر سليم أول"})
    void repairsOnlyTheGarbledLines(String good) {
        String bad = garble("سطر مشوه ثان", "windows-1256");
        assertThat(repair.repair(good + "\n" + bad + "\n" + good, new CleaningLog()))
                .isEqualTo(good + "\nسطر مشوه ثان\n" + good);
    }
}
