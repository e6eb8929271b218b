package io.khulasa.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every sentence of a summary with its support in the cleaned article.
 *
 * @param sentences one entry per sentence of the summary, in order (a bullet is a sentence)
 * @param warnings  empty, or one {@code unsupported-sentence: <n> of <m> sentences (indexes …)} warning (0-based
 *                  indexes into {@code sentences})
 */
public record SummaryAttribution(List<SentenceSupport> sentences, List<String> warnings) {

    /** Prefix of the warning for unsupported sentences (a stable code). */
    public static final String UNSUPPORTED = "unsupported-sentence";

    public SummaryAttribution {
        sentences = List.copyOf(sentences);
        warnings = List.copyOf(warnings);
    }

    /** Builds the record and its warning from the sentences. */
    static SummaryAttribution of(List<SentenceSupport> sentences) {
        List<Integer> unsupported = unsupportedIndexes(sentences);
        List<String> warnings = new ArrayList<>();
        if (!unsupported.isEmpty()) {
            warnings.add(UNSUPPORTED + ": " + unsupported.size() + " of " + sentences.size() + " sentences (indexes "
                    + unsupported.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return new SummaryAttribution(sentences, warnings);
    }

    /** @return the 0-based indexes of the unsupported sentences, in order */
    public List<Integer> unsupportedIndexes() {
        return unsupportedIndexes(sentences);
    }

    private static List<Integer> unsupportedIndexes(List<SentenceSupport> sentences) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (!sentences.get(i).supported()) {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
