package io.khulasa.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BLEU (Papineni et al. 2002) with sacreBLEU 2.x semantics.
 * <p>
 * Segments are tokenised ({@code 13a} by default, after stripping trailing whitespace); n-grams of order 1..4
 * are counted with clipping against the maximum count over references; the reference length of a segment is
 * the closest reference length (ties → the shorter). Corpus statistics are summed, then
 * {@code BLEU = BP · exp(mean log p_n)}, {@code BP = exp(1 − r/c)} when {@code c < r}. Smoothing ({@code exp}
 * default, Chen &amp; Cherry 2014 method 3): the k-th order with no match gets precision {@code 1/(2^k · total)}.
 * Sentence BLEU uses effective order (orders with no hypothesis n-grams are left out), as sacreBLEU's
 * {@code sentence_bleu}.
 */
public final class Bleu {

    /** Smoothing for orders without matches. */
    public enum Smoothing { NONE, FLOOR, ADD_K, EXP }

    /** Tokenisation before counting. */
    public enum Tokenization { NONE, T13A }

    private static final int MAX_ORDER = 4;

    private final Tokenization tokenization;
    private final Smoothing smoothing;
    private final double smoothValue;
    private final boolean lowercase;
    private final boolean effectiveOrder;

    /**
     * @param smoothValue for FLOOR (default 0.1) and ADD_K (default 1); {@code null} means the default
     */
    public Bleu(Tokenization tokenization, Smoothing smoothing, Double smoothValue, boolean lowercase, boolean effectiveOrder) {
        this.tokenization = tokenization;
        this.smoothing = smoothing;
        this.smoothValue = smoothValue != null ? smoothValue : switch (smoothing) {
            case FLOOR -> 0.1;
            case ADD_K -> 1.0;
            default -> 0.0;
        };
        this.lowercase = lowercase;
        this.effectiveOrder = effectiveOrder;
    }

    /** sacreBLEU {@code corpus_bleu} defaults: 13a, exp smoothing, mixed case, no effective order. */
    public static Bleu corpusDefaults() {
        return new Bleu(Tokenization.T13A, Smoothing.EXP, null, false, false);
    }

    /** sacreBLEU {@code sentence_bleu} defaults: as the corpus defaults but with effective order. */
    public static Bleu sentenceDefaults() {
        return new Bleu(Tokenization.T13A, Smoothing.EXP, null, false, true);
    }

    /** Signature in sacreBLEU style, for reports. */
    public String signature() {
        return "BLEU|case:" + (lowercase ? "lc" : "mixed") + "|eff:" + (effectiveOrder ? "yes" : "no") + "|tok:"
                + (tokenization == Tokenization.T13A ? "13a" : "none") + "|smooth:" + smoothing.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A BLEU result.
     *
     * @param score         0–100
     * @param counts        matched n-grams per order
     * @param totals        hypothesis n-grams per order
     * @param precisions    per-order precision, 0–100 (after smoothing)
     * @param brevityPenalty BP
     * @param sysLen        hypothesis tokens
     * @param refLen        (closest) reference tokens
     */
    public record Score(double score, long[] counts, long[] totals, double[] precisions, double brevityPenalty,
            long sysLen, long refLen) {
    }

    /** Corpus BLEU; {@code references} are streams, each with one reference per hypothesis. */
    public Score corpusScore(List<String> hypotheses, List<List<String>> references) {
        long[] stats = new long[2 + 2 * MAX_ORDER];
        for (int i = 0; i < hypotheses.size(); i++) {
            long[] s = segmentStatistics(hypotheses.get(i), Chrf.referencesFor(references, i));
            for (int k = 0; k < stats.length; k++) {
                stats[k] += s[k];
            }
        }
        return fromStatistics(stats);
    }

    /** Sentence BLEU against one or more references. */
    public Score sentenceScore(String hypothesis, List<String> references) {
        return fromStatistics(segmentStatistics(hypothesis, references));
    }

    private Score fromStatistics(long[] s) {
        long[] correct = new long[MAX_ORDER];
        long[] total = new long[MAX_ORDER];
        System.arraycopy(s, 2, correct, 0, MAX_ORDER);
        System.arraycopy(s, 2 + MAX_ORDER, total, 0, MAX_ORDER);
        return compute(correct, total, s[0], s[1], smoothing, smoothValue, effectiveOrder);
    }

    /** [hypLen, refLen, correct×4, total×4]. */
    long[] segmentStatistics(String hypothesis, List<String> references) {
        List<String> hypTokens = TextSplitting.splitWhitespace(preprocess(hypothesis));
        Map<String, Integer> refMax = new HashMap<>();
        int refLen = -1;
        int hypLen = hypTokens.size();
        for (String ref : references) {
            List<String> refTokens = TextSplitting.splitWhitespace(preprocess(ref));
            int len = refTokens.size();
            if (refLen < 0 || Math.abs(hypLen - len) < Math.abs(hypLen - refLen)
                    || (Math.abs(hypLen - len) == Math.abs(hypLen - refLen) && len < refLen)) {
                refLen = len;
            }
            ngramCounts(refTokens).forEach((k, v) -> refMax.merge(k, v, Math::max));
        }
        long[] out = new long[2 + 2 * MAX_ORDER];
        out[0] = hypLen;
        out[1] = Math.max(refLen, 0);
        for (Map.Entry<String, Integer> e : ngramCounts(hypTokens).entrySet()) {
            int order = (int) e.getKey().chars().filter(c -> c == '\u0001').count(); // separators = n − 1
            out[2 + MAX_ORDER + order] += e.getValue();
            Integer r = refMax.get(e.getKey());
            if (r != null) {
                out[2 + order] += Math.min(e.getValue(), r);
            }
        }
        return out;
    }

    private String preprocess(String s) {
        if (lowercase) {
            s = s.toLowerCase(Locale.ROOT);
        }
        s = s.stripTrailing();
        return tokenization == Tokenization.T13A ? Tokenizer13a.tokenize(s) : s;
    }

    private static Map<String, Integer> ngramCounts(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (int n = 1; n <= MAX_ORDER; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                counts.merge(String.join("\u0001", tokens.subList(i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** sacreBLEU's {@code BLEU.compute_bleu}: score from summed statistics. */
    public static Score compute(long[] correctIn, long[] totalIn, long sysLen, long refLen, Smoothing smoothing,
            double smoothValue, boolean effectiveOrder) {
        double bp = 1.0;
        if (sysLen < refLen) {
            bp = sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
        }
        double[] precisions = new double[MAX_ORDER];
        boolean anyMatch = false;
        for (long c : correctIn) {
            anyMatch |= c != 0;
        }
        if (!anyMatch) {
            return new Score(0.0, correctIn.clone(), totalIn.clone(), precisions, bp, sysLen, refLen);
        }
        double[] correct = new double[MAX_ORDER];
        double[] total = new double[MAX_ORDER];
        for (int i = 0; i < MAX_ORDER; i++) {
            correct[i] = correctIn[i];
            total[i] = totalIn[i];
        }
        double smoothMteval = 1.0;
        int effOrder = MAX_ORDER;
        for (int n = 1; n <= MAX_ORDER; n++) {
            if (smoothing == Smoothing.ADD_K && n > 1) {
                correct[n - 1] += smoothValue;
                total[n - 1] += smoothValue;
            }
            if (total[n - 1] == 0) {
                break;
            }
            if (effectiveOrder) {
                effOrder = n;
            }
            if (correct[n - 1] == 0) {
                if (smoothing == Smoothing.EXP) {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
                } else if (smoothing == Smoothing.FLOOR) {
                    precisions[n - 1] = 100.0 * smoothValue / total[n - 1];
                }
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double sumLog = 0;
        for (int i = 0; i < effOrder; i++) {
            sumLog += precisions[i] == 0.0 ? -9999999999.0 : Math.log(precisions[i]);
        }
        double score = bp * Math.exp(sumLog / effOrder);
        return new Score(score, correctIn.clone(), totalIn.clone(), precisions, bp, sysLen, refLen);
    }
}
