package io.khulasa.glossary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a list of entries: no blank Arabic or English, an Arabic form that contains a word, and no two
 * entries with the same folded Arabic key but different English renderings (an exact repeat is dropped).
 */
public final class GlossaryValidator {

    private GlossaryValidator() {
    }

    /** An entry with where it came from, for error messages ({@code "line 12"}, {@code "entry 3"}). */
    public record LocatedEntry(GlossaryEntry entry, String location) {
    }

    /**
     * Validates and de-duplicates.
     *
     * @param sourceName file name (or {@code "request"}) used in messages
     * @throws InvalidGlossaryException listing every problem found
     */
    public static List<GlossaryEntry> validate(String sourceName, List<LocatedEntry> located) {
        List<String> problems = new ArrayList<>();
        Map<String, LocatedEntry> byKey = new LinkedHashMap<>();
        for (LocatedEntry le : located) {
            GlossaryEntry e = le.entry();
            if (e.arabic().isBlank()) {
                problems.add(le.location() + ": blank 'arabic'");
                continue;
            }
            if (e.english().isBlank()) {
                problems.add(le.location() + ": blank 'english' for «" + e.arabic() + "»");
                continue;
            }
            String key = e.foldedKey();
            if (key.isEmpty()) {
                problems.add(le.location() + ": 'arabic' has no letters: «" + e.arabic() + "»");
                continue;
            }
            LocatedEntry previous = byKey.get(key);
            if (previous == null) {
                byKey.put(key, le);
            } else if (!Objects.equals(previous.entry().english(), e.english())) {
                problems.add(le.location() + ": «" + e.arabic() + "» → \"" + e.english() + "\" clashes with "
                        + previous.location() + ": «" + previous.entry().arabic() + "» → \"" + previous.entry().english()
                        + "\" (same Arabic after folding)");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidGlossaryException("Invalid glossary " + sourceName + ": " + String.join("; ", problems));
        }
        return byKey.values().stream().map(LocatedEntry::entry).toList();
    }

    /** Most entries a request may carry: a request glossary is for a few article-specific names, not a house glossary. */
    public static final int MAX_REQUEST_ENTRIES = 500;

    /** Validates a per-request glossary (locations are 1-based entry numbers; at most {@link #MAX_REQUEST_ENTRIES}). */
    public static List<GlossaryEntry> validateRequestEntries(List<GlossaryEntry> entries) {
        checkRequestSize(entries.size());
        List<LocatedEntry> located = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            GlossaryEntry e = entries.get(i);
            if (e == null) {
                throw new InvalidGlossaryException("Invalid glossary request: entry " + (i + 1) + " is null");
            }
            located.add(new LocatedEntry(e, "entry " + (i + 1)));
        }
        return validate("request", located);
    }

    /** @throws InvalidGlossaryException when a request carries more than {@link #MAX_REQUEST_ENTRIES} entries */
    public static void checkRequestSize(int entries) {
        if (entries > MAX_REQUEST_ENTRIES) {
            throw new InvalidGlossaryException("Invalid glossary request: " + entries + " entries; at most "
                    + MAX_REQUEST_ENTRIES + " are allowed per request");
        }
    }
}
