package io.khulasa.cleaning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable collector for one {@code clean} call (never shared between threads). Lists are capped so that
 * adversarial input cannot blow up the report; the per-rule counters are never capped.
 */
final class CleaningLog {

    static final int MAX_ENTRIES = 1000;

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
        if (removedLines.size() < MAX_ENTRIES) {
            removedLines.add(new RemovedLine(rule, line));
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
