package io.khulasa.guards;

import java.util.List;

/**
 * An LLM output without its harmless wrappers.
 *
 * @param text     the output with wrappers removed (trimmed)
 * @param stripped what was removed, in order, e.g. {@code "leading-line: Here is the translation:"},
 *                 {@code "code-fence"}, {@code "quotes"}, {@code "markdown-header"}, {@code "markdown-bold"},
 *                 {@code "label: Translation:"}, {@code "trailing-line: I hope this helps!"}
 */
public record StrippedOutput(String text, List<String> stripped) {

    public StrippedOutput {
        stripped = List.copyOf(stripped);
    }
}
