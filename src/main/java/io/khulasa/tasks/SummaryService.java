package io.khulasa.tasks;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.prompts.Placeholder;

/** Summarises a cleaned article in Modern Standard Arabic. */
@ApplicationScoped
public class SummaryService {

    private final PromptedTaskRunner runner;

    public SummaryService(PromptedTaskRunner runner) {
        this.runner = runner;
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
        return runner.run(prepare(article, options));
    }
}
