package io.khulasa.tasks;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.Placeholder;
import io.quarkus.logging.Log;

/**
 * Summarises a cleaned article in Modern Standard Arabic; when the LLM is unavailable and the request allows it, the
 * extractive summary stands in ({@link ExtractiveFallback}).
 */
@ApplicationScoped
public class SummaryService {

    private final PromptedTaskRunner runner;
    private final ExtractiveFallback fallback;

    public SummaryService(PromptedTaskRunner runner, ExtractiveFallback fallback) {
        this.runner = runner;
        this.fallback = fallback;
    }

    public PreparedCall prepare(CleanedArticle article, SummaryOptions options) {
        Map<Placeholder, String> choices = new EnumMap<>(Placeholder.class);
        if (options.length() != null) {
            choices.put(Placeholder.LENGTH, options.length());
        }
        if (options.format() != null) {
            choices.put(Placeholder.FORMAT, options.format());
        }
        return runner.prepare(Tasks.SUMMARIZE, options.promptVersion(), article, choices);
    }

    public TaskOutcome summarize(CleanedArticle article, SummaryOptions options) {
        return run(prepare(article, options), article, options);
    }

    /**
     * Runs a prepared summary; if the LLM is unavailable and {@code options.allowExtractive()}, answers with the
     * extractive summary instead of failing.
     */
    public TaskOutcome run(PreparedCall call, CleanedArticle article, SummaryOptions options) {
        try {
            return runner.run(call);
        } catch (LlmException e) {
            return extractiveOr(article, options, e);
        }
    }

    /**
     * The extractive summary standing in for a failed LLM summary (also a long article's map-reduce), when the request
     * allows it and the failure is an outage; otherwise rethrows {@code failure}.
     */
    public TaskOutcome extractiveOr(CleanedArticle article, SummaryOptions options, LlmException failure) {
        if (!fallback.applies(options, failure)) {
            throw failure;
        }
        Log.debugf("summary: LLM unavailable (%s), answering with the extractive summary", failure.kind());
        return fallback.summarize(article, options, failure);
    }
}
