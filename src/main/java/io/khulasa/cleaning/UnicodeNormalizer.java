package io.khulasa.cleaning;

import com.ibm.icu.text.Normalizer2;

/**
 * Rule family 1 (after {@link MojibakeRepair}): Arabic presentation forms to base letters, format characters
 * removed, space characters to U+0020, line separators to {@code \n}, NFC, Persian kaf/yeh to Arabic.
 * Thread-safe: the tables are built once and never mutated; ICU {@link Normalizer2} instances are immutable.
 */
final class UnicodeNormalizer {

    private static final int PF_START = 0xFB50;
    private static final int PF_END = 0xFEFE;
    /** NFKC of each presentation-form code point, or null when it has no compatibility decomposition. */
    private static final String[] PRESENTATION_FORMS = new String[PF_END - PF_START + 1];

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    static {
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        for (int cp = PF_START; cp <= PF_END; cp++) {
            if ((cp > 0xFDFF && cp < 0xFE70)) {
                continue; // variation selectors, vertical forms, CJK compat, small forms: not Arabic
            }
            String in = String.valueOf((char) cp);
            String out = nfkc.normalize(in);
            if (!out.equals(in)) {
                // Isolated harakat forms (FE70–FE7F) decompose to SPACE + mark; the space would split a word.
                if (out.length() > 1 && out.charAt(0) == ' ') {
                    out = out.substring(1);
                }
                PRESENTATION_FORMS[cp - PF_START] = out;
            }
        }
    }

    String normalize(String s, CleaningLog log) {
        // Characters no rule changes are copied in runs, and not at all when none changes (most articles): a copy
        // per character was a quarter of the cleaner's time (issue 20).
        StringBuilder sb = null;
        int run = 0; // where the characters kept as they are, not copied yet, begin
        int presentation = 0;
        int format = 0;
        int spaces = 0;
        boolean persian = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            // Fast path: printable ASCII, the space, \n and the Arabic letters block need no rule (Persian kaf/yeh
            // excepted).
            if ((c >= ' ' && c < 0x7F) || c == '\n' || (c >= '\u0621' && c <= '\u06FF' && c != '\u06A9' && c != '\u06CC')) {
                continue;
            }
            String replacement; // null: the character is removed
            int next = i + 1;
            if (c >= PF_START && c <= PF_END && PRESENTATION_FORMS[c - PF_START] != null) {
                replacement = PRESENTATION_FORMS[c - PF_START];
                presentation++;
            } else if (c == '\r') {
                replacement = "\n";
                if (next < n && s.charAt(next) == '\n') {
                    next++;
                }
            } else if (c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B' || c == '\u000C') {
                replacement = "\n";
            } else if (c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR) {
                replacement = " ";
                spaces++;
            } else if (isFormatCharacter(c)) {
                replacement = null;
                format++;
            } else {
                persian |= c == '\u06A9' || c == '\u06CC';
                continue; // kept as it is
            }
            if (sb == null) {
                sb = new StringBuilder(n);
            }
            sb.append(s, run, i);
            if (replacement != null) {
                sb.append(replacement);
            }
            run = next;
            i = next - 1;
        }
        log.fire(RuleNames.PRESENTATION_FORMS, presentation);
        log.fire(RuleNames.FORMAT_CHARACTERS, format);
        log.fire(RuleNames.SPACE_CHARACTERS, spaces);

        String out = sb == null ? s : sb.append(s, run, n).toString();
        // NFC last, so that sequences created by removing ZWJ/ZWNJ or by expanding ligatures are composed too.
        if (!NFC.isNormalized(out)) {
            out = NFC.normalize(out);
            log.fire(RuleNames.UNICODE_NFC);
        }
        if (persian) {
            out = persianLetters(out, log);
        }
        return out;
    }

    /**
     * Zero-width and bidi controls, BOM, soft hyphen, other invisible controls. They break word matching and
     * cost tokens; a text editor re-derives bidi from the letters.
     */
    static boolean isFormatCharacter(char c) {
        return switch (c) {
            case '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u00AD', '\u2060',
                 '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
                 '\u180E', '\u034F' -> true;
            default -> c < 0x20 || (c >= 0x7F && c <= 0x9F); // C0/C1 controls other than line breaks
        };
    }

    /** «ک»→«ك»; «ی»→«ي» when a letter follows (inside a word), else «ى» (word end). */
    private static String persianLetters(String s, CleaningLog log) {
        char[] a = s.toCharArray();
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            char c = a[i];
            if (c == '\u06A9') {
                a[i] = '\u0643';
                changed++;
            } else if (c == '\u06CC') {
                int j = i + 1;
                while (j < a.length && (ArabicChars.isMark(a[j]) || ArabicChars.isTatweel(a[j]))) {
                    j++;
                }
                boolean inside = j < a.length && (ArabicChars.isLetter(a[j]) || a[j] == '\u06CC');
                a[i] = inside ? '\u064A' : '\u0649';
                changed++;
            }
        }
        log.fire(RuleNames.PERSIAN_LETTERS, changed);
        return new String(a);
    }
}
