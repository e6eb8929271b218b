package io.khulasa.articles;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.attribution.SentenceSupport;

/**
 * One sentence of a summary and the article sentences that support it.
 *
 * @param text      the sentence as the summary wrote it (a bullet's marker dropped)
 * @param supported whether {@code score} reaches the threshold
 * @param score     in [0, 1]
 * @param sources   at most 3 spans of the cleaned article, best first
 */
@Schema(name = "SummarySentence", description = "One sentence of the summary (a bullet is a sentence), in order, with "
        + "the spans of the cleaned article that support it")
public record SummarySentence(
        @Schema(examples = "سجلت وزارة الصحة 120 إصابة جديدة.") String text,
        @Schema(description = "false when the best support is under the threshold (0.35); the provenance then has an "
                + "`unsupported-sentence` warning, and `requireSupport` refuses the answer") boolean supported,
        @Schema(description = "Share of the sentence's weighted words and numbers found in `sources`, lowered for a "
                + "number or name the article does not have", minimum = "0", maximum = "1", examples = "0.83")
        double score,
        @Schema(description = "Spans of the cleaned article, best first, at most 3; an unsupported sentence may still "
                + "list the closest ones") List<ArticleSpan> sources) {

    /** The description of a list of these, the same wherever a response carries one (summary, digest, checks). */
    static final String LIST = "One entry per sentence of the summary, in order (a bullet is a sentence), with the "
            + "spans of the cleaned article that support it. A sentence under the threshold is `supported: false` and "
            + "the provenance gets one warning `unsupported-sentence: <n> of <m> sentences (indexes …)`";

    static SummarySentence of(SentenceSupport s) {
        ArticleSpan[] sources = new ArticleSpan[s.sources().size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = ArticleSpan.of(s.sources().get(i));
        }
        return new SummarySentence(s.text(), s.supported(), s.score(), List.of(sources));
    }
}
