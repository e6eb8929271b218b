package io.khulasa.extractive;

import java.util.List;

/**
 * An extractive summary: sentences of the article, verbatim, in article order.
 *
 * @param text      the selected sentences joined with single spaces
 * @param sentences the selected sentences with their position and score
 */
public record ExtractiveSummary(String text, List<SelectedSentence> sentences) {

    public ExtractiveSummary {
        sentences = List.copyOf(sentences);
    }

    /**
     * One selected sentence.
     *
     * @param index position among all sentences of the article (0-based)
     * @param text  the sentence exactly as in the article, without surrounding whitespace
     * @param score its final score (centrality × lead bias); higher is more central
     */
    public record SelectedSentence(int index, String text, double score) {}
}
