package io.khulasa.chunking;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into sentences with ICU's Arabic sentence rules (UAX #29), with three corrections:
 * <ul>
 *   <li>every {@code "\n"} is a hard break (paragraphs never share a sentence);</li>
 *   <li>a break right after a known abbreviation ({@code د.}, {@code أ.د.}, {@code هـ.}, {@code Dr.},
 *       {@code U.S.} ...) is dropped;</li>
 *   <li>a break inside a token (no whitespace on either side, e.g. {@code أ.|د.} or the obfuscation
 *       {@code الصـ.|ـراع}) is dropped: a sentence never ends in the middle of a word.</li>
 * </ul>
 * Segments cover the input exactly: a sentence keeps its trailing whitespace and, at the end of a line,
 * its {@code "\n"}; concatenating {@link #split(String)} gives back the input.
 *
 * <p>Why a post-filter and not ICU's {@code FilteredBreakIteratorBuilder}: ICU matches suppressions as
 * suffixes without a word-boundary check, so {@code "د."} would also glue every sentence ending in a word
 * that ends with {@code د} (e.g. «البلاد.») to the next one.
 *
 * <p>Thread-safe: each call takes an ICU iterator of its own from a pool, and gives it back.
 */
public final class SentenceSplitter {

    /** Abbreviations that end with (or contain) a dot but do not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "د.", "أ.د.", "أ.", "م.", "ق.م", "ق.م.", "ص.ب", "ص.ب.", "هـ.", "ه.", "ج.", "ت.",
            "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "Jr.", "Sr.", "No.", "vs.", "e.g.", "i.e.",
            "U.S.", "U.K.", "U.N.", "E.U.");

    private static final String OPENING_PUNCTUATION = "([{«“\"'‘";

    private final BreakIterator prototype;
    /**
     * Iterators cloned from the prototype and given back after use: a clone per call (ICU copies its rule tables'
     * caches) was a third of the article index's time (issue 20). As many as calls ran at once, at most.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<BreakIterator> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** A splitter that never ends a sentence after one of {@link #ABBREVIATIONS}. */
    public SentenceSplitter() {
        this.prototype = BreakIterator.getSentenceInstance(new ULocale("ar"));
    }

    /**
     * @return the sentences of {@code text}, in order, each with its trailing whitespace / newline;
     *         their concatenation equals {@code text}; empty list for an empty text
     */
    public List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int end : boundaries(text)) {
            sentences.add(text.substring(start, end));
            start = end;
        }
        return sentences;
    }

    /**
     * @return the end offsets of the sentences of {@code text} (strictly increasing, the last one is
     *         {@code text.length()}); empty for an empty text
     */
    public int[] boundaries(String text) {
        int[] ends = new int[16];
        int count = 0;
        BreakIterator iterator = idle.poll();
        if (iterator == null) {
            iterator = (BreakIterator) prototype.clone();
        }
        try {
            int lineStart = 0;
            while (lineStart < text.length()) {
                int newline = text.indexOf('\n', lineStart);
                int lineEnd = newline < 0 ? text.length() : newline;
                if (lineEnd > lineStart) {
                    String line = text.substring(lineStart, lineEnd);
                    iterator.setText(line);
                    for (int b = iterator.next(); b != BreakIterator.DONE && b < line.length(); b = iterator.next()) {
                        if (isRealBreak(line, b)) {
                            ends = add(ends, count++, lineStart + b);
                        }
                    }
                }
                int segmentEnd = newline < 0 ? text.length() : newline + 1;
                ends = add(ends, count++, segmentEnd);
                lineStart = segmentEnd;
            }
        } finally {
            iterator.setText(""); // holds no article text while idle
            idle.offer(iterator);
        }
        return java.util.Arrays.copyOf(ends, count);
    }

    private static int[] add(int[] values, int at, int value) {
        int[] out = at < values.length ? values : java.util.Arrays.copyOf(values, values.length * 2);
        out[at] = value;
        return out;
    }

    private boolean isRealBreak(String line, int b) {
        if (b <= 0 || b >= line.length()) {
            return false;
        }
        if (!Character.isWhitespace(line.charAt(b - 1)) && !Character.isWhitespace(line.charAt(b))) {
            return false; // inside a token
        }
        return !ABBREVIATIONS.contains(tokenBefore(line, b));
    }

    /** The whitespace-delimited token that ends just before {@code b} (skipping trailing spaces). */
    private static String tokenBefore(String line, int b) {
        int end = b;
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) {
            start--;
        }
        while (start < end && OPENING_PUNCTUATION.indexOf(line.charAt(start)) >= 0) {
            start++;
        }
        return line.substring(start, end);
    }
}
