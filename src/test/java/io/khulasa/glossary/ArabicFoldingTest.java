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
}
