package io.khulasa.guards;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@link EchoGuard} as it was at commit 271d3c8, frozen: the oracle of {@code EchoGuardEquivalenceTest} (the faster
 * implementation must give the same results on every fixture and on generated text) and the "before" side of
 * {@code io.khulasa.bench.GuardsBenchmark} (both measured in one JMH run). Never edit it to follow {@link EchoGuard}.
 *
 * <p>The original class comment follows.
 *
 * Catches a "translation" that is mostly the Arabic source given back (a frequent failure of small models):
 * it fails if the output's letters are at least half Arabic, or if at least half of the output's character
 * 4-grams also occur in the source. Both texts are folded first
 * (no diacritics/tatweel, one alef/ya/ta marbuta form, lower case, letters and digits only) so a lightly
 * edited copy still counts. Result code {@value #CODE}, hard. Meant for translations only: a summary
 * legitimately reuses the source's wording.
 */
public final class EchoGuardBefore {

    /** Problem code of this guard. */
    public static final String CODE = "output-echo";

    private static final int N = 4;

    /** Share of Arabic letters at which a translation counts as an echo. */
    private static final double MAX_ARABIC_SHARE = 0.5;
    /** Share of output 4-grams found in the source at which a translation counts as an echo. */
    private static final double MAX_OVERLAP = 0.5;

    /** @return the verdict for {@code translation} of {@code source} */
    public GuardResult check(String source, String translation) {
        double arabic = LetterShare.of(translation).arabicShare();
        double overlap = overlap(source, translation);
        boolean echo = arabic >= MAX_ARABIC_SHARE || overlap >= MAX_OVERLAP;
        String detail = String.format(Locale.ROOT, "Arabic letters %.0f%%, 4-grams shared with the source %.0f%%",
                arabic * 100, overlap * 100);
        return new GuardResult(CODE, !echo, true, detail);
    }

    /** @return the share of the output's distinct 4-grams that also occur in the source (0 for short outputs) */
    public static double overlap(String source, String output) {
        Set<String> outputGrams = grams(fold(output));
        if (outputGrams.isEmpty()) {
            return 0;
        }
        Set<String> sourceGrams = grams(fold(source));
        long shared = outputGrams.stream().filter(sourceGrams::contains).count();
        return (double) shared / outputGrams.size();
    }

    private static Set<String> grams(String folded) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + N <= folded.length(); i++) {
            String gram = folded.substring(i, i + N);
            if (!gram.isBlank()) {
                grams.add(gram);
            }
        }
        return grams;
    }

    /** Folds Arabic spelling variants and removes everything but letters, digits and single spaces. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\u064B-\\u065F\\u0670\\u0640]", "")
                .replaceAll("[أإآٱ]", "ا").replace('ى', 'ي').replace('ة', 'ه')
                .replaceAll("[^\\p{L}\\p{Nd}]+", " ");
        return s.strip();
    }
}
