package io.khulasa.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The shortcuts for ASCII and the Arabic letters agree with the Unicode definitions they skip, for every code point
 * they cover; and the buffer-based word walk gives the words {@link ArabicFolding#words} gives.
 */
class ArabicFoldingTest {

    /** The definitions without the shortcuts. */
    private static boolean wordCharByUnicode(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || ArabicFolding.isIgnorable(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** The letters folding rewrites (alef forms, alef maqsura and Persian ya, ta marbuta, Persian kaf). */
    private static final Map<Integer, Integer> REWRITTEN = Map.of(0x0623, 0x0627, 0x0625, 0x0627, 0x0622, 0x0627,
            0x0671, 0x0627, 0x0649, 0x064A, 0x06CC, 0x064A, 0x0629, 0x0647, 0x06A9, 0x0643);

    private static int foldByUnicode(int cp) {
        if (ArabicFolding.isIgnorable(cp)) {
            return -1;
        }
        if (REWRITTEN.containsKey(cp)) {
            return REWRITTEN.get(cp);
        }
        return Character.getType(cp) == Character.NON_SPACING_MARK ? -1 : Character.toLowerCase(cp);
    }

    @Test
    void theShortcutsAreTheUnicodeDefinitions() {
        for (int cp = 0; cp <= 0x2FFF; cp++) {
            assertThat(ArabicFolding.isWordChar(cp)).as("word char U+%04X", cp).isEqualTo(wordCharByUnicode(cp));
            assertThat(ArabicFolding.foldCodePoint(cp)).as("fold U+%04X", cp).isEqualTo(foldByUnicode(cp));
        }
    }

    @Test
    void theWordWalkGivesTheWords() {
        String text = "قالَ الرئيسُ «إنّ الصـ.ـراع» انتهى في 2024، وأكّد ذلك Reuters-style.\n\u200Cآخر الأخبار";
        List<ArabicFolding.Word> walked = new ArrayList<>();
        ArabicFolding.eachWord(text, (start, end, folded, length) ->
                walked.add(new ArabicFolding.Word(start, end, new String(folded, 0, length))));
        assertThat(walked).isEqualTo(ArabicFolding.words(text));
        assertThat(walked).extracting(ArabicFolding.Word::folded)
                .contains("قال", "الرئيس", "ان", "الص", "راع", "انتهي", "2024", "واكد", "reuters", "اخر");
    }

    /** The word walk by the definitions alone: code point by code point, no table. */
    private static List<ArabicFolding.Word> wordsByUnicode(String text) {
        List<ArabicFolding.Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!wordCharByUnicode(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            StringBuilder folded = new StringBuilder();
            while (i < text.length() && wordCharByUnicode(cp = text.codePointAt(i))) {
                int f = foldByUnicode(cp);
                if (f >= 0) {
                    folded.appendCodePoint(f);
                }
                i += Character.charCount(cp);
            }
            if (!folded.isEmpty()) {
                words.add(new ArabicFolding.Word(start, i, folded.toString()));
            }
        }
        return words;
    }

    /** Random texts of Arabic, marks, Latin, digits, punctuation and characters beyond the walk's table (supplementary too). */
    @Test
    void theWordWalkIsTheDefinitionOnRandomTexts() {
        int[] pool = {'ا', 'ب', 'ة', 'أ', 'ى', 'ی', 'ک', 0x064E, 0x0651, 0x0640, 0x0670, 0x200C, 0x200F, ' ', '\n', '.',
            '،', '«', 'A', 'z', '7', '٣', 0x00E9, 0x0130, 0x0301, 0x0750, 0x08A0, 0xFB50, 0xFEFB, 0x1D400, 0x1F600,
            0x4E2D, 0x00A0, 0x2009};
        java.util.Random random = new java.util.Random(20);
        for (int t = 0; t < 2_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) {
                text.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String s = text.toString();
            assertThat(ArabicFolding.words(s)).as("%s", s).isEqualTo(wordsByUnicode(s));
        }
    }
}
