package io.khulasa.tasks;

/**
 * How the summary should look.
 *
 * @param promptVersion   null for the default version
 * @param length          {@code short}, {@code medium} or {@code long}; null for medium
 * @param format          {@code paragraph} or {@code bullets}; null for paragraph
 * @param allowExtractive true if, when the LLM is unavailable, the extractive summary may be returned instead
 *                        (marked {@code engine: extractive}); false = the LLM's failure is the answer
 */
public record SummaryOptions(String promptVersion, String length, String format, boolean allowExtractive) {

    /** Options without the extractive fallback. */
    public SummaryOptions(String promptVersion, String length, String format) {
        this(promptVersion, length, format, false);
    }
}
