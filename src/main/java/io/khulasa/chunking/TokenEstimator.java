package io.khulasa.chunking;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.Objects;

/**
 * Estimates how many tokens a text costs, with a jtokkit BPE encoding ({@code o200k_base} by default,
 * {@code cl100k_base} on request).
 *
 * <p>The count is an <em>estimate</em>: the served model may use another tokenizer, so budgets should keep
 * a safety margin. Thread-safe (jtokkit encodings are immutable) and cheap: the registry is built once per
 * JVM and counting does not allocate the token array.
 */
public final class TokenEstimator {

    /** Built lazily once: loading the BPE ranks costs some milliseconds and a few MB. */
    private static final class Registry {
        static final EncodingRegistry INSTANCE = Encodings.newLazyEncodingRegistry();
    }

    private final Encoding encoding;

    /** An estimator with the {@code o200k_base} encoding (GPT-4o family; close to most current models). */
    public TokenEstimator() {
        this(EncodingType.O200K_BASE);
    }

    /** @param encodingType the jtokkit encoding to count with */
    public TokenEstimator(EncodingType encodingType) {
        this.encoding = Registry.INSTANCE.getEncoding(Objects.requireNonNull(encodingType, "encodingType"));
    }

    /**
     * @param encodingName an encoding name such as {@code "o200k_base"} or {@code "cl100k_base"}
     * @throws IllegalArgumentException if the name is unknown
     */
    public static TokenEstimator forEncoding(String encodingName) {
        return new TokenEstimator(EncodingType.fromName(encodingName)
                .orElseThrow(() -> new IllegalArgumentException("unknown token encoding: " + encodingName)));
    }

    /** @return the estimated token count of {@code text}; 0 for null or empty */
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        // "Ordinary": text such as "<|endoftext|>" inside an article is counted as plain text, never rejected.
        return encoding.countTokensOrdinary(text);
    }

    /** @return the encoding name, e.g. {@code o200k_base} */
    public String encodingName() {
        return encoding.getName();
    }
}
