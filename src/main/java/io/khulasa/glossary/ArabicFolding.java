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
        // the letters of an Arabic article and ASCII first: no Unicode table look-up (U+0621–U+064A: letters and tatweel)
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        if (cp >= 0x0621 && cp <= 0x064A) {
            return true;
        }
        if (Character.isLetterOrDigit(cp) || isIgnorable(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Folds one code point; returns -1 for code points that are dropped. */
    public static int foldCodePoint(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
        }
        if (isIgnorable(cp)) {
            return -1;
        }
        return switch (cp) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى', 'ی' -> 'ي';
            case 'ة' -> 'ه';
            case 'ک' -> 'ك';
            // the other Arabic letters (U+0621–U+064A) have no case and are no mark: no Unicode table look-up
            default -> cp >= 0x0621 && cp <= 0x064A ? cp
                    : Character.getType(cp) == Character.NON_SPACING_MARK ? -1 : Character.toLowerCase(cp);
        };
    }

    /** Splits {@code text} into words with their offsets and folded forms (words that fold to nothing are skipped). */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        eachWord(text, (start, end, folded, length) -> words.add(new Word(start, end, new String(folded, 0, length))));
        return words;
    }

    /** Receives the words of a text in order: offsets into it, and the folded letters {@code folded[0, length)}. */
    @FunctionalInterface
    public interface WordSink {
        /** {@code folded} is a buffer that the next word overwrites: copy what must be kept. */
        void word(int start, int end, char[] folded, int length);
    }

    /**
     * The words of {@code text} as {@link #words} splits and folds them, without a string or record per word: for
     * readers that look most words up in a table and keep nothing of them (the article index).
     */
    public static void eachWord(String text, WordSink sink) {
        char[] folded = new char[32]; // one buffer for every word
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < FAST_END) {
                if (FAST[c] == NOT_WORD) {
                    i++;
                    continue;
                }
            } else {
                int cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
            }
            int start = i;
            int length = 0;
            while (i < n) {
                c = text.charAt(i);
                if (length + 2 > folded.length) {
                    folded = java.util.Arrays.copyOf(folded, folded.length * 2);
                }
                if (c < FAST_END) {
                    char f = FAST[c];
                    if (f == NOT_WORD) {
                        break;
                    }
                    i++;
                    if (f != DROPPED) {
                        folded[length++] = f;
                    }
                } else {
                    int cp = text.codePointAt(i);
                    if (!isWordChar(cp)) {
                        break;
                    }
                    int f = foldCodePoint(cp);
                    if (f >= 0) {
                        length += Character.toChars(f, folded, length);
                    }
                    i += Character.charCount(cp);
                }
            }
            if (length > 0) {
                sink.word(start, i, folded, length);
            }
        }
    }

    /** {@link #FAST} covers ASCII, Latin-1 and the Arabic block: the characters of nearly every article. */
    private static final int FAST_END = 0x0700;
    private static final char NOT_WORD = '\uFFFF';
    private static final char DROPPED = '\uFFFE';
    /**
     * {@link #isWordChar} and {@link #foldCodePoint} of each character below {@link #FAST_END}, read once: the folded
     * character, {@link #DROPPED} (a mark inside a word) or {@link #NOT_WORD}. Folding every character of the article
     * through both look-ups cost the article index a sixth of its time (issue 20: 57 → 48 µs for the reference article).
     */
    private static final char[] FAST = new char[FAST_END];

    static {
        for (int c = 0; c < FAST_END; c++) {
            int f = foldCodePoint(c);
            FAST[c] = !isWordChar(c) ? NOT_WORD : f < 0 ? DROPPED : (char) f;
        }
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
