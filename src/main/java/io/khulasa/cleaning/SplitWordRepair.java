package io.khulasa.cleaning;

/**
 * Rule 2: repairs words split with a separator wrapped in tatweel to dodge keyword filters:
 * «الصـ.ـراع» → «الصراع», «إطـ.ـلاق» → «إطلاق», «فـ.ـلـ.ـسـ.ـطـ.ـيـ.ـن» → «فلسطين».
 * <p>
 * A run of tatweel, separators and diacritics between two Arabic letters is removed (diacritics kept) when it
 * holds exactly one group of 1–3 separators and a tatweel touches that group. Without a tatweel nothing is
 * touched: numbers, abbreviations («ق.م», «أ.د.»), domains («العربية.نت») and «هـ.» stay as they are.
 * A hand-written scanner, linear in the input: every character is visited a bounded number of times.
 */
final class SplitWordRepair {

    static final int MAX_SEPARATORS = 3;

    /** Separators seen inside split words. */
    static boolean isSeparator(char c) {
        return switch (c) {
            case '.', ',', '\u060C', '*', '\u00B7', '\u2022', '_', '-', '\u2010', '\u2011', '\u2012', '\u2013',
                 '\u2014', '\u066B', '\u066C', '\'', '\u2019', '\u2018', '`', '~', '^', '+', '|', '/', '\\',
                 '\u2219', '\u22C5', '\u00B0', '\u066D', ':', ';', '\u061B' -> true;
            default -> false;
        };
    }

    /** Outcome of scanning one token. */
    record Result(String text, boolean repaired, boolean suspiciousLeftover) {
    }

    /**
     * Repairs one whitespace-free token. Returns the same String instance when nothing changed.
     */
    Result repair(String token) {
        int n = token.length();
        StringBuilder out = null;
        boolean repaired = false;
        boolean leftover = false;
        int i = 0;
        while (i < n) {
            char c = token.charAt(i);
            if (!(ArabicChars.isTatweel(c) || isSeparator(c))) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            // Maximal run of tatweel / separators / diacritics starting at i.
            int end = i;
            int separators = 0;
            int separatorGroups = 0;
            boolean tatweel = false;
            boolean tatweelTouchesGroup = false;
            char lastNonMark = 0;
            while (end < n) {
                char r = token.charAt(end);
                if (ArabicChars.isTatweel(r)) {
                    tatweel = true;
                    if (lastNonMark != 0 && isSeparator(lastNonMark)) {
                        tatweelTouchesGroup = true;
                    }
                    lastNonMark = r;
                } else if (isSeparator(r)) {
                    separators++;
                    if (lastNonMark == 0 || !isSeparator(lastNonMark)) {
                        separatorGroups++;
                    }
                    if (ArabicChars.isTatweel(lastNonMark)) {
                        tatweelTouchesGroup = true;
                    }
                    lastNonMark = r;
                } else if (ArabicChars.isMark(r)) {
                    // diacritics ride along; a mark between separators does not join two groups
                    if (isSeparator(lastNonMark)) {
                        lastNonMark = r;
                    }
                } else {
                    break;
                }
                end++;
            }
            boolean letterBefore = i > 0 && ArabicChars.isLetter(token.charAt(i - 1))
                    || i > 0 && ArabicChars.isMark(token.charAt(i - 1)) && letterBeforeMarks(token, i - 1);
            boolean letterAfter = end < n && ArabicChars.isLetter(token.charAt(end));
            boolean split = separators >= 1 && separators <= MAX_SEPARATORS && separatorGroups == 1
                    && tatweel && tatweelTouchesGroup && letterBefore && letterAfter;
            if (split) {
                if (out == null) {
                    out = new StringBuilder(n).append(token, 0, i);
                }
                for (int k = i; k < end; k++) {
                    char r = token.charAt(k);
                    if (ArabicChars.isMark(r)) {
                        out.append(r);
                    }
                }
                repaired = true;
            } else {
                if (separators > MAX_SEPARATORS && tatweel && tatweelTouchesGroup && letterBefore && letterAfter) {
                    leftover = true;
                }
                if (out != null) {
                    out.append(token, i, end);
                }
            }
            i = end;
        }
        return new Result(out == null ? token : out.toString(), repaired, leftover);
    }

    private static boolean letterBeforeMarks(String s, int markIndex) {
        int j = markIndex;
        while (j >= 0 && ArabicChars.isMark(s.charAt(j))) {
            j--;
        }
        return j >= 0 && ArabicChars.isLetter(s.charAt(j));
    }
}
