package io.khulasa.tasks;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.CleanedArticle;

/** Translates a cleaned Arabic article (and its title, when it has one) into English. */
@ApplicationScoped
public class TranslationService {

    private final PromptedTaskRunner runner;

    public TranslationService(PromptedTaskRunner runner) {
        this.runner = runner;
    }

    public PreparedCall prepare(CleanedArticle article, String promptVersion) {
        return runner.prepare(Tasks.TRANSLATE, promptVersion, article, Map.of());
    }

    public TaskOutcome translate(CleanedArticle article, String promptVersion) {
        return runner.run(prepare(article, promptVersion));
    }
}
