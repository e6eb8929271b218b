package io.khulasa.eval;

import java.util.ArrayList;
import java.util.List;

/** Whitespace splitting with Python {@code str.split()} semantics, which the reference metrics use. */
final class TextSplitting {

    private TextSplitting() {
    }

    static boolean isPythonWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** Splits on runs of whitespace, dropping empty tokens (Python {@code s.split()}). */
    static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isPythonWhitespace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            int start = i;
            while (i < n && !isPythonWhitespace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
