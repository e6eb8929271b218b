package io.khulasa.tasks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;

/**
 * Summary and translation of one article in one request. Both prompts are resolved before any LLM call, then the two
 * calls run concurrently on virtual threads; a part that fails is reported, not lost, and does not sink the other.
 */
@ApplicationScoped
public class DigestService {

    private final SummaryService summaries;
    private final TranslationService translations;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

    public DigestService(SummaryService summaries, TranslationService translations) {
        this.summaries = summaries;
        this.translations = translations;
    }

    public DigestOutcome digest(CleanedArticle article, SummaryOptions summaryOptions, String translationPromptVersion) {
        return digest(article, summaryOptions, translationPromptVersion, List.of());
    }

    /**
     * @param requestGlossary validated per-request glossary entries for the translation (may be empty)
     */
    public DigestOutcome digest(CleanedArticle article, SummaryOptions summaryOptions, String translationPromptVersion,
            List<GlossaryEntry> requestGlossary) {
        return digest(article, summaryOptions, translationPromptVersion, requestGlossary, false);
    }

    /**
     * @param requestGlossary validated per-request glossary entries for the translation (may be empty)
     * @param refreshCache    true to bypass the result cache and store fresh answers ({@code Cache-Control: no-cache})
     */
    public DigestOutcome digest(CleanedArticle article, SummaryOptions summaryOptions, String translationPromptVersion,
            List<GlossaryEntry> requestGlossary, boolean refreshCache) {
        PreparedCall summaryCall = summaries.prepare(article, summaryOptions).refreshingCache(refreshCache);
        PreparedCall translationCall = translations.prepare(article, translationPromptVersion, requestGlossary)
                .refreshingCache(refreshCache);
        // The summary part falls back to the extractive summary when the LLM is unavailable and the request allows it.
        Future<TaskOutcome> summary = virtualThreads.submit(() -> summaries.run(summaryCall, article, summaryOptions));
        Future<TaskOutcome> translation = virtualThreads.submit(() -> translations.run(translationCall));
        Settled<TaskOutcome> s = Settled.of(summary);
        Settled<TaskOutcome> t = Settled.of(translation);
        return new DigestOutcome(s.value(), s.failure(), t.value(), t.failure());
    }

    @PreDestroy
    void shutdown() {
        virtualThreads.shutdownNow();
    }
}
