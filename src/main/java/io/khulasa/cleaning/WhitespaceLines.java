package io.khulasa.cleaning;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule 5: trims lines, collapses runs of spaces, drops empty lines; one paragraph per line.
 * Runs after {@link UnicodeNormalizer}, so every space is U+0020 and every line break is {@code \n}.
 */
final class WhitespaceLines {

    List<String> split(String text, CleaningLog log) {
        List<String> lines = new ArrayList<>();
        int changes = 0;
        int n = text.length();
        int start = 0;
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String collapsed = collapse(text, start, end);
            if (collapsed.isEmpty()) {
                if (end > start || end < n) {
                    changes++;
                }
            } else {
                if (collapsed.length() != end - start) {
                    changes++;
                }
                lines.add(collapsed);
            }
            start = end + 1;
        }
        log.fire(RuleNames.WHITESPACE, changes);
        return lines;
    }

    /** One line with single inner spaces and no leading/trailing space. */
    static String collapse(String s, int from, int to) {
        StringBuilder sb = null;
        int i = from;
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        int j = to;
        while (j > i && s.charAt(j - 1) == ' ') {
            j--;
        }
        for (int k = i; k < j; k++) {
            char c = s.charAt(k);
            if (c == ' ' && s.charAt(k - 1) == ' ') {
                if (sb == null) {
                    sb = new StringBuilder(j - i).append(s, i, k);
                }
                continue;
            }
            if (sb != null) {
                sb.append(c);
            }
        }
        return sb != null ? sb.toString() : s.substring(i, j);
    }
}
