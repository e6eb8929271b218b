package io.khulasa.guards;

import java.util.Locale;

/**
 * Checks that an output is written in the expected script: an Arabic summary must be at least
 * {@value #MIN_ARABIC_SHARE} Arabic letters, an English translation at least {@value #MIN_LATIN_SHARE} Latin letters.
 * Names kept in the other script (a few words) fit in the tolerance; a paragraph left untranslated does not.
 * An output without letters fails. Result code {@value #CODE}, hard.
 */
public final class LanguageGuard {

    /** Problem code of this guard. */
    public static final String CODE = "output-wrong-language";

    /** Least share of Arabic letters in an Arabic output (a summary). */
    static final double MIN_ARABIC_SHARE = 0.90;
    /** Least share of Latin letters in an English output (a translation). */
    static final double MIN_LATIN_SHARE = 0.95;

    /** @return the verdict for an output that must be Arabic */
    public GuardResult checkArabic(String output) {
        LetterShare share = LetterShare.of(output);
        return verdict(share.letters() > 0 && share.arabicShare() >= MIN_ARABIC_SHARE,
                "Arabic", share.arabicShare(), MIN_ARABIC_SHARE);
    }

    /** @return the verdict for an output that must be English (Latin script) */
    public GuardResult checkLatin(String output) {
        LetterShare share = LetterShare.of(output);
        return verdict(share.letters() > 0 && share.latinShare() >= MIN_LATIN_SHARE,
                "Latin", share.latinShare(), MIN_LATIN_SHARE);
    }

    private static GuardResult verdict(boolean passed, String script, double share, double min) {
        String detail = String.format(Locale.ROOT, "%s letters %.0f%% (at least %.0f%%)", script, share * 100, min * 100);
        return new GuardResult(CODE, passed, true, detail);
    }
}
