package io.khulasa.api;

import java.util.List;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.tasks.ChunkPlan;
import io.khulasa.tasks.ChunkedSummaryService;
import io.khulasa.tasks.ChunkedTranslationService;
import io.khulasa.tasks.PreparedCall;
import io.khulasa.tasks.Settled;
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

    public LongDigests(ChunkedSummaryService chunkedSummaries, ChunkedTranslationService chunkedTranslations,
            SummaryService summaries, TranslationService translations) {
        this.chunkedSummaries = chunkedSummaries;
        this.chunkedTranslations = chunkedTranslations;
        this.summaries = summaries;
        this.translations = translations;
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
                    : (Object) summaries.run(summaryCall, article, options));
            var translation = threads.submit(() -> translationPlan != null ? chunkedTranslations.translate(translationPlan)
                    : (Object) translations.run(translationCall));
            Settled<Object> s = Settled.of(summary);
            Settled<Object> t = Settled.of(translation);
            return DigestResource.respond(article, start, s.value(), s.failure(), t.value(), t.failure());
        }
    }
}
