package io.khulasa.tasks;

import io.khulasa.cleaning.CleanedArticle;

/**
 * A cleaned article with its token count, counted once per request however many tasks plan with it.
 *
 * @param article     the cleaned article
 * @param tokens      estimated tokens of its body
 * @param serverRatio the server's tokens per estimated token for this article, when the server counted it; else null
 */
record MeasuredArticle(CleanedArticle article, int tokens, Double serverRatio) {

    String title() {
        return article.title();
    }

    String text() {
        return article.text();
    }

    boolean hasTitle() {
        return article.title() != null && !article.title().isBlank();
    }

    /** Title line and body, for what reads both (glossary look-ups, names, guards). */
    String titleAndText() {
        return hasTitle() ? article.title() + "\n" + article.text() : article.text();
    }
}
