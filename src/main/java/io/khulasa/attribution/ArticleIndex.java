package io.khulasa.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.glossary.ArabicFolding;
import io.khulasa.guards.NumberGuard;

/**
 * A cleaned article read once for attribution: its sentences and paragraphs (spans into the text as given), the
 * matching keys of each sentence ({@link WordKeys}), how many sentences hold each key (for IDF weights), and the
 * numbers of each sentence read by {@link NumberGuard} (digits of any script, number words). The title, when given,
 * is evidence that a word or number belongs to the story, but it has no span: spans are offsets into the text.
 * Immutable and thread-safe; build it with {@link Attribution#index}.
 */
public final class ArticleIndex {

    final String text;
    /** Sentence spans, whitespace trimmed, in order. */
    final int[] sentenceStart;
    final int[] sentenceEnd;
    /**
     * The sentences holding each key id, in order: those of key {@code k} are
     * {@code keySentences[keyStart[k] .. keyStart[k + 1])}. A summary word is checked against the few sentences that
     * hold its keys, not against every sentence (issue 20).
     */
    final int[] keyStart;
    final int[] keySentences;
    /** Per sentence, its content words in order, each as the ids of its keys. */
    final int[][][] sentenceWords;
    /** Number values of each sentence (source reading: generous). */
    final List<Set<BigDecimal>> sentenceNumbers;
    /** Paragraph (line) spans. */
    final ArticleParagraphs paragraphs;
    /** Every key of the article and title (its {@link WordKeys#hash}) → its id. */
    final KeyIds keyIds;
    /** Per key id: the number of sentences holding it. */
    final int[] documentFrequency;
    /** Key ids of the title. */
    final BitSet titleKeys;
    /** Every number value of the article and title. */
    final Set<BigDecimal> numbers;

    ArticleIndex(String title, String text, SentenceSplitter splitter) {
        this.text = Objects.requireNonNull(text, "text");
        List<int[]> sentences = trimmedSegments(text, splitter.boundaries(text));
        int n = sentences.size();
        sentenceStart = new int[n];
        sentenceEnd = new int[n];
        sentenceWords = new int[n][][];
        keyIds = new KeyIds(text.length() / 2); // an article has about one key for every one or two characters
        numbers = new HashSet<>();
        // an article says most of its words many times: their keys are read once (word → key ids); the words are
        // looked up from the folding buffer, so a word seen before costs no string
        WordIds wordIds = new WordIds(text.length() / 8);
        List<List<int[]>> contentWords = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            sentenceStart[s] = sentences.get(s)[0];
            sentenceEnd[s] = sentences.get(s)[1];
            contentWords.add(new ArrayList<>());
        }
        int[] at = {0}; // the first sentence that does not end before the current word
        ArabicFolding.eachWord(text, (start, end, folded, length) -> {
            int s = at[0];
            while (s < n && sentenceEnd[s] < end) {
                s++;
            }
            at[0] = s;
            if (s == n || start < sentenceStart[s]) {
                return; // between sentences (no letter or digit there): not evidence
            }
            int[] ids = wordIds.idsOf(WordKeys.cached(folded, length));
            if (ids.length > 0) {
                contentWords.get(s).add(ids);
            }
        });
        for (int s = 0; s < n; s++) {
            sentenceWords[s] = contentWords.get(s).toArray(new int[0][]);
        }
        // the article's numbers read once (the answer's number check reads the same reading), each to its sentence
        sentenceNumbers = ArticleParagraphs.numbersBySpan(text, sentenceStart, sentenceEnd);
        numbers.addAll(NumberGuard.sourceValues(text));
        titleKeys = new BitSet();
        if (title != null && !title.isBlank()) {
            ArabicFolding.eachWord(title, (start, end, folded, length) -> {
                for (int id : wordIds.idsOf(WordKeys.cached(folded, length))) {
                    titleKeys.set(id);
                }
            });
            for (NumberGuard.FoundNumber number : NumberGuard.extract(title, true)) {
                numbers.addAll(number.values());
            }
        }
        // each key's sentences: counted, then written in sentence order (a key said twice in a sentence counts once)
        int keys = keyIds.size();
        documentFrequency = new int[keys];
        eachKeyOnce(sentenceWords, keys, (id, s) -> documentFrequency[id]++);
        keyStart = new int[keys + 1];
        for (int k = 0; k < keys; k++) {
            keyStart[k + 1] = keyStart[k] + documentFrequency[k];
        }
        keySentences = new int[keyStart[keys]];
        int[] written = java.util.Arrays.copyOf(keyStart, keys);
        eachKeyOnce(sentenceWords, keys, (id, s) -> keySentences[written[id]++] = s);
        paragraphs = new ArticleParagraphs(text);
    }

    private static final int[] NO_KEYS = {};

    /** Receives a key id and a sentence that holds it. */
    @FunctionalInterface
    private interface KeyInSentence {
        void at(int keyId, int sentence);
    }

    /** Each key of each sentence once (a key said twice in a sentence is one), sentences in order. */
    private static void eachKeyOnce(int[][][] sentenceWords, int keys, KeyInSentence visit) {
        int[] lastSentence = new int[keys];
        java.util.Arrays.fill(lastSentence, -1);
        for (int s = 0; s < sentenceWords.length; s++) {
            for (int[] ids : sentenceWords[s]) {
                for (int id : ids) {
                    if (lastSentence[id] != s) {
                        lastSentence[id] = s;
                        visit.at(id, s);
                    }
                }
            }
        }
    }

    /**
     * A word's keys ({@link WordKeys#cached}, the entry itself) → their ids in this article: open addressing on the
     * entry's serial, compared by identity. It replaced an {@code IdentityHashMap} and its per-word lambda, a fifth of
     * the index's time. Used while the index is built, then dropped.
     */
    private final class WordIds {
        private WordKeys.Hashes[] words;
        private int[][] ids;
        private int size;

        WordIds(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            words = new WordKeys.Hashes[capacity];
            ids = new int[capacity][];
        }

        int[] idsOf(WordKeys.Hashes word) {
            int mask = words.length - 1;
            int i = (word.serial * 0x9E3779B9) & mask;
            for (WordKeys.Hashes w; (w = words[i]) != null; i = (i + 1) & mask) {
                if (w == word) {
                    return ids[i];
                }
            }
            int[] found = keyIdsOf(word);
            words[i] = word;
            ids[i] = found;
            if (++size * 2 > words.length) {
                grow();
            }
            return found;
        }

        private void grow() {
            WordKeys.Hashes[] oldWords = words;
            int[][] oldIds = ids;
            words = new WordKeys.Hashes[oldWords.length * 2];
            ids = new int[oldWords.length * 2][];
            int mask = words.length - 1;
            for (int j = 0; j < oldWords.length; j++) {
                if (oldWords[j] != null) {
                    int i = (oldWords[j].serial * 0x9E3779B9) & mask;
                    while (words[i] != null) {
                        i = (i + 1) & mask;
                    }
                    words[i] = oldWords[j];
                    ids[i] = oldIds[j];
                }
            }
        }
    }

    /** The ids of a word's keys (registered on first sight), none for a function word or a number. */
    private int[] keyIdsOf(WordKeys.Hashes keys) {
        if (!keys.content) {
            return NO_KEYS;
        }
        int[] ids = new int[keys.size + 2];
        int n = 0;
        for (int i = 0; i < keys.size; i++) {
            ids[n++] = keyIds.idOf(keys.hash[i]);
        }
        if (keys.bare != 0) {
            ids[n++] = keyIds.idOf(keys.bare);
        }
        if (keys.bareAfterClitic != 0) {
            ids[n++] = keyIds.idOf(keys.bareAfterClitic);
        }
        return n == ids.length ? ids : java.util.Arrays.copyOf(ids, n);
    }

    /** Whether the article or title writes {@code folded} (a word without «ال») bare, as a name is written. */
    boolean hasBare(String folded) {
        if (keyIds.get(WordKeys.bareHash(folded, 0)) >= 0) {
            return true;
        }
        return WordKeys.hasCliticBeforeName(folded) && keyIds.get(WordKeys.bareHash(folded, 1)) >= 0;
    }

    /** Whether a folded word is evidence: not a function word, not a number written in digits (numbers are read apart). */
    static boolean isContentWord(String folded) {
        return WordKeys.cached(folded).content;
    }

    /** Segments {@code [previous end, end)} trimmed of whitespace; segments with no letter or digit are dropped. */
    static List<int[]> trimmedSegments(String text, int[] ends) {
        List<int[]> segments = new ArrayList<>(ends.length);
        int start = 0;
        for (int end : ends) {
            int[] trimmed = trim(text, start, end);
            if (trimmed != null) {
                segments.add(trimmed);
            }
            start = end;
        }
        return segments;
    }

    /** {@code [start, end)} without surrounding whitespace, or null when it holds no letter or digit. */
    static int[] trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return new int[] {start, end};
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** @return the number of sentences */
    public int sentenceCount() {
        return sentenceStart.length;
    }

    /** @return the article's sentence {@code i} as a span (whitespace trimmed) */
    public SourceSpan sentence(int i) {
        return SourceSpan.of(text, sentenceStart[i], sentenceEnd[i]);
    }

    /** @return the article's paragraphs */
    public ArticleParagraphs paragraphs() {
        return paragraphs;
    }

    /** @return the cleaned text this index was built from */
    public String text() {
        return text;
    }
}
