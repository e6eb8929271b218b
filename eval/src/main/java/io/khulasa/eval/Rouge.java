package io.khulasa.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-N and ROUGE-L (Lin 2004) with Google {@code rouge-score} semantics, tokenised by {@link RougeTokenizer}.
 * <p>
 * ROUGE-N: overlap = Σ min(count in target, count in prediction) over n-grams; precision = overlap / prediction
 * n-grams, recall = overlap / target n-grams. ROUGE-L: LCS length over tokens; precision = LCS / prediction
 * tokens, recall = LCS / target tokens. F = 2PR / (P + R), 0 when P + R = 0 or either side is empty.
 * Scores are in [0, 1].
 */
public final class Rouge {

    /** Precision, recall and F-measure in [0, 1]. */
    public record Score(double precision, double recall, double fmeasure) {

        static Score of(double precision, double recall) {
            double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
            return new Score(precision, recall, f);
        }
    }

    /** ROUGE-1, ROUGE-2 and ROUGE-L of one prediction. */
    public record Scores(Score rouge1, Score rouge2, Score rougeL) {
    }

    private final RougeTokenizer tokenizer;

    public Rouge(RougeTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public RougeTokenizer tokenizer() {
        return tokenizer;
    }

    /** All three scores; argument order as {@code RougeScorer.score(target, prediction)}. */
    public Scores score(String target, String prediction) {
        List<String> t = tokenizer.tokenize(target);
        List<String> p = tokenizer.tokenize(prediction);
        return new Scores(rougeN(t, p, 1), rougeN(t, p, 2), rougeL(t, p));
    }

    public Score rougeN(String target, String prediction, int n) {
        return rougeN(tokenizer.tokenize(target), tokenizer.tokenize(prediction), n);
    }

    public Score rougeL(String target, String prediction) {
        return rougeL(tokenizer.tokenize(target), tokenizer.tokenize(prediction));
    }

    static Score rougeN(List<String> target, List<String> prediction, int n) {
        Map<List<String>, Integer> t = ngrams(target, n);
        Map<List<String>, Integer> p = ngrams(prediction, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
            Integer pc = p.get(e.getKey());
            if (pc != null) {
                overlap += Math.min(e.getValue(), pc);
            }
        }
        int tCount = Math.max(0, target.size() - n + 1);
        int pCount = Math.max(0, prediction.size() - n + 1);
        double precision = (double) overlap / Math.max(pCount, 1);
        double recall = (double) overlap / Math.max(tCount, 1);
        return Score.of(precision, recall);
    }

    static Score rougeL(List<String> target, List<String> prediction) {
        if (target.isEmpty() || prediction.isEmpty()) {
            return new Score(0, 0, 0);
        }
        int[] prev = new int[prediction.size() + 1];
        int[] cur = new int[prediction.size() + 1];
        for (int i = 1; i <= target.size(); i++) {
            for (int j = 1; j <= prediction.size(); j++) {
                cur[j] = target.get(i - 1).equals(prediction.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        int lcs = prev[prediction.size()];
        return Score.of((double) lcs / prediction.size(), (double) lcs / target.size());
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }
}
