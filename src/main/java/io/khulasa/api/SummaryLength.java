package io.khulasa.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Summary length; the prompt file words each choice. */
public enum SummaryLength {
    /** Two or three sentences. */
    @JsonProperty("short")
    SHORT,
    /** One paragraph (default). */
    @JsonProperty("medium")
    MEDIUM,
    /** Two or three paragraphs. */
    @JsonProperty("long")
    LONG;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
