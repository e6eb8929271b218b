package io.khulasa.articles;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.ArticleRejectedException;
import io.khulasa.telemetry.Traces;
import io.khulasa.cleaning.ArticleCleaner;
import io.khulasa.cleaning.ArticleInput;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.cleaning.ExtractedTextTooLargeException;
import io.khulasa.cleaning.Utf8;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The first steps every article endpoint shares: check the article fields (exactly one of {@code text}/{@code html},
 * not blank, within the size limit) and clean the article. Nothing here calls the LLM, so bad input never costs a
 * call.
 * <p>
 * Limits: a {@code text} article has at most {@code khulasa.limits.max-article-bytes}; an {@code html} page, which
 * carries its scripts and styles, has its own larger {@code khulasa.limits.max-html-bytes}, and the article text
 * extracted from it is held to the {@code text} limit. Each is a 413 {@code article-too-large} with
 * {@code limitBytes}.
 */
@ApplicationScoped
public class ArticleIntake {

    private final ArticleCleaner cleaner;
    private final int maxArticleBytes;
    private final int maxHtmlBytes;
    private final MeterRegistry registry;
    /** The cleaning rules' counters, registered once each (not looked up in the registry per request). */
    private final java.util.concurrent.ConcurrentHashMap<String, Counter> changes =
            new java.util.concurrent.ConcurrentHashMap<>();

    public ArticleIntake(ArticleCleaner cleaner, KhulasaConfig config, MeterRegistry registry) {
        this.cleaner = cleaner;
        this.maxArticleBytes = config.limits().maxArticleBytes();
        this.maxHtmlBytes = config.limits().maxHtmlBytes();
        this.registry = registry;
    }

    /** Checks and cleans. Throws {@link ProblemException} (400/413) or the cleaner's 422. */
    public CleanedArticle accept(ArticleFields request) {
        CleanedArticle article;
        try {
            ArticleInput input = check(request);
            try (Traces.Step step = Traces.step("khulasa clean")) {
                step.set("khulasa.input", request.html() != null && !request.html().isBlank() ? "html" : "text");
                try {
                    article = cleaner.clean(input, maxArticleBytes);
                } catch (ArticleRejectedException e) {
                    step.fail(e.code());
                    throw e;
                }
                step.set("khulasa.article.chars", article.text().length());
            }
        } catch (ExtractedTextTooLargeException e) {
            throw new ProblemException(ProblemType.ARTICLE_TOO_LARGE, "The article text extracted from 'html' has " + e.bytes() + " bytes of UTF-8; the limit is "
                            + e.limitBytes() + " (the limit of 'text')",
                    java.util.Map.of("limitBytes", e.limitBytes(), "articleBytes", e.bytes()));
        }
        article.report().rules().forEach((rule, count) -> changes.computeIfAbsent(rule,
                r -> registry.counter("khulasa.cleaning.changes", "rule", r)).increment(count));
        return article;
    }

    /** Checks the article fields and returns the cleaner's input. */
    public ArticleInput check(ArticleFields request) {
        if (request == null) {
            throw new ProblemException(ProblemType.MISSING_BODY, "Send a JSON object with 'text' or 'html'");
        }
        boolean hasText = request.text() != null;
        boolean hasHtml = request.html() != null;
        if (hasText && hasHtml) {
            throw new ProblemException(ProblemType.AMBIGUOUS_ARTICLE, "Send the article as either 'text' or 'html', not both");
        }
        if (!hasText && !hasHtml) {
            throw new ProblemException(ProblemType.MISSING_ARTICLE, "Send the article as 'text' (plain text) or 'html'");
        }
        String article = hasText ? request.text() : request.html();
        String field = hasText ? "text" : "html";
        if (article.isBlank()) {
            throw new ProblemException(ProblemType.BLANK_ARTICLE, "'" + field + "' is blank");
        }
        int limit = hasText ? maxArticleBytes : maxHtmlBytes;
        long bytes = Utf8.lengthIfOver(article, limit);
        if (bytes > limit) {
            throw new ProblemException(ProblemType.ARTICLE_TOO_LARGE, "'" + field + "' has " + bytes + " bytes of UTF-8; the limit is " + limit, java.util.Map.of("limitBytes", limit, "articleBytes", bytes));
        }
        if (request.title() != null && Utf8.lengthIfOver(request.title(), 4096) > 4096) {
            throw new ProblemException(ProblemType.TITLE_TOO_LONG, "'title' is over 4096 bytes");
        }
        return new ArticleInput(request.text(), request.html(), request.title());
    }
}
