package io.khulasa.glossary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds glossary entries in a cleaned Arabic text, tolerant of Arabic clitics and spelling variants.
 * <p>
 * Text and entries are compared word by word on folded keys ({@link ArabicFolding}); the text is never
 * modified. The first word of an occurrence may carry clitic prefixes: an optional conjunction (و, ف),
 * then an optional preposition (ب, ل, ك), then an optional article (ال), or the elided «لل» (ل + ال):
 * «وقره باغ», «لقره باغ», «بالقره», «فبالشام», «للشام». An entry written with the article («الشام»)
 * also matches after a preposition that absorbs the article («للشام»). Later words must match exactly,
 * separated only by spaces, hyphens or joiners, and every word must match whole: «الشامي» does not
 * contain «الشام», «مقره» does not contain «قره».
 * <p>
 * Entries are indexed by their first folded word, so a text of {@code w} words costs about {@code w} × (number
 * of clitic readings) hash look-ups whatever the glossary size. Matches are leftmost-longest and never
 * overlap. Instances are immutable and thread-safe.
 */
public final class GlossaryMatcher {

    private static final String[] CONJUNCTIONS = {"", "و", "ف"};
    private static final String[] PREPOSITIONS = {"", "ب", "ل", "ك"};
    private static final String ARTICLE = "ال";
    /** A stem shorter than this after stripping is not a plausible word. */
    private static final int MIN_STEM_LENGTH = 2;

    private record Compiled(GlossaryEntry entry, String[] words, String key, GlossaryMatch.Source source) {
    }

    private record Reading(String stem, String clitic) {
    }

    private static final GlossaryMatcher EMPTY = new GlossaryMatcher(List.of(), GlossaryMatch.Source.HOUSE, null);

    private final Map<String, List<Compiled>> byFirstWord;
    private final Set<String> keys;
    private final List<GlossaryEntry> entries;
    /** House matcher that this (request) matcher overrides, or null. */
    private final GlossaryMatcher fallback;

    private GlossaryMatcher(Collection<GlossaryEntry> entries, GlossaryMatch.Source source, GlossaryMatcher fallback) {
        Map<String, Compiled> byKey = new LinkedHashMap<>();
        for (GlossaryEntry e : entries) {
            String key = e.foldedKey();
            if (!key.isEmpty()) {
                byKey.put(key, new Compiled(e, key.split(" "), key, source)); // later wins
            }
        }
        Map<String, List<Compiled>> index = new HashMap<>();
        for (Compiled c : byKey.values()) {
            index.computeIfAbsent(c.words()[0], k -> new ArrayList<>()).add(c);
        }
        index.values().forEach(list -> list.sort(Comparator.comparingInt((Compiled c) -> c.words().length).reversed()));
        this.byFirstWord = index;
        this.keys = Set.copyOf(byKey.keySet());
        this.entries = byKey.values().stream().map(Compiled::entry).toList();
        this.fallback = fallback;
    }

    /** Matcher for a house glossary. */
    public static GlossaryMatcher of(Collection<GlossaryEntry> entries) {
        return entries.isEmpty() ? EMPTY : new GlossaryMatcher(entries, GlossaryMatch.Source.HOUSE, null);
    }

    /** Matcher with no entries. */
    public static GlossaryMatcher empty() {
        return EMPTY;
    }

    /**
     * A matcher that adds per-request entries to this one; a request entry wins over a house entry with the
     * same folded Arabic key. The house index is shared, not copied.
     */
    public GlossaryMatcher withRequestEntries(Collection<GlossaryEntry> requestEntries) {
        if (requestEntries == null || requestEntries.isEmpty()) {
            return this;
        }
        return new GlossaryMatcher(requestEntries, GlossaryMatch.Source.REQUEST, this);
    }

    /** Number of distinct entries (house and request). */
    public int size() {
        return fallback == null ? keys.size()
                : keys.size() + (int) fallback.entries.stream().filter(e -> !keys.contains(e.foldedKey())).count();
    }

    /** All occurrences in {@code text}, in text order, non-overlapping (leftmost-longest). */
    public List<GlossaryMatch> findMatches(String text) {
        if (text == null || text.isEmpty() || (keys.isEmpty() && (fallback == null || fallback.keys.isEmpty()))) {
            return List.of();
        }
        List<ArabicFolding.Word> words = ArabicFolding.words(text);
        List<GlossaryMatch> matches = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Compiled best = null;
            String bestClitic = null;
            for (Reading reading : readings(words.get(i).folded())) {
                for (Compiled c : candidates(reading.stem())) {
                    if (best != null && c.words().length <= best.words().length) {
                        continue; // lists are longest-first; keep the earlier (less stripped, request-first) choice on a tie
                    }
                    if (restMatches(text, words, i, c.words())) {
                        best = c;
                        bestClitic = reading.clitic();
                    }
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            int start = words.get(i).start();
            int end = words.get(i + best.words().length - 1).end();
            matches.add(new GlossaryMatch(best.entry(), start, end, text.substring(start, end), bestClitic, best.source()));
            i += best.words().length;
        }
        return matches;
    }

    /** The distinct entries of {@code matches}, in order of first occurrence. */
    public static List<GlossaryEntry> distinctEntries(List<GlossaryMatch> matches) {
        Map<String, GlossaryEntry> seen = new LinkedHashMap<>();
        for (GlossaryMatch m : matches) {
            seen.putIfAbsent(m.entry().foldedKey(), m.entry());
        }
        return List.copyOf(seen.values());
    }

    private List<Compiled> candidates(String firstWord) {
        List<Compiled> own = byFirstWord.getOrDefault(firstWord, List.of());
        if (fallback == null) {
            return own;
        }
        List<Compiled> house = fallback.byFirstWord.getOrDefault(firstWord, List.of());
        if (house.isEmpty()) {
            return own;
        }
        List<Compiled> merged = new ArrayList<>(own.size() + house.size());
        merged.addAll(own);
        for (Compiled c : house) {
            if (!keys.contains(c.key())) {
                merged.add(c);
            }
        }
        merged.sort(Comparator.comparingInt((Compiled c) -> c.words().length).reversed()); // stable: request first
        return merged;
    }

    /** The word as written, then every clitic reading of it, least stripped first. */
    static List<Reading> readings(String word) {
        List<Reading> out = new ArrayList<>(8);
        out.add(new Reading(word, ""));
        for (String conj : CONJUNCTIONS) {
            if (!word.startsWith(conj)) {
                continue;
            }
            String afterConj = word.substring(conj.length());
            for (String prep : PREPOSITIONS) {
                if (!afterConj.startsWith(prep)) {
                    continue;
                }
                String afterPrep = afterConj.substring(prep.length());
                String clitic = conj + prep;
                if (!clitic.isEmpty()) {
                    addStem(out, afterPrep, clitic);
                }
                if (afterPrep.startsWith(ARTICLE)) {
                    String stem = afterPrep.substring(ARTICLE.length());
                    addStem(out, stem, clitic + ARTICLE);
                }
            }
            // ل + ال written «لل»: the stem may be an entry with or without its article
            if (afterConj.startsWith("لل")) {
                String stem = afterConj.substring(2);
                addStem(out, stem, conj + "لل");
                addStem(out, ARTICLE + stem, conj + "لل");
            }
        }
        return out;
    }

    private static void addStem(List<Reading> out, String stem, String clitic) {
        if (stem.length() >= MIN_STEM_LENGTH) {
            out.add(new Reading(stem, clitic));
        }
    }

    private static boolean restMatches(String text, List<ArabicFolding.Word> words, int i, String[] entryWords) {
        if (i + entryWords.length > words.size()) {
            return false;
        }
        for (int j = 1; j < entryWords.length; j++) {
            ArabicFolding.Word prev = words.get(i + j - 1);
            ArabicFolding.Word next = words.get(i + j);
            if (!next.folded().equals(entryWords[j]) || !onlyJoiningGap(text, prev.end(), next.start())) {
                return false;
            }
        }
        return true;
    }

    /** Words of one name may be separated by spaces, hyphens/dashes or invisible marks, not by punctuation. */
    private static boolean onlyJoiningGap(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char ch = text.charAt(k);
            boolean joining = Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '-' || ch == '‐'
                    || ch == '‑' || ch == '–' || ch == '\u00AD' || (ch >= '\u200B' && ch <= '\u200F') || ch == '\u2060';
            if (!joining) {
                return false;
            }
        }
        return true;
    }
}
