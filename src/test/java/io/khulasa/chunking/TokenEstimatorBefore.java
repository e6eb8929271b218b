package io.khulasa.chunking;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TokenEstimator} as it was at commit 271d3c8, frozen: the "before" side of
 * {@code io.khulasa.bench.GuardsBenchmark} (both measured in one JMH run). Never edit it to follow
 * {@link TokenEstimator}. The original class comment follows.
 *
 * Estimates how many tokens a text costs, with a jtokkit BPE encoding ({@code o200k_base} by default,
 * {@code cl100k_base} on request).
 *
 * <p>The count is an <em>estimate</em>: the served model may use another tokenizer, so budgets should keep
 * a safety margin. Thread-safe (jtokkit encodings are immutable) and cheap: the registry is built once per
 * JVM and counting does not allocate the token array.
 *
 * <p><b>Why a word cache.</b> Byte-pair encoding of Arabic is slow in jtokkit (its byte-sequence hash map degrades
 * to tree bins for non-Latin bytes): counting the 5 KB reference article was a quarter of khulasa's CPU per request.
 * The BPE pre-tokenizer of every GPT encoding (r50k … o200k) splits text before a space that sits between two
 * letters («…ر ا…» → «…ر» | « ا…»), and pieces are encoded independently, so the text is cut at exactly those
 * places and each short segment (" word", " word،") is counted once and remembered, as Hugging Face tokenizers'
 * BPE word cache does. News vocabulary repeats, so most segments of a new article are already known; the sum is the
 * exact count of the whole text ({@code TokenEstimatorTest} checks it against jtokkit on every fixture and on
 * random text).
 */
public final class TokenEstimatorBefore {

    /** Built lazily once: loading the BPE ranks costs some milliseconds and a few MB. */
    private static final class Registry {
        static final EncodingRegistry INSTANCE = Encodings.newLazyEncodingRegistry();
    }

    /** Segments longer than this are rarely repeated: counted, never cached. */
    static final int MAX_CACHED_SEGMENT = 48;
    /** Bounded: when full the cache starts again, rather than paying for LRU bookkeeping on every look-up. */
    static final int MAX_CACHED_SEGMENTS = 50_000;

    private final Encoding encoding;
    private final ConcurrentHashMap<String, Integer> segmentCounts = new ConcurrentHashMap<>();

    /** An estimator with the {@code o200k_base} encoding (GPT-4o family; close to most current models). */
    public TokenEstimatorBefore() {
        this(EncodingType.O200K_BASE);
    }

    private TokenEstimatorBefore(EncodingType encodingType) {
        this.encoding = Registry.INSTANCE.getEncoding(Objects.requireNonNull(encodingType, "encodingType"));
    }

    /**
     * @param encodingName an encoding name such as {@code "o200k_base"} or {@code "cl100k_base"}
     * @throws IllegalArgumentException if the name is unknown
     */
    public static TokenEstimatorBefore forEncoding(String encodingName) {
        return new TokenEstimatorBefore(EncodingType.fromName(encodingName)
                .orElseThrow(() -> new IllegalArgumentException("unknown token encoding: " + encodingName)));
    }

    /** @return the estimated token count of {@code text}; 0 for null or empty */
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int total = 0;
        int start = 0;
        int last = text.length() - 1;
        for (int i = 1; i < last; i++) {
            // A space between two letters always starts a new pre-token piece (see the class comment).
            if (text.charAt(i) == ' ' && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1))) {
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
        String segment = text.substring(start, end);
        Integer known = segmentCounts.get(segment);
        if (known != null) {
            return known;
        }
        int count = countDirectly(segment);
        if (segmentCounts.size() >= MAX_CACHED_SEGMENTS) {
            segmentCounts.clear();
        }
        segmentCounts.put(segment, count);
        return count;
    }

    /** The count without the segment cache (jtokkit on the whole text). */
    int countDirectly(String text) {
        // "Ordinary": text such as "<|endoftext|>" inside an article is counted as plain text, never rejected.
        return encoding.countTokensOrdinary(text);
    }

    /** How many segments the cache holds now (for tests). */
    int cachedSegments() {
        return segmentCounts.size();
    }
}
