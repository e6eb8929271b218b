package io.khulasa.cleaning;

/**
 * Rule 3: removes decorative tatweel between two Arabic letters («العـــربية» → «العربية»), keeping any
 * diacritic it carried («كـِل» → «كِل»). Tatweel before a non-letter is meaningful and stays: «لـCNN»,
 * «الـ16», «الـ 130 ألف», «بـ"أعلى"», «هـ». A linear hand-written scanner.
 */
final class TatweelRule {

    /** Returns the same instance when nothing changed. */
    String apply(String token) {
        int n = token.length();
        if (token.indexOf(ArabicChars.TATWEEL) < 0) {
            return token;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < n) {
            char c = token.charAt(i);
            if (!ArabicChars.isTatweel(c)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && (ArabicChars.isTatweel(token.charAt(end)) || ArabicChars.isMark(token.charAt(end)))) {
                end++;
            }
            int before = i - 1;
            while (before >= 0 && ArabicChars.isMark(token.charAt(before))) {
                before--;
            }
            boolean decorative = before >= 0 && ArabicChars.isLetter(token.charAt(before))
                    && end < n && ArabicChars.isLetter(token.charAt(end));
            if (decorative) {
                if (out == null) {
                    out = new StringBuilder(n).append(token, 0, i);
                }
                for (int k = i; k < end; k++) {
                    if (ArabicChars.isMark(token.charAt(k))) {
                        out.append(token.charAt(k));
                    }
                }
            } else if (out != null) {
                out.append(token, i, end);
            }
            i = end;
        }
        return out == null ? token : out.toString();
    }
}
