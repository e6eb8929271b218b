package io.khulasa.cleaning;

/**
 * Character classes for the Arabic block (U+0600–U+08FF), precomputed into a table so the hot scanners
 * do one array lookup per character.
 */
final class ArabicChars {

    static final char TATWEEL = '\u0640';

    private static final int BASE = 0x0600;
    private static final byte LETTER = 1;
    private static final byte MARK = 2;
    private static final byte[] TABLE = new byte[0x0900 - BASE];

    static {
        for (int cp = BASE; cp < 0x0900; cp++) {
            int type = Character.getType(cp);
            if (type == Character.OTHER_LETTER) {
                TABLE[cp - BASE] = LETTER;
            } else if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                TABLE[cp - BASE] = MARK;
            }
        }
    }

    private ArabicChars() {
    }

    /** An Arabic letter (not tatweel, not a digit, not a diacritic). */
    static boolean isLetter(char c) {
        return c >= BASE && c < 0x0900 && TABLE[c - BASE] == LETTER;
    }

    /** An Arabic combining mark: harakat, shadda, superscript alef, Quranic marks. */
    static boolean isMark(char c) {
        return c >= BASE && c < 0x0900 && TABLE[c - BASE] == MARK;
    }

    static boolean isTatweel(char c) {
        return c == TATWEEL;
    }
}
