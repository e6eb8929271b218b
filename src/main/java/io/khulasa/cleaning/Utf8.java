package io.khulasa.cleaning;

/** UTF-8 sizes without encoding (no byte array is built). */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * {@link #length} when {@code s} may be over {@code limit}, else 0. A UTF-16 unit is at most 3 bytes of UTF-8,
     * so a text under a third of the limit (nearly every article) is not counted at all: for size limits.
     */
    public static long lengthIfOver(String s, long limit) {
        return s.length() * 3L <= limit ? 0 : length(s);
    }

    /** The number of bytes {@code s} has in UTF-8 (an unpaired surrogate counts as the 3 bytes of U+FFFD). */
    public static long length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
