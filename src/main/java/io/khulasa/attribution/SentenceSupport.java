package io.khulasa.attribution;

import java.util.List;
import java.util.Objects;

/**
 * How well the cleaned article supports one sentence of a summary.
 *
 * @param text      the sentence as the summary wrote it (surrounding whitespace and a leading bullet marker removed)
 * @param supported whether {@code score} reaches the threshold
 * @param score     in [0, 1]: the share of the sentence's weighted words and numbers found in {@code sources}, lowered
 *                  for each number or unknown word (a name, a claim) that the article does not have at all
 * @param sources   at most 3 article sentences, best first; may be non-empty for an unsupported sentence (the
 *                  closest spans), empty when nothing of the article matches
 */
public record SentenceSupport(String text, boolean supported, double score, List<SourceSpan> sources) {

    public SentenceSupport {
        Objects.requireNonNull(text, "text");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score out of [0, 1]: " + score);
        }
        sources = List.copyOf(sources);
    }
}
