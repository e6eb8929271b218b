package io.khulasa.glossary;

import java.util.ArrayList;
import java.util.List;

/**
 * Search-key folding for glossary matching. The text itself is never changed: matching runs on folded
 * copies of its words, and positions always point into the original text.
 * <p>
 * Folding: diacritics (U+064B–U+065F, U+0670, U+06D6–U+06ED), tatweel (U+0640) and zero-width joiners /
 * direction marks are dropped; أ إ آ ٱ → ا; ى and Persian ی → ي; ة → ه; Persian ک → ك; other letters are
 * lower-cased. A word is a maximal run of letters, digits and those ignorable marks, so a diacritic or
 * tatweel never splits a word.
 */
public final class ArabicFolding {

    private ArabicFolding() {
    }

    /** A word of the original text: {@code [start, end)} offsets and its folded form. */
    public record Word(int start, int end, String folded) {
    }

    /** Marks that never change a word's identity for matching. */
    public static boolean isIgnorable(int cp) {
        return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED)
                || cp == 0x0640 || cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F;
    }

    /** Whether {@code cp} belongs inside a word (letter, digit, combining mark or ignorable mark). */
    public static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp) || isIgnorable(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Folds one code point; returns -1 for code points that are dropped. */
    public static int foldCodePoint(int cp) {
        if (isIgnorable(cp)) {
            return -1;
        }
        return switch (cp) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى', 'ی' -> 'ي';
            case 'ة' -> 'ه';
            case 'ک' -> 'ك';
            default -> Character.getType(cp) == Character.NON_SPACING_MARK ? -1 : Character.toLowerCase(cp);
        };
    }

    /** Splits {@code text} into words with their offsets and folded forms (words that fold to nothing are skipped). */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        // one builder for every word: a fresh one per word inflated to UTF-16 on its first Arabic letter, which was
        // most of this method's allocation on an article
        StringBuilder folded = new StringBuilder(32);
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            folded.setLength(0);
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                int f = foldCodePoint(cp);
                if (f >= 0) {
                    folded.appendCodePoint(f);
                }
                i += Character.charCount(cp);
            }
            if (!folded.isEmpty()) {
                words.add(new Word(start, i, folded.toString()));
            }
        }
        return words;
    }

    /** The folded words of {@code text} joined by single spaces: the identity of a glossary entry. */
    public static String foldedKey(String text) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words(text)) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.folded());
        }
        return sb.toString();
    }
}
