package io.khulasa.attribution;

import java.util.List;
import java.util.Objects;

/**
 * The paragraphs (non-empty lines, whitespace trimmed) of a cleaned article: all a translation's alignment reads
 * ({@link ParagraphAligner}). Cheap to build, unlike the sentence index ({@link ArticleIndex}), which a translation
 * alone does not need. Immutable and thread-safe.
 */
public final class ArticleParagraphs {

    final String text;
    final int[] paragraphStart;
    final int[] paragraphEnd;

    ArticleParagraphs(String text) {
        this.text = Objects.requireNonNull(text, "text");
        List<int[]> lines = lines(text);
        paragraphStart = new int[lines.size()];
        paragraphEnd = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            paragraphStart[i] = lines.get(i)[0];
            paragraphEnd[i] = lines.get(i)[1];
        }
    }

    /** The lines of {@code text} as {@code [start, end)} spans, whitespace trimmed; lines with no letter or digit skipped. */
    static List<int[]> lines(String text) {
        int[] ends = new int[text.length() + 1];
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            ends[n++] = i;
        }
        ends[n++] = text.length();
        // each segment starts at the previous line's newline, which the trim drops
        return ArticleIndex.trimmedSegments(text, java.util.Arrays.copyOf(ends, n));
    }

    /** @return the number of paragraphs (non-empty lines) */
    public int paragraphCount() {
        return paragraphStart.length;
    }

    /** @return the article's paragraph {@code i} as a span (whitespace trimmed) */
    public SourceSpan paragraph(int i) {
        return SourceSpan.of(text, paragraphStart[i], paragraphEnd[i]);
    }

    /** @return the cleaned text these paragraphs are spans of */
    public String text() {
        return text;
    }
}
