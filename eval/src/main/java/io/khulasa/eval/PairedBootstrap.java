package io.khulasa.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paired bootstrap (Koehn 2004; Efron &amp; Tibshirani 1993) for comparing two systems on the same items.
 * <p>
 * Per item {@code d_i = candidate_i − baseline_i}. Each of {@code resamples} rounds draws {@code n} item indices
 * with replacement (seeded {@link SplittableRandom}, so results are reproducible) and takes the mean of the
 * drawn {@code d_i}. The 95% CI is the 2.5th and 97.5th percentile of those means (linear interpolation between
 * order statistics, numpy's default). The two-sided p-value is {@code min(1, 2·min(P(mean* ≤ 0), P(mean* ≥ 0)))}.
 */
public final class PairedBootstrap {

    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private PairedBootstrap() {
    }

    /**
     * A comparison.
     *
     * @param n              paired items
     * @param baselineMean   mean of the baseline scores
     * @param candidateMean  mean of the candidate scores
     * @param meanDifference candidate − baseline (mean of the per-item differences)
     * @param ciLow          2.5th percentile of the bootstrap means of the differences
     * @param ciHigh         97.5th percentile
     * @param pValue         two-sided bootstrap p-value for "no difference"
     * @param resamples      bootstrap rounds
     * @param seed           random seed
     */
    public record Result(int n, double baselineMean, double candidateMean, double meanDifference, double ciLow,
            double ciHigh, double pValue, int resamples, long seed) {

        /** True when the 95% CI excludes 0. */
        public boolean significant() {
            return ciLow > 0 || ciHigh < 0;
        }
    }

    /** Per-item differences {@code candidate − baseline}. */
    public static double[] pairedDifferences(double[] baseline, double[] candidate) {
        if (baseline.length != candidate.length) {
            throw new IllegalArgumentException("paired scores differ in length: " + baseline.length + " vs " + candidate.length);
        }
        double[] d = new double[baseline.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = candidate[i] - baseline[i];
        }
        return d;
    }

    /** Compares {@code candidate} with {@code baseline}, item by item. */
    public static Result compare(double[] baseline, double[] candidate, int resamples, long seed) {
        double[] d = pairedDifferences(baseline, candidate);
        int n = d.length;
        if (n == 0) {
            return new Result(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, resamples, seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        int atMostZero = 0;
        int atLeastZero = 0;
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += d[random.nextInt(n)];
            }
            double m = sum / n;
            means[b] = m;
            if (m <= 0) {
                atMostZero++;
            }
            if (m >= 0) {
                atLeastZero++;
            }
        }
        Arrays.sort(means);
        double p = Math.min(1.0, 2.0 * Math.min(atMostZero, atLeastZero) / resamples);
        return new Result(n, mean(baseline), mean(candidate), mean(d), percentile(means, 2.5), percentile(means, 97.5),
                p, resamples, seed);
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return a.length == 0 ? Double.NaN : s / a.length;
    }

    /** Percentile of sorted values, linear interpolation between closest ranks. */
    static double percentile(double[] sorted, double pct) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = pct / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
