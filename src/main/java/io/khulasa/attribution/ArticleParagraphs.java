package io.khulasa.attribution;

import java.util.ArrayList;
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
        List<int[]> lines = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            int[] trimmed = ArticleIndex.trim(text, lineStart, lineEnd);
            if (trimmed != null) {
                lines.add(trimmed);
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return lines;
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
