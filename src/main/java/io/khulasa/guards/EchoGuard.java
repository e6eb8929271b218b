package io.khulasa.guards;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Catches a "translation" that is mostly the Arabic source given back (a frequent failure of small models):
 * it fails if the output's letters are at least half Arabic, or if at least half of the output's character
 * 4-grams also occur in the source. Both texts are folded first
 * (no diacritics/tatweel, one alef/ya/ta marbuta form, lower case, letters and digits only) so a lightly
 * edited copy still counts. Result code {@value #CODE}, hard. Meant for translations only: a summary
 * legitimately reuses the source's wording.
 */
public final class EchoGuard {

    /** Problem code of this guard. */
    public static final String CODE = "output-echo";

    private static final int N = 4;

    /** Share of Arabic letters at which a translation counts as an echo. */
    private static final double MAX_ARABIC_SHARE = 0.5;
    /** Share of output 4-grams found in the source at which a translation counts as an echo. */
    private static final double MAX_OVERLAP = 0.5;

    /** @return the verdict for {@code translation} of {@code source} */
    public GuardResult check(String source, String translation) {
        double arabic = LetterShare.of(translation).arabicShare();
        double overlap = overlap(source, translation);
        boolean echo = arabic >= MAX_ARABIC_SHARE || overlap >= MAX_OVERLAP;
        String detail = String.format(Locale.ROOT, "Arabic letters %.0f%%, 4-grams shared with the source %.0f%%",
                arabic * 100, overlap * 100);
        return new GuardResult(CODE, !echo, true, detail);
    }

    /** @return the share of the output's distinct 4-grams that also occur in the source (0 for short outputs) */
    public static double overlap(String source, String output) {
        Grams outputGrams = new Grams(foldedChars(output));
        if (outputGrams.size == 0) {
            return 0;
        }
        // The source's grams are looked up in the output's (a few hundred), never collected: the source is the whole
        // article, and a set of its 4-gram strings cost thousands of allocations per translation.
        char[] folded = foldedChars(source);
        long[] seen = new long[(outputGrams.table.length + 63) >>> 6]; // one bit per slot
        int shared = 0;
        for (int i = 0; i + N <= folded.length && shared < outputGrams.size; i++) {
            int slot = outputGrams.slotOf(pack(folded, i));
            if (slot >= 0 && (seen[slot >>> 6] & 1L << slot) == 0) {
                seen[slot >>> 6] |= 1L << slot;
                shared++;
            }
        }
        return (double) shared / outputGrams.size;
    }

    /**
     * The distinct non-blank 4-grams of a folded text, each packed into a long (four 16-bit chars), in an
     * open-addressing table: a look-up is one probe or two where a sorted array took a binary search, and nothing is
     * sorted (the translation's grams were sorted on every check: with the searches, over half the guard's time, and
     * the guard was 13.5 % of a digest's CPU; issue 20).
     * 0 marks an empty slot: folded text has no NUL, so no gram packs to 0.
     */
    private static final class Grams {
        final long[] table;
        final int size;

        Grams(char[] folded) {
            int n = Math.max(0, folded.length - N + 1);
            table = new long[Math.max(8, n + n / 2 + 1)]; // at most two thirds full: most look-ups are misses
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (!isBlank(folded, i)) {
                    long gram = pack(folded, i);
                    int slot = probe(gram);
                    if (table[slot] == 0) {
                        table[slot] = gram;
                        count++;
                    }
                }
            }
            size = count;
        }

        /** The slot holding {@code gram}, or -1. */
        int slotOf(long gram) {
            int slot = probe(gram);
            return table[slot] == 0 ? -1 : slot;
        }

        /** The slot that holds {@code gram} or the empty one where it would go (linear probing, never full). */
        private int probe(long gram) {
            // the mixed hash's high 32 bits scaled to the table's length (any length, not only powers of two)
            int slot = (int) (((gram * 0x9E3779B97F4A7C15L) >>> 32) * table.length >>> 32);
            while (table[slot] != 0 && table[slot] != gram) {
                slot = slot + 1 == table.length ? 0 : slot + 1;
            }
            return slot;
        }
    }

    /** The 4 chars at {@code i}, packed: two grams are equal exactly when their packed values are. */
    private static long pack(char[] s, int i) {
        return (long) s[i] << 48 | (long) s[i + 1] << 32 | (long) s[i + 2] << 16 | s[i + 3];
    }

    /** Whether the 4-gram at {@code i} is whitespace only ({@link String#isBlank} of the gram). */
    private static boolean isBlank(char[] s, int i) {
        for (int k = i; k < i + N; k++) {
            if (!Character.isWhitespace(s[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Folds Arabic spelling variants and removes everything but letters, digits and single spaces: NFKC, lower case,
     * diacritics and tatweel (U+064B–U+065F, U+0670, U+0640) removed, then in one pass «أ إ آ ٱ» → «ا», «ى» → «ي»,
     * «ة» → «ه», and every run of other characters than letters ({@code \p{L}}) and decimal digits ({@code \p{Nd}})
     * one space, none at either end. (It was three {@code String.replaceAll} calls, each compiling its regex on every
     * call, on the whole article for every translation.)
     */
    static String fold(String text) {
        return new String(foldedChars(text));
    }

    /** {@link #fold} as the array of its chars, written straight into one array (no builder). */
    private static char[] foldedChars(String text) {
        if (text == null) {
            return new char[0];
        }
        String s = withoutMarks(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        // never longer than s: a space is written only for a run of characters that wrote nothing
        char[] out = new char[s.length()];
        int n = 0;
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 'أ' || cp == 'إ' || cp == 'آ' || cp == 'ٱ') {
                cp = 'ا';
            } else if (cp == 'ى') {
                cp = 'ي';
            } else if (cp == 'ة') {
                cp = 'ه';
            }
            if (isLetterOrDecimalDigit(cp)) {
                if (gap && n > 0) {
                    out[n++] = ' ';
                }
                gap = false;
                n += Character.toChars(cp, out, n);
            } else {
                gap = true;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** {@code \p{L}} or {@code \p{Nd}}; ASCII and the Arabic letters U+0621–U+064A without the Unicode tables. */
    static boolean isLetterOrDecimalDigit(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        if (cp >= 0x0621 && cp <= 0x064A) {
            return true; // letters, and tatweel (a modifier letter, \p{Lm})
        }
        return Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /**
     * {@code s} without diacritics and tatweel, removed before the other rules as the first {@code replaceAll} did:
     * a mark between two letters joins them (and between the two halves of a broken surrogate pair, makes one
     * character of them).
     */
    private static String withoutMarks(String s) {
        int first = 0;
        while (first < s.length() && !isMark(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            if (!isMark(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    private static boolean isMark(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }
}
