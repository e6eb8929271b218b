package io.khulasa.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs every item through every prompt version of a running khulasa and scores the outputs.
 * <p>
 * Calls are interleaved (item 1 × all versions, item 2 × all versions, ...) so that all versions meet similar
 * server conditions, and run {@code concurrency} at a time. A failed call scores 0 on every metric (as an empty
 * output would), so a version cannot gain by failing on hard items; failures are also counted by problem code.
 */
public final class EvaluationRunner {

    /** Metric names used in reports. */
    public static final String CHRF_PP = "chrF++";
    public static final String BLEU = "BLEU";
    public static final String ROUGE_1 = "ROUGE-1";
    public static final String ROUGE_2 = "ROUGE-2";
    public static final String ROUGE_L = "ROUGE-L";

    /**
     * Run settings.
     *
     * @param versions     prompt versions; the first is the baseline of comparisons
     * @param limit        first N items only (≤ 0: all)
     * @param foldArabic   ROUGE tokeniser folds alef/yeh/teh marbuta (scoring only)
     * @param sendTitle    send the item's {@code title} (when it has one) along with the text
     */
    public record Options(EvalTask task, List<String> versions, int limit, int concurrency,
            EvaluationReport.Pricing pricing, int resamples, long seed, boolean foldArabic, boolean sendTitle) {
    }

    private final KhulasaClient client;
    private final Consumer<String> progress;

    /** @param progress receives short progress lines (counts only, never article text) */
    public EvaluationRunner(KhulasaClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    public EvaluationReport run(String datasetName, String baseUrl, List<EvalItem> allItems, Options options)
            throws InterruptedException {
        List<EvalItem> items = options.limit() > 0 && options.limit() < allItems.size()
                ? allItems.subList(0, options.limit()) : allItems;
        List<String> versions = List.copyOf(new LinkedHashSet<>(options.versions()));
        String startedAt = Instant.now().toString();
        CallOutcome[][] outcomes = new CallOutcome[items.size()][versions.size()];
        int total = items.size() * versions.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.concurrency()));
        try {
            List<Future<?>> futures = new ArrayList<>(total);
            for (int i = 0; i < items.size(); i++) {
                for (int v = 0; v < versions.size(); v++) {
                    int ii = i;
                    int vv = v;
                    futures.add(pool.submit(() -> {
                        EvalItem item = items.get(ii);
                        outcomes[ii][vv] = client.call(options.task(), item.text(),
                                options.sendTitle() ? item.title() : null, versions.get(vv));
                        int n = done.incrementAndGet();
                        if (n % 10 == 0 || n == total) {
                            progress.accept("calls done: " + n + "/" + total);
                        }
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation call crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return score(datasetName, baseUrl, startedAt, items, versions, outcomes, options);
    }

    /** Scores collected outcomes ({@code outcomes[item][version]}); public for offline re-scoring and tests. */
    public static EvaluationReport score(String datasetName, String baseUrl, String startedAt, List<EvalItem> items,
            List<String> versions, CallOutcome[][] outcomes, Options options) {
        boolean translate = options.task() == EvalTask.TRANSLATE;
        Chrf chrfPp = Chrf.chrfPlusPlus();
        Bleu corpusBleu = Bleu.corpusDefaults();
        Bleu sentenceBleu = Bleu.sentenceDefaults();
        Rouge rouge = new Rouge(new RougeTokenizer(options.foldArabic()));
        List<String> metrics = translate ? List.of(CHRF_PP, BLEU) : List.of(ROUGE_1, ROUGE_2, ROUGE_L);

        List<EvaluationReport.ItemResult> results = new ArrayList<>();
        List<EvaluationReport.VersionSummary> summaries = new ArrayList<>();
        Map<String, Map<String, double[]>> perItem = new LinkedHashMap<>(); // version → metric → scores

        for (int v = 0; v < versions.size(); v++) {
            String version = versions.get(v);
            Map<String, double[]> itemScores = new LinkedHashMap<>();
            metrics.forEach(m -> itemScores.put(m, new double[items.size()]));
            List<String> hyps = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            Map<String, Integer> failures = new TreeMap<>();
            Map<String, Integer> warnings = new TreeMap<>();
            LinkedHashSet<String> models = new LinkedHashSet<>();
            List<Long> latencies = new ArrayList<>();
            long inTokens = 0;
            long outTokens = 0;
            long hypLen = 0;
            long refLen = 0;
            int succeeded = 0;
            double costTotal = 0;
            for (int i = 0; i < items.size(); i++) {
                EvalItem item = items.get(i);
                CallOutcome o = outcomes[i][v];
                String hyp = o.succeeded() ? o.output() : "";
                Map<String, Double> scores = new LinkedHashMap<>();
                if (translate) {
                    scores.put(CHRF_PP, chrfPp.sentenceScore(hyp, List.of(item.reference())));
                    scores.put(BLEU, sentenceBleu.sentenceScore(hyp, List.of(item.reference())).score());
                    hyps.add(hyp);
                    refs.add(item.reference());
                } else {
                    Rouge.Scores r = rouge.score(item.reference(), hyp);
                    scores.put(ROUGE_1, 100 * r.rouge1().fmeasure());
                    scores.put(ROUGE_2, 100 * r.rouge2().fmeasure());
                    scores.put(ROUGE_L, 100 * r.rougeL().fmeasure());
                }
                for (String m : metrics) {
                    itemScores.get(m)[i] = scores.get(m);
                }
                double cost = 0;
                if (o.succeeded()) {
                    succeeded++;
                    latencies.add(o.latencyMs());
                    inTokens += o.inputTokens();
                    outTokens += o.outputTokens();
                    cost = options.pricing().cost(o.inputTokens(), o.outputTokens());
                    costTotal += cost;
                    if (o.model() != null) {
                        models.add(o.model());
                    }
                    o.warnings().forEach(w -> warnings.merge(w, 1, Integer::sum));
                    hypLen += tokenCount(translate, rouge, o.output());
                    refLen += tokenCount(translate, rouge, item.reference());
                } else {
                    failures.merge(o.problemCode(), 1, Integer::sum);
                }
                results.add(new EvaluationReport.ItemResult(item.id(), version, o.succeeded(), o.problemCode(),
                        o.httpStatus(), o.latencyMs(), o.inputTokens(), o.outputTokens(), cost, scores, o.warnings(),
                        o.output()));
            }
            Map<String, Double> corpus = new LinkedHashMap<>();
            Map<String, Double> means = new LinkedHashMap<>();
            for (String m : metrics) {
                means.put(m, PairedBootstrap.mean(itemScores.get(m)));
            }
            if (translate) {
                corpus.put(CHRF_PP, chrfPp.corpusScore(hyps, List.of(refs)));
                corpus.put(BLEU, corpusBleu.corpusScore(hyps, List.of(refs)).score());
            } else {
                corpus.putAll(means); // rouge-score aggregates by averaging per-item F
            }
            latencies.sort(Long::compare);
            summaries.add(new EvaluationReport.VersionSummary(version, items.size(), succeeded, items.size() - succeeded,
                    failures, warnings, List.copyOf(models), corpus, means,
                    refLen > 0 ? (double) hypLen / refLen : null,
                    percentile(latencies, 50), percentile(latencies, 95), inTokens, outTokens,
                    succeeded > 0 ? costTotal / succeeded : null, costTotal));
            perItem.put(version, itemScores);
        }

        List<EvaluationReport.MetricComparison> comparisons = new ArrayList<>();
        String baseline = versions.get(0);
        for (String candidate : versions.subList(1, versions.size())) {
            for (String m : metrics) {
                comparisons.add(new EvaluationReport.MetricComparison(baseline, candidate, m, PairedBootstrap.compare(
                        perItem.get(baseline).get(m), perItem.get(candidate).get(m), options.resamples(), options.seed())));
            }
        }

        Map<String, String> scoring = new LinkedHashMap<>();
        if (translate) {
            scoring.put(CHRF_PP, "corpus " + chrfPp.signature() + "; per item: sentence chrF++ (same settings)");
            scoring.put(BLEU, "corpus " + corpusBleu.signature() + "; per item: sentence " + sentenceBleu.signature());
            scoring.put("lengthRatio", "output 13a tokens / reference 13a tokens, succeeded items");
        } else {
            scoring.put("ROUGE", "rouge-score F-measure x100, mean over items; tokeniser: " + rouge.tokenizer().description());
            scoring.put("lengthRatio", "output ROUGE tokens / reference ROUGE tokens, succeeded items");
        }
        scoring.put("failures", "a failed call scores 0 on every metric; counted under its problem code");
        scoring.put("comparisons", "paired bootstrap of per-item differences (candidate - baseline), "
                + options.resamples() + " resamples, seed " + options.seed() + ", 95% percentile CI");
        return new EvaluationReport(options.task().label(), datasetName, baseUrl, startedAt, items.size(), scoring,
                options.pricing(), summaries, comparisons, results);
    }

    private static long tokenCount(boolean translate, Rouge rouge, String s) {
        return translate ? TextSplitting.splitWhitespace(Tokenizer13a.tokenize(s.stripTrailing())).size()
                : rouge.tokenizer().tokenize(s).size();
    }

    /** Nearest-rank percentile of sorted values, or null when empty. */
    static Long percentile(List<Long> sorted, int pct) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(pct / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
