package io.khulasa.attribution;

import java.util.Objects;

/**
 * A span of the cleaned article.
 *
 * @param start UTF-16 offset of the first char in the cleaned text (what Java's {@code String} and JavaScript count)
 * @param end   UTF-16 offset just after the last char
 * @param text  the cleaned text's substring {@code [start, end)}, as written (never folded)
 */
public record SourceSpan(int start, int end, String text) {

    public SourceSpan {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start || text.length() != end - start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for a text of " + text.length() + " chars");
        }
    }

    /** The span {@code [start, end)} of {@code article}. */
    static SourceSpan of(String article, int start, int end) {
        return new SourceSpan(start, end, article.substring(start, end));
    }

    /** Whether this span and {@code [otherStart, otherEnd)} share at least one char. */
    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
