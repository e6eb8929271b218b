package io.khulasa.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokeniser for ROUGE on Arabic (and English) text. For scoring only; article text is never changed.
 * <ol>
 * <li>lower-case (Locale.ROOT);</li>
 * <li>drop Arabic diacritics (U+064B–U+065F, U+0670, U+06D6–U+06ED), tatweel (U+0640) and zero-width
 * joiners/marks (U+200B–U+200F), so they never split a word;</li>
 * <li>with {@code normaliseLetters}: أ إ آ ٱ → ا, ى → ي, ة → ه (and Persian ی → ي, ک → ك);</li>
 * <li>split on every code point that is not a Unicode letter or digit; no stemming, no stop words.</li>
 * </ol>
 * On ASCII text this is exactly Google {@code rouge-score}'s default tokeniser (lower-case, split on
 * {@code [^a-z0-9]+}), whose own tokeniser drops all Arabic letters and cannot be used for Arabic.
 */
public final class RougeTokenizer {

    private final boolean normaliseLetters;

    public RougeTokenizer(boolean normaliseLetters) {
        this.normaliseLetters = normaliseLetters;
    }

    /** Name written into reports so scores can be compared only under the same tokenisation. */
    public String description() {
        return "lowercase; strip Arabic diacritics, tatweel and zero-width marks; "
                + (normaliseLetters ? "fold alef/alef-maqsura/teh-marbuta (أإآٱ→ا, ى→ي, ة→ه); " : "no letter folding; ")
                + "split on non-letter/digit; no stemming";
    }

    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED) || cp == 0x0640
                    || (cp >= 0x200B && cp <= 0x200F)) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                current.appendCodePoint(normaliseLetters ? fold(cp) : cp);
            } else if (!current.isEmpty()) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static int fold(int cp) {
        return switch (cp) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى', 'ی' -> 'ي';
            case 'ة' -> 'ه';
            case 'ک' -> 'ك';
            default -> cp;
        };
    }
}
