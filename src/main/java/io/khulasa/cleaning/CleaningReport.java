package io.khulasa.cleaning;

import java.util.List;
import java.util.Map;

/**
 * Everything the cleaner did to one article, so editors can audit it and metrics can count it.
 *
 * @param charsIn       code points in the input ({@code text} or {@code html})
 * @param charsOut      code points in the cleaned body
 * @param removedLines  every removed line (or removed HTML block) with the rule that removed it
 * @param repairedWords every repaired word ({@code from} → {@code to}) with its rule
 * @param flagged       suspicious tokens that were reported but deliberately not changed
 * @param source        the value of a final «المصدر: …» line, or {@code null}
 * @param rules         rule name ({@link RuleNames}) → how many times it fired; only rules that fired
 */
public record CleaningReport(int charsIn, int charsOut,
        List<RemovedLine> removedLines,
        List<RepairedWord> repairedWords,
        List<FlaggedToken> flagged,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String source,
        Map<String, Integer> rules) {

    public CleaningReport {
        removedLines = List.copyOf(removedLines);
        repairedWords = List.copyOf(repairedWords);
        flagged = List.copyOf(flagged);
        rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
    }
}
