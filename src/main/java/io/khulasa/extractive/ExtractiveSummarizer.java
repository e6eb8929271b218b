package io.khulasa.extractive;

import io.khulasa.chunking.SentenceSplitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic extractive summary of a cleaned Arabic article, with no LLM: a fallback when the model
 * is unavailable and a baseline for evaluation.
 *
 * <p>Sentences come from the {@link SentenceSplitter} (paragraph lines are hard breaks). Each sentence is
 * scored by TF-IDF centrality: the cosine between its term vector and the whole article's, over folded
 * tokens (no diacritics or tatweel, one alef / ya / ta marbuta form, the article «ال» and clitics و/ب/ل/ف/ك
 * removed, stop words dropped). Folding is for scoring only: sentences are returned verbatim. The score is
 * then multiplied by a lead bias {@code 1 + 0.5 / (1 + position)}, because news puts the essentials
 * first. The best sentences win, skipping near-duplicates of an already chosen one (a repeated title) and
 * fragments shorter than {@value #MIN_TOKENS} content words; the winners are returned in article order.
 * Sentences are never cut. Thread-safe.
 */
public final class ExtractiveSummarizer {

    /** Sentences with fewer content words are not selected (bylines, «اقرأ أيضاً» leftovers). */
    public static final int MIN_TOKENS = 4;

    private static final double DUPLICATE_JACCARD = 0.7;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+");
    private static final Pattern MARKS = Pattern.compile("[\\u064B-\\u065F\\u0670\\u0640]");

    private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            "في", "من", "على", "الى", "عن", "مع", "ان", "انه", "انها", "او", "ثم", "قد", "لقد", "كما", "لم", "لن",
            "لا", "ما", "ماذا", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "التي", "الذي", "الذين", "كان", "كانت",
            "يكون", "بين", "خلال", "بعد", "قبل", "عند", "حول", "حتى", "اي", "كل", "بعض", "غير", "منذ", "اذا", "لكن",
            "بان", "انهم", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "الى", "به", "بها", "له", "لها",
            "وقد", "حيث", "ايضا", "ضمن", "نحو", "لدى", "تم", "يتم", "هناك", "هنا", "الذي", "اللذان", "عام", "يوم",
            "قال", "قالت", "اضاف", "اضافت", "اشار", "اشارت", "the", "a", "an", "of", "and", "to", "in"));

    /** Extra weight of early sentences (0 = pure centrality): the first sentence counts × 1.5. */
    private static final double LEAD_BIAS = 0.5;

    private final SentenceSplitter splitter = new SentenceSplitter();

    /**
     * @param article cleaned article, one paragraph per line
     * @param length  how many sentences
     * @return the summary; empty text if the article has no sentence
     */
    public ExtractiveSummary summarize(String article, SummaryLength length) {
        Objects.requireNonNull(length, "length");
        List<String> sentences = sentences(article == null ? "" : article);
        List<Map<String, Integer>> termCounts = sentences.stream().map(ExtractiveSummarizer::termCounts).toList();

        Map<String, Integer> documentFrequency = new HashMap<>();
        Map<String, Integer> articleCounts = new HashMap<>();
        for (Map<String, Integer> counts : termCounts) {
            counts.forEach((term, n) -> {
                documentFrequency.merge(term, 1, Integer::sum);
                articleCounts.merge(term, n, Integer::sum);
            });
        }
        int n = sentences.size();
        Map<String, Double> idf = new HashMap<>();
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log((double) n / df) + 1));
        Map<String, Double> articleVector = weigh(articleCounts, idf);

        List<Integer> candidates = new ArrayList<>();
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            int tokens = termCounts.get(i).values().stream().mapToInt(Integer::intValue).sum();
            if (tokens >= MIN_TOKENS) {
                scores[i] = cosine(weigh(termCounts.get(i), idf), articleVector) * (1 + LEAD_BIAS / (1 + i));
                candidates.add(i);
            }
        }
        // highest score first; equal scores: earlier sentence first, so the result never depends on hashing
        candidates.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));

        List<Integer> chosen = new ArrayList<>();
        for (int i : candidates) {
            if (chosen.size() == length.sentences()) {
                break;
            }
            boolean duplicate = chosen.stream()
                    .anyMatch(c -> jaccard(termCounts.get(c).keySet(), termCounts.get(i).keySet()) >= DUPLICATE_JACCARD);
            if (!duplicate) {
                chosen.add(i);
            }
        }
        chosen.sort(Comparator.naturalOrder());

        List<ExtractiveSummary.SelectedSentence> selected = chosen.stream()
                .map(i -> new ExtractiveSummary.SelectedSentence(i, sentences.get(i), scores[i]))
                .toList();
        String text = String.join(" ", selected.stream().map(ExtractiveSummary.SelectedSentence::text).toList());
        return new ExtractiveSummary(text, selected);
    }

    /** @return the article's sentences, stripped, without blank ones, in order */
    List<String> sentences(String article) {
        List<String> sentences = new ArrayList<>();
        for (String segment : splitter.split(article)) {
            String s = segment.strip();
            if (!s.isEmpty()) {
                sentences.add(s);
            }
        }
        return sentences;
    }

    /** @return folded content terms of a sentence with their counts */
    static Map<String, Integer> termCounts(String sentence) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            String term = fold(m.group());
            if (term.length() >= 2 && !STOP_WORDS.contains(term) && !term.chars().allMatch(Character::isDigit)) {
                counts.merge(term, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Spelling-insensitive stem-ish form of one word, for scoring only. */
    static String fold(String word) {
        String w = MARKS.matcher(word).replaceAll("").toLowerCase(Locale.ROOT)
                .replaceAll("[أإآٱ]", "ا").replace('ى', 'ي').replace('ة', 'ه');
        if (STOP_WORDS.contains(w)) {
            return w;
        }
        for (String prefix : new String[] {"وال", "بال", "كال", "فال", "لل", "ال"}) {
            if (w.startsWith(prefix) && w.length() - prefix.length() >= 3) {
                return w.substring(prefix.length());
            }
        }
        if ((w.startsWith("و") || w.startsWith("ف")) && w.length() >= 5) {
            return w.substring(1);
        }
        return w;
    }

    private static Map<String, Double> weigh(Map<String, Integer> counts, Map<String, Double> idf) {
        Map<String, Double> vector = new HashMap<>();
        counts.forEach((term, n) -> vector.put(term, n * idf.getOrDefault(term, 1.0)));
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> intersection = new HashSet<>(a);
        intersection.retainAll(b);
        return (double) intersection.size() / union.size();
    }
}
