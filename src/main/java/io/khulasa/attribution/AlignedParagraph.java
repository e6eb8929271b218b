package io.khulasa.attribution;

import java.util.List;
import java.util.Objects;

/**
 * One paragraph of a translation and the article paragraphs it renders.
 *
 * @param text           the translation paragraph as written (surrounding whitespace removed)
 * @param source         the span of one or more whole, consecutive article paragraphs it translates
 * @param missingNumbers the numbers of {@code text} (as written) whose value is not in {@code source}
 */
public record AlignedParagraph(String text, SourceSpan source, List<String> missingNumbers) {

    public AlignedParagraph {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        missingNumbers = List.copyOf(missingNumbers);
    }
}
