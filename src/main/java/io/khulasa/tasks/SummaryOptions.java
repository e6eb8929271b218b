package io.khulasa.tasks;

import java.util.EnumMap;
import java.util.Map;

import io.khulasa.extractive.SummaryLength;
import io.khulasa.prompts.Placeholder;

/**
 * How the summary should look.
 *
 * @param promptVersion   null for the default version
 * @param length          null for {@code medium}
 * @param format          null for {@code paragraph}
 * @param allowExtractive true if, when the LLM is unavailable, the extractive summary may be returned instead
 *                        (marked {@code engine: extractive}); false = the LLM's failure is the answer
 * @param support         strict mode ({@code requireSupport}): an answer with an unsupported sentence is reprompted
 *                        once, then refused ({@code output-unsupported}); null = warn only
 */
public record SummaryOptions(String promptVersion, SummaryLength length, SummaryFormat format, boolean allowExtractive,
        SupportCheck support) {

    /** Warn-only options. */
    public SummaryOptions(String promptVersion, SummaryLength length, SummaryFormat format, boolean allowExtractive) {
        this(promptVersion, length, format, allowExtractive, null);
    }

    /** The request's choices for the prompt's option placeholders; absent ones take the prompt's default. */
    Map<Placeholder, String> choices() {
        Map<Placeholder, String> choices = new EnumMap<>(Placeholder.class);
        if (length != null) {
            choices.put(Placeholder.LENGTH, length.key());
        }
        if (format != null) {
            choices.put(Placeholder.FORMAT, format.key());
        }
        return choices;
    }

    SummaryLength lengthOrDefault() {
        return length == null ? SummaryLength.MEDIUM : length;
    }
}
