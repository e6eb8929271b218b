package io.khulasa.guards;

import java.util.Locale;

/**
 * Checks that an output is written in the expected script: an Arabic summary must be at least
 * {@code minArabicShare} Arabic letters, an English translation at least {@code minLatinShare} Latin letters.
 * Names kept in the other script (a few words) fit in the tolerance; a paragraph left untranslated does not.
 * An output without letters fails. Result code {@value #CODE}, hard.
 */
public final class LanguageGuard {

    /** Problem code of this guard. */
    public static final String CODE = "output-wrong-language";

    private final double minArabicShare;
    private final double minLatinShare;

    /** A guard with 90 % Arabic for summaries and 95 % Latin for translations. */
    public LanguageGuard() {
        this(0.90, 0.95);
    }

    /**
     * @param minArabicShare least share of Arabic letters in an Arabic output (0..1)
     * @param minLatinShare  least share of Latin letters in an English output (0..1)
     */
    public LanguageGuard(double minArabicShare, double minLatinShare) {
        this.minArabicShare = minArabicShare;
        this.minLatinShare = minLatinShare;
    }

    /** @return the verdict for an output that must be Arabic */
    public GuardResult checkArabic(String output) {
        LetterShare share = LetterShare.of(output);
        return verdict(share.letters() > 0 && share.arabicShare() >= minArabicShare,
                "Arabic", share.arabicShare(), minArabicShare);
    }

    /** @return the verdict for an output that must be English (Latin script) */
    public GuardResult checkLatin(String output) {
        LetterShare share = LetterShare.of(output);
        return verdict(share.letters() > 0 && share.latinShare() >= minLatinShare,
                "Latin", share.latinShare(), minLatinShare);
    }

    private static GuardResult verdict(boolean passed, String script, double share, double min) {
        String detail = String.format(Locale.ROOT, "%s letters %.0f%% (at least %.0f%%)", script, share * 100, min * 100);
        return new GuardResult(CODE, passed, true, detail);
    }
}
