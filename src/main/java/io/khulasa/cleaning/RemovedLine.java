package io.khulasa.cleaning;

/**
 * A line (or an HTML block's text) the cleaner removed.
 *
 * @param rule the rule name from {@link RuleNames}
 * @param line the removed text as it was after character cleaning
 */
public record RemovedLine(String rule, String line) {
}
