package io.khulasa.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.khulasa.guards.NumberGuard;

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
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        int[] ends = new int[lines];
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            ends[n++] = i;
        }
        ends[n] = text.length();
        // each segment starts at the previous line's newline, which the trim drops
        return ArticleIndex.trimmedSegments(text, ends);
    }

    /** The number values of each paragraph, from the article's one reading of its numbers. */
    List<Set<BigDecimal>> numbers() {
        return numbersBySpan(text, paragraphStart, paragraphEnd);
    }

    /**
     * The number values of each span {@code [start[i], end[i])} (in order, disjoint) of {@code text}: each number of
     * {@link NumberGuard#sourceNumbers} goes to the span it starts in. One reading serves the sentence index, the
     * paragraph alignment and the number check of the answer.
     */
    static List<Set<BigDecimal>> numbersBySpan(String text, int[] start, int[] end) {
        List<Set<BigDecimal>> values = new ArrayList<>(start.length);
        for (int i = 0; i < start.length; i++) {
            values.add(new HashSet<>());
        }
        for (NumberGuard.FoundNumber number : NumberGuard.sourceNumbers(text)) {
            int i = Arrays.binarySearch(start, number.start());
            i = i >= 0 ? i : -i - 2; // the last span starting at or before the number
            if (i >= 0 && number.start() < end[i]) {
                values.get(i).addAll(number.values());
            }
        }
        return values;
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
