package io.khulasa.cleaning;

import java.util.Set;

/**
 * Runs the word-level rules on every space-delimited token, in the documented order: split-word repair
 * ({@link SplitWordRepair}) before tatweel ({@link TatweelRule}), and reports each changed word once with the
 * rule that explains it. Also flags, without changing, a dot between two Arabic words («نص.وهذا»).
 */
final class WordRepairs {

    /** Arabic spellings of domain suffixes: «العربية.نت» is a name, not a missing space. */
    private static final Set<String> DOMAIN_SUFFIXES = Set.of("نت", "كوم", "أورغ", "اورغ", "أورج", "اورج",
            "إنفو", "انفو", "نيوز", "تي.في", "تيفي", "أون.لاين", "كو");

    private final SplitWordRepair splitWords = new SplitWordRepair();
    private final TatweelRule tatweel = new TatweelRule();

    String apply(String text, CleaningLog log) {
        int n = text.length();
        StringBuilder out = null;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i;
            boolean hasTatweel = false;
            boolean hasDot = false;
            while (end < n) {
                char t = text.charAt(end);
                if (t == ' ' || t == '\n') {
                    break;
                }
                hasTatweel |= t == ArabicChars.TATWEEL;
                hasDot |= t == '.';
                end++;
            }
            if (!hasTatweel && !hasDot) {
                if (out != null) {
                    out.append(text, i, end);
                }
                i = end;
                continue;
            }
            String token = text.substring(i, end);
            String fixed = token;
            if (hasTatweel) {
                fixed = repairToken(token, log);
            }
            if (hasDot) {
                flagDotBetweenWords(fixed, log);
            }
            if (fixed != token && out == null) {
                out = new StringBuilder(n).append(text, 0, i);
            }
            if (out != null) {
                out.append(fixed);
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }

    private String repairToken(String token, CleaningLog log) {
        SplitWordRepair.Result split = splitWords.repair(token);
        String fixed = tatweel.apply(split.text());
        if (split.suspiciousLeftover()) {
            log.flag(RuleNames.SPLIT_WORD, core(fixed),
                    "more than " + SplitWordRepair.MAX_SEPARATORS + " separators between tatweels; left as is");
        }
        if (fixed != token) {
            int lead = leadingNonWord(token);
            int trail = trailingNonWord(token, lead);
            String from = token.substring(lead, token.length() - trail);
            String to = fixed.substring(lead, fixed.length() - trail);
            log.repaired(split.repaired() ? RuleNames.SPLIT_WORD : RuleNames.TATWEEL, from, to);
        }
        return fixed;
    }

    /** Leading punctuation and quotes are not part of the reported word; rules never change them. */
    private static int leadingNonWord(String s) {
        int k = 0;
        while (k < s.length() && !isWordChar(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int trailingNonWord(String s, int lead) {
        int k = 0;
        while (s.length() - k > lead && !isWordChar(s.charAt(s.length() - 1 - k))
                && !ArabicChars.isMark(s.charAt(s.length() - 1 - k))) {
            k++;
        }
        return k;
    }

    private static boolean isWordChar(char c) {
        return ArabicChars.isLetter(c) || Character.isLetterOrDigit(c);
    }

    private static String core(String token) {
        int lead = leadingNonWord(token);
        int trail = trailingNonWord(token, lead);
        return token.substring(lead, token.length() - trail);
    }

    /**
     * «نص.وهذا»: 1–3 dots between two Arabic words of 2+ letters, no tatweel. Could be a missing space or a
     * split word; changing it could corrupt a name, so it is only flagged.
     */
    private static void flagDotBetweenWords(String token, CleaningLog log) {
        int n = token.length();
        int i = 0;
        while (i < n) {
            if (token.charAt(i) != '.') {
                i++;
                continue;
            }
            int end = i;
            while (end < n && token.charAt(end) == '.') {
                end++;
            }
            int dots = end - i;
            if (dots <= 3) {
                int left = arabicWordLengthBefore(token, i);
                int rightEnd = end;
                while (rightEnd < n && (ArabicChars.isLetter(token.charAt(rightEnd))
                        || ArabicChars.isMark(token.charAt(rightEnd)))) {
                    rightEnd++;
                }
                String right = token.substring(end, rightEnd);
                boolean wordAfter = rightEnd == n || !Character.isLetterOrDigit(token.charAt(rightEnd));
                if (left >= 2 && letters(right) >= 2 && wordAfter && !DOMAIN_SUFFIXES.contains(right)) {
                    log.flag(RuleNames.DOT_BETWEEN_WORDS, core(token),
                            "a dot between two words without tatweel: a missing space or a split word?");
                    return;
                }
            }
            i = end;
        }
    }

    private static int arabicWordLengthBefore(String s, int dot) {
        int j = dot - 1;
        int letters = 0;
        while (j >= 0 && (ArabicChars.isLetter(s.charAt(j)) || ArabicChars.isMark(s.charAt(j)))) {
            if (ArabicChars.isLetter(s.charAt(j))) {
                letters++;
            }
            j--;
        }
        // «ab.نت», «2.وقال»: the left side must be a whole Arabic word, not the tail of something else
        if (j >= 0 && Character.isLetterOrDigit(s.charAt(j))) {
            return 0;
        }
        return letters;
    }

    private static int letters(String s) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (ArabicChars.isLetter(s.charAt(i))) {
                k++;
            }
        }
        return k;
    }
}
