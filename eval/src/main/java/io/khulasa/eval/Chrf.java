package io.khulasa.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * chrF and chrF++ (Popović 2015, 2017) with sacreBLEU 2.x semantics.
 * <p>
 * Per segment and per order, counts of hypothesis n-grams, reference n-grams and matches (clipped counts) are
 * collected: character n-grams of order 1..{@code charOrder} over the text with whitespace removed (code points),
 * and for chrF++ word n-grams of order 1..{@code wordOrder} over whitespace tokens with one leading or trailing
 * ASCII punctuation mark split off. With several references the one with the best segment F-score is used.
 * Corpus statistics are summed over segments. Score (default, "effective order"): average precision P and recall
 * R over the orders where both hypothesis and reference have n-grams, then
 * {@code 100 · (1+β²)·P·R / (β²·P + R)}. With {@code epsSmoothing}, the F-score is computed per order (with
 * ε = 1e-16 for empty orders) and averaged, as chrF++.py/NLTK/Moses do.
 */
public final class Chrf {

    private static final Set<Integer> PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".chars().boxed()
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final int charOrder;
    private final int wordOrder;
    private final int beta;
    private final boolean lowercase;
    private final boolean whitespace;
    private final boolean epsSmoothing;

    /** Fully configurable chrF; see {@link #chrfPlusPlus()} and {@link #chrf()} for the defaults. */
    public Chrf(int charOrder, int wordOrder, int beta, boolean lowercase, boolean whitespace, boolean epsSmoothing) {
        this.charOrder = charOrder;
        this.wordOrder = wordOrder;
        this.beta = beta;
        this.lowercase = lowercase;
        this.whitespace = whitespace;
        this.epsSmoothing = epsSmoothing;
    }

    /** chrF++ with sacreBLEU defaults: char order 6, word order 2, β 2, case-sensitive, no whitespace. */
    public static Chrf chrfPlusPlus() {
        return new Chrf(6, 2, 2, false, false, false);
    }

    /** chrF with sacreBLEU defaults: char order 6, word order 0, β 2. */
    public static Chrf chrf() {
        return new Chrf(6, 0, 2, false, false, false);
    }

    /** Signature in sacreBLEU style, for reports. */
    public String signature() {
        return "chrF" + beta + "+".repeat(wordOrder) + "|nc:" + charOrder + "|nw:" + wordOrder
                + "|case:" + (lowercase ? "lc" : "mixed") + "|eff:" + (epsSmoothing ? "no" : "yes")
                + "|space:" + (whitespace ? "yes" : "no");
    }

    /**
     * Corpus score in [0, 100].
     *
     * @param hypotheses one per segment
     * @param references reference streams; each stream holds one reference per segment
     */
    public double corpusScore(List<String> hypotheses, List<List<String>> references) {
        long[] total = new long[3 * (charOrder + wordOrder)];
        for (int i = 0; i < hypotheses.size(); i++) {
            int[] stats = segmentStatistics(hypotheses.get(i), referencesFor(references, i));
            for (int k = 0; k < total.length; k++) {
                total[k] += stats[k];
            }
        }
        return fScore(total);
    }

    /** Sentence score in [0, 100] against one or more references. */
    public double sentenceScore(String hypothesis, List<String> references) {
        return fScore(toLong(segmentStatistics(hypothesis, references)));
    }

    /** Flattened [hyp, ref, match] counts for each order (char orders, then word orders), best reference. */
    int[] segmentStatistics(String hypothesis, List<String> references) {
        List<Map<String, Integer>> hyp = ngrams(preprocess(hypothesis));
        int[] best = null;
        double bestF = -1;
        for (String ref : references) {
            List<Map<String, Integer>> refNgrams = ngrams(preprocess(ref));
            int[] stats = new int[3 * (charOrder + wordOrder)];
            for (int o = 0; o < hyp.size(); o++) {
                Map<String, Integer> h = hyp.get(o);
                Map<String, Integer> r = refNgrams.get(o);
                int hypCount = 0;
                int match = 0;
                for (Map.Entry<String, Integer> e : h.entrySet()) {
                    hypCount += e.getValue();
                    Integer rc = r.get(e.getKey());
                    if (rc != null) {
                        match += Math.min(e.getValue(), rc);
                    }
                }
                int refCount = r.values().stream().mapToInt(Integer::intValue).sum();
                stats[3 * o] = r.isEmpty() ? 0 : hypCount; // no hits counted when the reference has no n-gram
                stats[3 * o + 1] = refCount;
                stats[3 * o + 2] = match;
            }
            double f = fScore(toLong(stats));
            if (f > bestF) {
                bestF = f;
                best = stats;
            }
        }
        return best == null ? new int[3 * (charOrder + wordOrder)] : best;
    }

    double fScore(long[] stats) {
        double eps = 1e-16;
        double score = 0;
        double factor = (double) beta * beta;
        double avgPrec = 0;
        double avgRec = 0;
        int effectiveOrder = 0;
        int order = charOrder + wordOrder;
        for (int i = 0; i < order; i++) {
            long nHyp = stats[3 * i];
            long nRef = stats[3 * i + 1];
            long nMatch = stats[3 * i + 2];
            double prec = nHyp > 0 ? (double) nMatch / nHyp : eps;
            double rec = nRef > 0 ? (double) nMatch / nRef : eps;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (epsSmoothing) {
            return 100 * score / order;
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        avgPrec /= effectiveOrder;
        avgRec /= effectiveOrder;
        if (avgPrec + avgRec == 0) {
            return 0.0;
        }
        return 100 * (1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec);
    }

    private String preprocess(String s) {
        return lowercase ? s.toLowerCase(Locale.ROOT) : s;
    }

    private List<Map<String, Integer>> ngrams(String sentence) {
        List<Map<String, Integer>> out = new ArrayList<>(charOrder + wordOrder);
        String chars = whitespace ? sentence : String.join("", TextSplitting.splitWhitespace(sentence));
        int[] cps = chars.codePoints().toArray();
        for (int n = 1; n <= charOrder; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= cps.length; i++) {
                counts.merge(new String(cps, i, n), 1, Integer::sum);
            }
            out.add(counts);
        }
        if (wordOrder > 0) {
            List<String> words = splitPunctuation(sentence);
            for (int n = 1; n <= wordOrder; n++) {
                Map<String, Integer> counts = new HashMap<>();
                for (int i = 0; i + n <= words.size(); i++) {
                    counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
                }
                out.add(counts);
            }
        }
        return out;
    }

    /** sacreBLEU's chrF++ word splitting: one trailing, else one leading, ASCII punctuation mark is split off. */
    static List<String> splitPunctuation(String sentence) {
        List<String> out = new ArrayList<>();
        for (String w : TextSplitting.splitWhitespace(sentence)) {
            int cpCount = w.codePointCount(0, w.length());
            if (cpCount == 1) {
                out.add(w);
                continue;
            }
            int last = w.codePointBefore(w.length());
            int first = w.codePointAt(0);
            if (PUNCTUATION.contains(last)) {
                int cut = w.length() - Character.charCount(last);
                out.add(w.substring(0, cut));
                out.add(w.substring(cut));
            } else if (PUNCTUATION.contains(first)) {
                out.add(w.substring(0, 1));
                out.add(w.substring(1));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    static List<String> referencesFor(List<List<String>> streams, int segment) {
        List<String> refs = new ArrayList<>(streams.size());
        for (List<String> stream : streams) {
            refs.add(stream.get(segment));
        }
        return refs;
    }

    private static long[] toLong(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
