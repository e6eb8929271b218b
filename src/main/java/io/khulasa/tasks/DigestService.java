package io.khulasa.tasks;

import java.util.List;
import java.util.concurrent.ExecutionException;
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

    private final PromptedTaskRunner runner;
    private final SummaryService summaries;
    private final TranslationService translations;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

    public DigestService(PromptedTaskRunner runner, SummaryService summaries, TranslationService translations) {
        this.runner = runner;
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
        PreparedCall summaryCall = summaries.prepare(article, summaryOptions);
        PreparedCall translationCall = translations.prepare(article, translationPromptVersion, requestGlossary);
        Future<TaskOutcome> summary = virtualThreads.submit(() -> runner.run(summaryCall));
        Future<TaskOutcome> translation = virtualThreads.submit(() -> translations.run(translationCall));
        TaskOutcome s = null;
        TaskOutcome t = null;
        RuntimeException sFailure = null;
        RuntimeException tFailure = null;
        try {
            s = summary.get();
        } catch (ExecutionException e) {
            sFailure = unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sFailure = new IllegalStateException("interrupted");
        }
        try {
            t = translation.get();
        } catch (ExecutionException e) {
            tFailure = unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tFailure = new IllegalStateException("interrupted");
        }
        return new DigestOutcome(s, sFailure, t, tFailure);
    }

    private static RuntimeException unwrap(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }

    @PreDestroy
    void shutdown() {
        virtualThreads.shutdownNow();
    }
}
