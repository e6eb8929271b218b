package io.khulasa.tasks;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryCheck;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryMatcher;
import io.khulasa.glossary.GlossaryPromptFormatter;
import io.khulasa.glossary.GlossaryStore;
import io.khulasa.prompts.Placeholder;
import io.quarkus.logging.Log;

/**
 * Translates a cleaned Arabic article (and its title, when it has one) into English.
 * <p>
 * Glossary: the house glossary and the request's own entries (which win on a clash) are looked up in the title and
 * the body; only the entries found go into the prompt's {@code {{glossary}}}. After the call, the output guards check
 * the answer for their renderings ({@code output-missing-names}); a missing one is a warning in the provenance, not a
 * failure.
 */
@ApplicationScoped
public class TranslationService {

    private final PromptedTaskRunner runner;
    private final GlossaryStore glossaries;

    public TranslationService(PromptedTaskRunner runner, GlossaryStore glossaries) {
        this.runner = runner;
        this.glossaries = glossaries;
    }

    /** Prepares a translation with the house glossary only. */
    public PreparedCall prepare(CleanedArticle article, String promptVersion) {
        return prepare(article, promptVersion, List.of());
    }

    /**
     * Resolves and renders the prompt with the glossary entries found in the article; no LLM call.
     *
     * @param requestGlossary validated per-request entries (may be empty); they win over house entries
     */
    public PreparedCall prepare(CleanedArticle article, String promptVersion, List<GlossaryEntry> requestGlossary) {
        GlossaryMatcher matcher = glossaries.matcher().withRequestEntries(requestGlossary);
        List<GlossaryEntry> found = GlossaryMatcher.distinctEntries(matcher.findMatches(searchableText(article)));
        PreparedCall call = runner.prepare(Tasks.TRANSLATE, promptVersion, article, Map.of(),
                Map.of(Placeholder.GLOSSARY, GlossaryPromptFormatter.formatEntries(found)));
        // A prompt without {{glossary}} (e.g. translate v1) applies nothing, so nothing is checked or reported.
        boolean applied = call.prompt().template().placeholders().contains(Placeholder.GLOSSARY);
        Log.debugf("translate %s: %d glossary entries found, %s", call.prompt().template().version(), found.size(),
                applied ? "applied" : "not applied (prompt has no {{glossary}})");
        return applied ? call.withGlossary(found) : call;
    }

    /**
     * Calls the LLM and guards the answer; the glossary entries in the prompt are the names the translation is expected
     * to contain (a missing one is an {@code output-missing-names} warning, not a failure).
     */
    public TaskOutcome run(PreparedCall call) {
        return runner.run(call);
    }

    /**
     * Checks an answer that did not pass through {@link #run} (a streamed or reassembled one) against the glossary
     * entries in its prompt; the same soft {@code output-missing-names} warning as the output guards give.
     */
    public TaskOutcome checked(PreparedCall call, TaskOutcome outcome) {
        if (call.glossary().isEmpty()) {
            return outcome;
        }
        // The raw completion holds the translated title too, and the title was searched for entries as well.
        GlossaryCheck.Result check = GlossaryCheck.check(call.glossary(), outcome.llm().text());
        List<String> warnings = check.missing().stream()
                .map(e -> "output-missing-names: '" + e.english() + "' for «" + e.arabic() + "»").toList();
        return outcome.withGlossary(call.glossary(), warnings);
    }

    public TaskOutcome translate(CleanedArticle article, String promptVersion) {
        return translate(article, promptVersion, List.of());
    }

    public TaskOutcome translate(CleanedArticle article, String promptVersion, List<GlossaryEntry> requestGlossary) {
        return run(prepare(article, promptVersion, requestGlossary));
    }

    /**
     * The glossary entries (house and request, the request's winning) found in a text, e.g. one chunk of a long
     * article with its title.
     */
    public List<GlossaryEntry> entriesIn(String text, List<GlossaryEntry> requestGlossary) {
        GlossaryMatcher matcher = glossaries.matcher().withRequestEntries(requestGlossary);
        return GlossaryMatcher.distinctEntries(matcher.findMatches(text));
    }

    /** Title and body: both are translated, so both are searched. */
    private static String searchableText(CleanedArticle article) {
        String title = article.title();
        return title == null || title.isBlank() ? article.text() : title + "\n" + article.text();
    }
}
