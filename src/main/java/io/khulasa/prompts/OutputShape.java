package io.khulasa.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a completion produced by a prompt is read back. Declared by the prompt file, since the prompt asks for it. */
@io.quarkus.runtime.annotations.RegisterForReflection
public enum OutputShape {
    /** The whole completion is the answer. */
    @JsonProperty("text")
    TEXT,
    /** When a title was sent, the first non-empty line is the translated title and the rest is the body. */
    @JsonProperty("title-then-body")
    TITLE_THEN_BODY
}
