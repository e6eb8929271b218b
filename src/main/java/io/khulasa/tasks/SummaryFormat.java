package io.khulasa.tasks;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Summary format; the prompt file words each choice (its {@code format} options). */
public enum SummaryFormat {
    /** Continuous prose (default). */
    @JsonProperty("paragraph")
    PARAGRAPH,
    /** Three to six bullet points, one per line, each starting with "- ". */
    @JsonProperty("bullets")
    BULLETS;

    /** The option name in prompt files and requests. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
