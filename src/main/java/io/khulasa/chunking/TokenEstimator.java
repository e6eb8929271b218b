package io.khulasa.chunking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates how many tokens a text costs, with a tiktoken BPE encoding ({@code o200k_base} by default,
 * {@code cl100k_base} on request), counted by {@link BytePairCounter} from the rank files jtokkit ships.
 *
 * <p>The count is an <em>estimate</em>: the served model may use another tokenizer, so budgets should keep
 * a safety margin. Thread-safe (the counters are immutable) and cheap: each encoding is loaded once per JVM,
 * and counting does not build the token array.
 *
 * <p><b>Why a word cache.</b> Byte-pair encoding of Arabic is slow in jtokkit (its byte-sequence hash map degrades
 * to tree bins for non-Latin bytes): counting the 5 KB reference article was a quarter of khulasa's CPU per request.
 * The BPE pre-tokenizer of every GPT encoding (r50k … o200k) splits text before a space that sits between two
 * letters («…ر ا…» → «…ر» | « ا…»), and pieces are encoded independently, so the text is cut at exactly those
 * places and each short segment (" word", " word،") is counted once and remembered ({@link SegmentCounts}), as
 * Hugging Face tokenizers' BPE word cache does. News vocabulary repeats, so most segments of a new article are
 * already known; the sum is the exact count of the whole text ({@code TokenEstimatorTest} checks it against jtokkit
 * on every fixture and on random text).
 */
public final class TokenEstimator {

    /** An encoding: its rank file (in the jtokkit jar) and its pre-tokenizer. */
    private record EncodingFiles(String rankFile, String pattern) {
    }

    /** The encodings by name. */
    private static final Map<String, EncodingFiles> ENCODINGS = Map.of(
            "o200k_base", new EncodingFiles("o200k_base.tiktoken", BytePairCounter.O200K_PATTERN),
            "cl100k_base", new EncodingFiles("cl100k_base.tiktoken", BytePairCounter.CL100K_PATTERN),
            "p50k_base", new EncodingFiles("p50k_base.tiktoken", BytePairCounter.R50K_PATTERN),
            "p50k_edit", new EncodingFiles("p50k_base.tiktoken", BytePairCounter.R50K_PATTERN),
            "r50k_base", new EncodingFiles("r50k_base.tiktoken", BytePairCounter.R50K_PATTERN));
    /** Loaded once per encoding and JVM: reading the ranks costs some 100 ms and a few MB. */
    private static final ConcurrentHashMap<String, BytePairCounter> LOADED = new ConcurrentHashMap<>();

    /** Segments longer than this are rarely repeated: counted, never cached. */
    static final int MAX_CACHED_SEGMENT = 48;
    /** 2^17 slots (1 MB): a day of news has a few tens of thousands of distinct segments. */
    static final int CACHE_BITS = 17;

    private final BytePairCounter encoding;
    /** Segment → count, by fingerprint: a look-up neither copies the segment nor builds a key object. */
    private final SegmentCounts segmentCounts = new SegmentCounts(CACHE_BITS);

    /** An estimator with the {@code o200k_base} encoding (GPT-4o family; close to most current models). */
    public TokenEstimator() {
        this("o200k_base");
    }

    private TokenEstimator(String encodingName) {
        this.encoding = LOADED.computeIfAbsent(encodingName, TokenEstimator::load);
    }

    private static BytePairCounter load(String name) {
        EncodingFiles encoding = ENCODINGS.get(name);
        String resource = "/com/knuddels/jtokkit/" + encoding.rankFile();
        try (InputStream ranks = TokenEstimator.class.getResourceAsStream(resource)) {
            if (ranks == null) {
                throw new IllegalStateException("The " + name + " rank file " + resource + " is not on the class path");
            }
            return BytePairCounter.load(name, ranks, encoding.pattern());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param encodingName an encoding name such as {@code "o200k_base"} or {@code "cl100k_base"}
     * @throws IllegalArgumentException if the name is unknown
     */
    public static TokenEstimator forEncoding(String encodingName) {
        if (encodingName == null || !ENCODINGS.containsKey(encodingName)) {
            throw new IllegalArgumentException("unknown token encoding: " + encodingName);
        }
        return new TokenEstimator(encodingName);
    }

    /** @return the estimated token count of {@code text}; 0 for null or empty */
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int total = 0;
        int start = 0;
        int last = text.length() - 1;
        // indexOf jumps from space to space with the JDK's vectorised search: a loop of charAt over every character was
        // 5 % of a summary request's CPU samples (issue 20).
        for (int i = text.indexOf(' ', 1); i > 0 && i < last; i = text.indexOf(' ', i + 1)) {
            // A space between two letters always starts a new pre-token piece (see the class comment).
            if (Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1))) {
                total += countSegment(text, start, i);
                start = i;
            }
        }
        return total + countSegment(text, start, text.length());
    }

    private int countSegment(String text, int start, int end) {
        if (end - start > MAX_CACHED_SEGMENT) {
            return countDirectly(text.substring(start, end));
        }
        long fingerprint = SegmentCounts.fingerprint(text, start, end);
        int known = segmentCounts.get(fingerprint);
        if (known >= 0) {
            return known;
        }
        int count = countDirectly(text.substring(start, end));
        segmentCounts.put(fingerprint, count);
        return count;
    }

    /** The count without the segment cache (the whole text at once). */
    int countDirectly(String text) {
        // Text such as "<|endoftext|>" inside an article is counted as plain text, never rejected.
        return encoding.count(text);
    }

    /** The encoding's counter (for tests). */
    BytePairCounter counter() {
        return encoding;
    }

    /** How many segments the cache holds now (for tests). */
    int cachedSegments() {
        return segmentCounts.size();
    }

    /** How many segments the cache can hold (for tests). */
    static int cacheCapacity() {
        return 1 << CACHE_BITS;
    }
}
