package io.khulasa.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Summary format; the prompt file words each choice. */
public enum SummaryFormat {
    /** Continuous prose (default). */
    @JsonProperty("paragraph")
    PARAGRAPH,
    /** Three to six bullet points, one per line, each starting with "- ". */
    @JsonProperty("bullets")
    BULLETS;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
