package io.khulasa.tasks;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.khulasa.attribution.ArticleIndex;
import io.khulasa.attribution.Attribution;
import io.khulasa.attribution.SummaryAttribution;

/**
 * Strict mode ({@code requireSupport}): a summary answer with a sentence the article does not support fails a hard
 * guard, {@code output-unsupported}, like a wrong number. The article is indexed once per request, by whoever
 * answers it, and shared with the response's {@code sentences}.
 *
 * @param attribution the service's support check
 * @param article     the cleaned article, indexed (perhaps still being indexed: asked for only when an answer is checked)
 */
public record SupportCheck(Attribution attribution, Supplier<ArticleIndex> article) {

    /** A check against an article already indexed. */
    public SupportCheck(Attribution attribution, ArticleIndex article) {
        this(attribution, () -> article);
    }

    /** Guard and problem code of an unsupported sentence in strict mode. */
    public static final String CODE = "output-unsupported";

    /** The support of every sentence of {@code summary}. */
    public SummaryAttribution check(String summary) {
        return attribution.summary(article.get(), summary);
    }

    /**
     * {@code sentence 2 «…» (of 4) is not supported by the article}, each unsupported sentence (0-based): the
     * summary's words, never the article's.
     */
    public static String detail(SummaryAttribution support, List<Integer> unsupported) {
        return unsupported.stream().map(i -> "sentence " + i + " «" + support.sentences().get(i).text() + "»")
                .collect(Collectors.joining("; ")) + " (of " + support.sentences().size() + ") "
                + (unsupported.size() == 1 ? "is" : "are") + " not supported by the article";
    }
}
