package io.khulasa.extractive;

import java.util.Locale;

/** How long an extractive summary is, in sentences. */
public enum SummaryLength {
    /** Two sentences: the gist. */
    SHORT(2),
    /** Four sentences. */
    MEDIUM(4),
    /** Six sentences. */
    LONG(6);

    private final int sentences;

    SummaryLength(int sentences) {
        this.sentences = sentences;
    }

    /** @return the number of sentences (fewer if the article has fewer) */
    public int sentences() {
        return sentences;
    }

    /**
     * @param value {@code short}, {@code medium} or {@code long}, any case
     * @throws IllegalArgumentException for anything else
     */
    public static SummaryLength parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("summary length must be short, medium or long, was " + value);
        }
    }
}
