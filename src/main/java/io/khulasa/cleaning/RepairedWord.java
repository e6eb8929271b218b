package io.khulasa.cleaning;

/**
 * A word the cleaner repaired, e.g. {@code split-word}: «الصـ.ـراع» → «الصراع».
 *
 * @param rule the rule name from {@link RuleNames}
 * @param from the word as it arrived (after Unicode normalisation)
 * @param to   the word as it was published
 */
public record RepairedWord(String rule, String from, String to) {
}
