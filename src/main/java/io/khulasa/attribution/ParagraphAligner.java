package io.khulasa.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.khulasa.guards.NumberGuard;

/**
 * Aligns the paragraphs of a translation to the paragraphs (lines) of the cleaned article, monotonically, with a
 * Gale–Church dynamic programme on lengths: a group of {@code a} article paragraphs rendered as {@code b} translation
 * paragraphs costs {@code -ln P(a:b)} plus {@code -ln P(δ)}, where δ is the normalised difference between the
 * translation's length and {@code c ×} the article's (c: the text's own length ratio, first over the whole texts, then
 * again over the 1:1 groups of a first pass, so a missing paragraph does not bias it). Numbers are anchors: every
 * number of the translation group found in the article group lowers the cost, every one absent raises it.
 * <p>
 * Groups: 1:1, 2:1, 3:1, 1:2, 1:3, 2:2, an article paragraph with no translation (1:0, a flat cost: a long paragraph
 * left out must not be hidden by merging it into its neighbour, which the length term would prefer), and, only as a
 * last resort, a translation paragraph with no article paragraph (0:1; it gets its neighbour's source). Every
 * translation paragraph gets a source: one or more whole, consecutive article paragraphs. Chunked translations are
 * aligned on their joined text, so chunk borders do not matter.
 */
final class ParagraphAligner {

    /** {a, b, -ln prior}: a article paragraphs into b translation paragraphs. */
    private static final double[][] GROUPS = {
            {1, 1, -Math.log(0.89)}, {2, 1, -Math.log(0.089 / 2)}, {1, 2, -Math.log(0.089 / 2)},
            {3, 1, -Math.log(0.005)}, {1, 3, -Math.log(0.005)}, {2, 2, -Math.log(0.011)}};
    /** An article paragraph left out. */
    static final double SKIP_COST = -Math.log(0.0099);
    /** A translation paragraph with no article paragraph: only when nothing else fits. */
    static final double INSERT_COST = 25;
    /** Variance of the length difference per article char (Gale–Church's 6.8, widened for Arabic → English). */
    static final double VARIANCE = 12;
    /** Cost change per number anchor. */
    static final double ANCHOR = 1.5;

    TranslationAlignment align(ArticleParagraphs article, String translation) {
        List<int[]> spans = ArticleParagraphs.lines(translation);
        int m = article.paragraphCount();
        int k = spans.size();
        String[] paragraphs = new String[k];
        double[] lt = new double[k];
        List<List<NumberGuard.FoundNumber>> tNumbers = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            paragraphs[j] = translation.substring(spans.get(j)[0], spans.get(j)[1]);
            lt[j] = paragraphs[j].length();
            tNumbers.add(NumberGuard.extract(paragraphs[j], false));
        }
        double[] la = new double[m];
        List<Set<BigDecimal>> aNumbers = article.numbers();
        for (int i = 0; i < m; i++) {
            la[i] = article.paragraphEnd[i] - article.paragraphStart[i];
        }
        double ratio = ratio(sum(lt, 0, k), sum(la, 0, m));
        int[][] groups = dp(la, lt, aNumbers, tNumbers, ratio);
        double ones = 0;
        double onesA = 0;
        for (int[] g : groups) {
            if (g[1] - g[0] == 1 && g[3] - g[2] == 1) {
                ones += lt[g[2]];
                onesA += la[g[0]];
            }
        }
        if (onesA > 0) {
            groups = dp(la, lt, aNumbers, tNumbers, ratio(ones, onesA));
        }
        return result(article, paragraphs, groups);
    }

    private static double ratio(double translated, double source) {
        return source > 0 && translated > 0 ? translated / source : 1.2;
    }

    private static double sum(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        return s;
    }

    /** @return groups {aFrom, aTo, tFrom, tTo} in order, covering both sides */
    private static int[][] dp(double[] la, double[] lt, List<Set<BigDecimal>> aNumbers,
            List<List<NumberGuard.FoundNumber>> tNumbers, double ratio) {
        int m = la.length;
        int k = lt.length;
        double[][] cost = new double[m + 1][k + 1];
        int[][] moveA = new int[m + 1][k + 1];
        int[][] moveT = new int[m + 1][k + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= k; j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                int ba = 0;
                int bt = 0;
                if (i > 0 && cost[i - 1][j] + SKIP_COST < best) {
                    best = cost[i - 1][j] + SKIP_COST;
                    ba = 1;
                }
                if (j > 0 && cost[i][j - 1] + INSERT_COST < best) {
                    best = cost[i][j - 1] + INSERT_COST;
                    ba = 0;
                    bt = 1;
                }
                for (double[] g : GROUPS) {
                    int a = (int) g[0];
                    int b = (int) g[1];
                    if (i < a || j < b || cost[i - a][j - b] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double c = cost[i - a][j - b] + g[2]
                            + lengthCost(sum(la, i - a, i), sum(lt, j - b, j), ratio)
                            + anchorCost(aNumbers, i - a, i, tNumbers, j - b, j);
                    if (c < best) {
                        best = c;
                        ba = a;
                        bt = b;
                    }
                }
                cost[i][j] = best;
                moveA[i][j] = ba;
                moveT[i][j] = bt;
            }
        }
        List<int[]> groups = new ArrayList<>();
        int i = m;
        int j = k;
        while (i > 0 || j > 0) {
            int a = moveA[i][j];
            int b = moveT[i][j];
            groups.add(0, new int[] {i - a, i, j - b, j});
            i -= a;
            j -= b;
        }
        return groups.toArray(new int[0][]);
    }

    /** {@code -ln} of the two-sided tail probability of δ (Gale–Church). */
    static double lengthCost(double source, double translated, double ratio) {
        double delta = (translated - ratio * source) / Math.sqrt(Math.max(source, 1) * VARIANCE);
        return -logErfc(Math.abs(delta) / Math.sqrt(2));
    }

    /** ln erfc(z) for z ≥ 0 (Numerical Recipes' erfcc, in log form so large z does not underflow). */
    static double logErfc(double z) {
        double t = 1 / (1 + 0.5 * z);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) - z * z + poly;
    }

    private static double anchorCost(List<Set<BigDecimal>> aNumbers, int aFrom, int aTo,
            List<List<NumberGuard.FoundNumber>> tNumbers, int tFrom, int tTo) {
        double c = 0;
        for (int j = tFrom; j < tTo; j++) {
            for (NumberGuard.FoundNumber n : tNumbers.get(j)) {
                boolean found = false;
                for (int i = aFrom; i < aTo && !found; i++) {
                    for (BigDecimal v : n.values()) {
                        if (aNumbers.get(i).contains(v)) {
                            found = true;
                            break;
                        }
                    }
                }
                c += found ? -ANCHOR : ANCHOR;
            }
        }
        return c;
    }

    private static TranslationAlignment result(ArticleParagraphs article, String[] paragraphs, int[][] groups) {
        String text = article.text();
        SourceSpan[] sources = new SourceSpan[paragraphs.length];
        List<SourceSpan> untranslated = new ArrayList<>();
        List<Integer> untranslatedIndexes = new ArrayList<>();
        for (int[] g : groups) {
            if (g[2] == g[3]) {
                for (int i = g[0]; i < g[1]; i++) {
                    untranslated.add(article.paragraph(i));
                    untranslatedIndexes.add(i);
                }
            } else if (g[0] < g[1]) {
                SourceSpan span = SourceSpan.of(text, article.paragraphStart[g[0]], article.paragraphEnd[g[1] - 1]);
                for (int j = g[2]; j < g[3]; j++) {
                    sources[j] = span;
                }
            }
        }
        // 0:1 groups take the source of the paragraph before them (or after, at the start)
        for (int j = 0; j < sources.length; j++) {
            if (sources[j] == null && j > 0) {
                sources[j] = sources[j - 1];
            }
        }
        for (int j = sources.length - 1; j >= 0; j--) {
            if (sources[j] == null) {
                sources[j] = j + 1 < sources.length ? sources[j + 1] : new SourceSpan(0, 0, "");
            }
        }
        List<AlignedParagraph> aligned = new ArrayList<>(paragraphs.length);
        List<String> warnings = new ArrayList<>();
        NumberGuard guard = new NumberGuard();
        for (int j = 0; j < paragraphs.length; j++) {
            List<String> missing = guard.missingNumbers(sources[j].text(), paragraphs[j]);
            aligned.add(new AlignedParagraph(paragraphs[j], sources[j], missing));
            if (!missing.isEmpty()) {
                warnings.add(TranslationAlignment.NUMBER_MISMATCH + ": paragraph " + j
                        + " has numbers not in its source: " + String.join(", ", missing));
            }
        }
        if (!untranslated.isEmpty()) {
            warnings.add(TranslationAlignment.UNTRANSLATED + ": " + untranslated.size() + " of " + article.paragraphCount()
                    + " article paragraphs (indexes "
                    + untranslatedIndexes.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return new TranslationAlignment(aligned, untranslated, warnings);
    }
}
