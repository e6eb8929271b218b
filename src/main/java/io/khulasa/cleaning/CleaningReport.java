package io.khulasa.cleaning;

import java.util.List;
import java.util.Map;

/** What the cleaner did (TEMPORARY until the cleaner branch lands). */
public record CleaningReport(int charsIn, int charsOut, List<RemovedLine> removedLines, List<RepairedWord> repairedWords,
        List<FlaggedToken> flagged, String source, Map<String, Integer> rules) {

    public record RemovedLine(String rule, String line) {
    }

    public record RepairedWord(String rule, String from, String to) {
    }

    public record FlaggedToken(String rule, String token, String reason) {
    }
}
