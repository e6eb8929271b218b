package io.khulasa.api;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.tasks.ChunkPlan;
import io.khulasa.tasks.ChunkedSummaryService;
import io.khulasa.tasks.ChunkedTranslationService;
import io.khulasa.tasks.PreparedCall;
import io.khulasa.tasks.PromptedTaskRunner;
import io.khulasa.tasks.SummaryOptions;
import io.khulasa.tasks.SummaryService;
import io.khulasa.tasks.TranslationService;

/**
 * The digest of an article too long for one call in at least one part: each part goes through its own chunked
 * path (or its single call when it fits), both concurrently.
 */
@ApplicationScoped
public class LongDigests {

    private final ChunkedSummaryService chunkedSummaries;
    private final ChunkedTranslationService chunkedTranslations;
    private final SummaryService summaries;
    private final TranslationService translations;
    private final PromptedTaskRunner runner;

    public LongDigests(ChunkedSummaryService chunkedSummaries, ChunkedTranslationService chunkedTranslations,
            SummaryService summaries, TranslationService translations, PromptedTaskRunner runner) {
        this.chunkedSummaries = chunkedSummaries;
        this.chunkedTranslations = chunkedTranslations;
        this.summaries = summaries;
        this.translations = translations;
        this.runner = runner;
    }

    /** The digest, or null when the article fits one call for both parts (the regular path then). */
    Response digestIfLong(CleanedArticle article, SummaryOptions options, String translateVersion,
            List<GlossaryEntry> glossary, long start) {
        ChunkedSummaryService.Plan summaryPlan = chunkedSummaries.plan(article, options);
        ChunkPlan translationPlan = chunkedTranslations.plan(article, translateVersion, glossary);
        if (summaryPlan == null && translationPlan == null) {
            return null;
        }
        // Everything resolved before the first call: an unknown version never costs a call.
        PreparedCall summaryCall = summaryPlan == null ? summaries.prepare(article, options) : null;
        PreparedCall translationCall = translationPlan == null
                ? translations.prepare(article, translateVersion, glossary) : null;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var summary = threads.submit(() -> summaryPlan != null ? chunkedSummaries.summarize(summaryPlan)
                    : (Object) runner.run(summaryCall));
            var translation = threads.submit(() -> translationPlan != null ? chunkedTranslations.translate(translationPlan)
                    : (Object) translations.run(translationCall));
            Object s = null;
            Object t = null;
            RuntimeException sFailure = null;
            RuntimeException tFailure = null;
            try {
                s = summary.get();
            } catch (ExecutionException e) {
                sFailure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sFailure = new IllegalStateException("interrupted");
            }
            try {
                t = translation.get();
            } catch (ExecutionException e) {
                tFailure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tFailure = new IllegalStateException("interrupted");
            }
            return DigestResource.respond(article, start, s, sFailure, t, tFailure);
        }
    }
}
