package io.khulasa.extractive;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How long a summary is: the request's {@code length} (worded by the prompt file's {@code length} options) and, for
 * the extractive summary, how many sentences it keeps.
 */
public enum SummaryLength {
    /** Two or three sentences; the extractive summary keeps 2. */
    @JsonProperty("short")
    SHORT(2),
    /** One paragraph (default); the extractive summary keeps 4. */
    @JsonProperty("medium")
    MEDIUM(4),
    /** Two or three paragraphs; the extractive summary keeps 6. */
    @JsonProperty("long")
    LONG(6);

    private final int sentences;

    SummaryLength(int sentences) {
        this.sentences = sentences;
    }

    /** @return the number of sentences of an extractive summary (fewer if the article has fewer) */
    public int sentences() {
        return sentences;
    }

    /** The option name in prompt files and requests. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
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
