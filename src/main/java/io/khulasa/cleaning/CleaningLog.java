package io.khulasa.cleaning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable collector for one {@code clean} call (never shared between threads). Lists are capped so that
 * adversarial input cannot blow up the report (removed lines: {@value #MAX_REMOVED_LINES} entries of at most 200
 * characters); the per-rule counters are never capped.
 */
final class CleaningLog {

    static final int MAX_ENTRIES = 1000;
    /** Removed lines listed in the report; every further one is still counted in {@code rules}. */
    static final int MAX_REMOVED_LINES = 200;

    final List<RemovedLine> removedLines = new ArrayList<>();
    final List<RepairedWord> repairedWords = new ArrayList<>();
    final List<FlaggedToken> flagged = new ArrayList<>();
    final Map<String, Integer> rules = new LinkedHashMap<>();
    String source;

    void fire(String rule) {
        fire(rule, 1);
    }

    void fire(String rule, int times) {
        if (times > 0) {
            rules.merge(rule, times, Integer::sum);
        }
    }

    void removed(String rule, String line) {
        fire(rule);
        if (removedLines.size() < MAX_REMOVED_LINES) {
            removedLines.add(new RemovedLine(rule, HtmlExtractor.cut(line)));
        }
    }

    void repaired(String rule, String from, String to) {
        fire(rule);
        if (repairedWords.size() < MAX_ENTRIES) {
            repairedWords.add(new RepairedWord(rule, from, to));
        }
    }

    void flag(String rule, String token, String reason) {
        fire(rule);
        if (flagged.size() < MAX_ENTRIES) {
            flagged.add(new FlaggedToken(rule, token, reason));
        }
    }
}
