package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    @Test
    void constantShiftGivesDegenerateIntervalAtTheShift() {
        double[] base = new double[50];
        double[] cand = new double[50];
        Random r = new Random(1);
        for (int i = 0; i < 50; i++) {
            base[i] = 100 * r.nextDouble();
            cand[i] = base[i] + 2.5;
        }
        PairedBootstrap.Result res = PairedBootstrap.compare(base, cand, 1000, 7);
        assertThat(res.meanDifference()).isCloseTo(2.5, within(1e-9));
        assertThat(res.ciLow()).isCloseTo(2.5, within(1e-9));
        assertThat(res.ciHigh()).isCloseTo(2.5, within(1e-9));
        assertThat(res.pValue()).isZero();
        assertThat(res.significant()).isTrue();
        assertThat(res.n()).isEqualTo(50);
    }

    @Test
    void normalDifferencesGiveTheTextbookInterval() {
        // d_i ~ N(1, 4): the CI of the mean is about 1 ± 1.96·2/√n
        int n = 2000;
        double[] base = new double[n];
        double[] cand = new double[n];
        Random r = new Random(42);
        for (int i = 0; i < n; i++) {
            base[i] = 50 + 10 * r.nextGaussian();
            cand[i] = base[i] + 1 + 2 * r.nextGaussian();
        }
        PairedBootstrap.Result res = PairedBootstrap.compare(base, cand, 1000, 12345);
        double[] d = PairedBootstrap.pairedDifferences(base, cand);
        double mean = PairedBootstrap.mean(d);
        double sd = Math.sqrt(java.util.Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (n - 1));
        double halfWidth = 1.96 * sd / Math.sqrt(n);
        assertThat(res.meanDifference()).isCloseTo(mean, within(1e-12));
        assertThat(res.ciLow()).isCloseTo(mean - halfWidth, within(0.15 * halfWidth));
        assertThat(res.ciHigh()).isCloseTo(mean + halfWidth, within(0.15 * halfWidth));
        assertThat(res.ciLow()).isGreaterThan(0);
    }

    @Test
    void noDifferenceIsNotSignificantAndSeedMakesItReproducible() {
        double[] base = {10, 20, 30, 40, 50, 60, 70, 80};
        double[] cand = {12, 18, 33, 37, 50, 61, 69, 80};   // differences +2 −2 +3 −3 0 +1 −1 0, mean 0
        PairedBootstrap.Result a = PairedBootstrap.compare(base, cand, 1000, 99);
        PairedBootstrap.Result b = PairedBootstrap.compare(base, cand, 1000, 99);
        assertThat(a).isEqualTo(b);
        assertThat(a.meanDifference()).isZero();
        assertThat(a.ciLow()).isNegative();
        assertThat(a.ciHigh()).isPositive();
        assertThat(a.significant()).isFalse();
        assertThat(a.pValue()).isGreaterThan(0.5);
        assertThat(a.baselineMean()).isEqualTo(45.0);
        assertThat(a.candidateMean()).isEqualTo(45.0);
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(PairedBootstrap.percentile(sorted, 50)).isEqualTo(2.5);
        assertThat(PairedBootstrap.percentile(sorted, 2.5)).isCloseTo(1.075, within(1e-12));
        assertThat(PairedBootstrap.percentile(sorted, 100)).isEqualTo(4.0);
    }
}
