package io.khulasa.tasks;

/**
 * How the summary should look.
 *
 * @param promptVersion null for the default version
 * @param length        {@code short}, {@code medium} or {@code long}; null for medium
 * @param format        {@code paragraph} or {@code bullets}; null for paragraph
 */
public record SummaryOptions(String promptVersion, String length, String format) {
}
