package io.khulasa.chunking;

import java.util.Objects;

/**
 * One piece of an article, small enough for one LLM call.
 *
 * @param index           0-based position in the article
 * @param text            the piece, verbatim (no leading/trailing separator)
 * @param estimatedTokens token estimate of {@code text} (see {@link TokenEstimator})
 * @param separatorAfter  the exact text between this piece and the next one in the article: {@code "\n"}
 *                        when the piece ends a paragraph, the original whitespace (usually {@code " "}) when
 *                        the piece was cut inside a paragraph, {@code ""} for the last piece. Joining pieces
 *                        (or their translations) with these separators rebuilds the paragraph structure.
 */
public record Chunk(int index, String text, int estimatedTokens, String separatorAfter) {

    public Chunk {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(separatorAfter, "separatorAfter");
    }

    /** @return true if the piece ends at a paragraph boundary (or the end of the article) */
    public boolean endsParagraph() {
        return separatorAfter.isEmpty() || separatorAfter.contains("\n");
    }
}
