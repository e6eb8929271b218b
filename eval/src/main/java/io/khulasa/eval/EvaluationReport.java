package io.khulasa.eval;

import java.util.List;
import java.util.Map;

/**
 * The JSON report of one evaluation run.
 *
 * @param task        {@code translate} or {@code summarize}
 * @param dataset     dataset file
 * @param baseUrl     khulasa base URL
 * @param startedAt   ISO-8601 instant
 * @param items       items evaluated (after {@code --limit})
 * @param scoring     how each metric was computed (signatures, tokeniser, failure rule)
 * @param pricing     prices used for the cost estimate
 * @param versions    one summary per prompt version, in the order given
 * @param comparisons each later version against the first, per metric
 * @param results     every call, item by item
 */
public record EvaluationReport(String task, String dataset, String baseUrl, String startedAt, int items,
        Map<String, String> scoring, Pricing pricing, List<VersionSummary> versions, List<MetricComparison> comparisons,
        List<ItemResult> results) {

    /** USD per 1M tokens. */
    public record Pricing(double inputPerMillionTokens, double outputPerMillionTokens) {

        double cost(long inputTokens, long outputTokens) {
            return (inputTokens * inputPerMillionTokens + outputTokens * outputPerMillionTokens) / 1_000_000.0;
        }
    }

    /**
     * Aggregates for one prompt version. Scores are 0–100.
     *
     * @param corpusScores          translate: {@code chrF++}, {@code BLEU} (corpus level); summarize: {@code ROUGE-1},
     *                              {@code ROUGE-2}, {@code ROUGE-L} (mean F over items)
     * @param meanItemScores        mean of the per-item scores used in comparisons (sentence chrF++/BLEU, ROUGE F)
     * @param lengthRatio           Σ output tokens / Σ reference tokens over succeeded items (13a tokens for
     *                              translations, ROUGE tokens for summaries), or null
     * @param estimatedCostPerItem  mean over succeeded items, USD
     */
    public record VersionSummary(String version, int items, int succeeded, int failed, Map<String, Integer> failuresByCode,
            Map<String, Integer> warningsByCode, List<String> models, Map<String, Double> corpusScores,
            Map<String, Double> meanItemScores, Double lengthRatio, Long latencyP50Ms, Long latencyP95Ms,
            long inputTokens, long outputTokens, Double estimatedCostPerItem, double estimatedCostTotal) {
    }

    /** {@code candidate − baseline} on one per-item metric. */
    public record MetricComparison(String baseline, String candidate, String metric, PairedBootstrap.Result bootstrap) {
    }

    /** One call: item × version. {@code scores} are the per-item scores (failures score 0). */
    public record ItemResult(String id, String version, boolean succeeded, String problemCode, int httpStatus,
            long latencyMs, long inputTokens, long outputTokens, double estimatedCost, Map<String, Double> scores,
            List<String> warnings, String output) {
    }
}
