package io.khulasa.tasks;

import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.CleanedArticle;

/**
 * Summary and translation of one article in one request, of any length: both parts are planned before any LLM call
 * (the article's tokens counted once), then run concurrently; a part that fails is reported, not lost, and does not
 * sink the other.
 */
@ApplicationScoped
public class DigestTask {

    /** Both parts, planned. */
    public record Plan(SummaryTask.Plan summary, TranslationTask.Plan translation) {
    }

    /** How each part ended. */
    public record Result(Settled<TaskResult> summary, Settled<TaskResult> translation) {
    }

    private final SummaryTask summaries;
    private final TranslationTask translations;

    public DigestTask(SummaryTask summaries, TranslationTask translations) {
        this.summaries = summaries;
        this.translations = translations;
    }

    /**
     * @throws io.khulasa.prompts.PromptNotFoundException for an unknown prompt version of either part
     */
    public Plan plan(CleanedArticle article, SummaryOptions summary, TranslationOptions translation,
            boolean refreshCache) {
        MeasuredArticle measured = summaries.measure(article);
        return new Plan(summaries.plan(measured, summary, refreshCache, 0),
                translations.plan(measured, translation, refreshCache, 0));
    }

    /** Runs both parts concurrently; the summary part falls back to the extractive summary as a summary would. */
    public Result run(Plan plan) {
        Future<TaskResult> summary = summaries.runApart(plan.summary());
        Future<TaskResult> translation = translations.runApart(plan.translation());
        return new Result(Settled.of(summary), Settled.of(translation));
    }
}
