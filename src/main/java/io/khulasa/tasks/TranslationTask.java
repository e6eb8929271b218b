package io.khulasa.tasks;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryMatcher;
import io.khulasa.glossary.GlossaryPromptFormatter;
import io.khulasa.glossary.GlossaryStore;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptTemplate;
import io.quarkus.logging.Log;

/**
 * Translates a cleaned Arabic article (and its title, when it has one) into English: planned once, then run blocking
 * or streamed.
 * <p>
 * An article within the budget ({@link Planner}: configuration and the model's context window) goes in one
 * {@code translate} call. A longer one is split at paragraph, then sentence boundaries and each chunk is translated
 * with {@code translate-chunk}, concurrently, then reassembled in article order; the title and the article's names
 * list travel with every chunk so that names are spelled alike, and the first chunk also translates the title. A chunk
 * cut by the output limit is split in two and retried, streamed or not, while none of its text was sent. A prompt the
 * server finds over its context window is planned again, once, in smaller chunks.
 * <p>
 * Glossary: the house glossary and the request's own entries (which win on a clash) are looked up in what each call
 * translates; only the entries found go into the prompt's {@code {{glossary}}}, and the answer is checked for their
 * renderings (a missing one is an {@code output-missing-names} warning, not a failure).
 */
@ApplicationScoped
public class TranslationTask extends PlannedTask<TranslationOptions, TranslationTask.Plan> {

    /** A translation, planned: every prompt resolved and rendered, nothing sent yet. */
    public sealed interface Plan extends PlannedTask.Plan<TranslationOptions> permits OneCall, InChunks {
    }

    /** The article fits one call. */
    record OneCall(MeasuredArticle article, TranslationOptions options, boolean refreshCache, int budget,
            PreparedCall call) implements Plan {
    }

    /** The article goes in chunks. */
    record InChunks(MeasuredArticle article, TranslationOptions options, boolean refreshCache, int budget,
            ChunkedCalls chunks) implements Plan {
    }

    private final GlossaryStore glossaries;

    public TranslationTask(Planner planner, CallExecutor executor, GlossaryStore glossaries) {
        super(Task.TRANSLATE, Task.TRANSLATE_CHUNK, planner, executor, null);
        this.glossaries = glossaries;
    }

    @Override
    Plan plan(MeasuredArticle article, TranslationOptions options, boolean refreshCache, int cap) {
        GlossaryMatcher glossary = glossaries.matcher().withRequestEntries(options.glossary());
        String title = article.title();
        PromptTemplate prompt = planner.prompt(Task.TRANSLATE, options.promptVersion());
        Map<Placeholder, String> values = prompt.values(article.text(), title, Map.of());
        List<GlossaryEntry> found = glossaryFor(prompt, values, glossary, title, article.text());
        Step single = step(Task.TRANSLATE, prompt, values, article, cap);
        if (article.tokens() <= single.budget()) {
            return new OneCall(article, options, refreshCache, single.budget(), prepare(single, values, article.text(),
                    title, found, refreshCache, PreparedCall.WHOLE, article.tokens()));
        }
        PromptTemplate chunkPrompt = planner.prompt(Task.TRANSLATE_CHUNK, null);
        String names = planner.namesList(article);
        // The prompt's own tokens as the first chunk has them (title, names, every entry found in the article): the most.
        Map<Placeholder, String> first = chunkValues(chunkPrompt, article.text(), title, names, WIDEST_PART, true);
        glossaryFor(chunkPrompt, first, glossary, title, article.text());
        Step chunks = step(Task.TRANSLATE_CHUNK, chunkPrompt, first, article, cap);
        ArticleChunker chunker = planner.chunker(chunks.budget());
        return new InChunks(article, options, refreshCache, chunks.budget(), ChunkedCalls.cut(chunker, article.text(),
                (chunk, part, index) -> {
                    // Only the first chunk translates the title; in the others it is context, so its renderings are
                    // neither looked up nor expected there.
                    boolean isFirst = chunk.index() == 0;
                    Map<Placeholder, String> v = chunkValues(chunks.prompt(), chunk.text(), title, names, part, isFirst);
                    List<GlossaryEntry> entries = glossaryFor(chunks.prompt(), v, glossary, isFirst ? title : null,
                            chunk.text());
                    return prepare(chunks, v, chunk.text(), isFirst ? title : null, entries, refreshCache, index,
                            chunk.estimatedTokens());
                }));
    }

    private static Map<Placeholder, String> chunkValues(PromptTemplate prompt, String text, String title, String names,
            String part, boolean first) {
        Map<Placeholder, String> values = PlannedTask.chunkValues(prompt, text, title, part, first);
        values.put(Placeholder.NAMES, names);
        return values;
    }

    /**
     * The glossary entries found in what a call translates, put into {@code {{glossary}}} when the prompt has one
     * (else none are applied, checked or reported).
     *
     * @param title the title this call translates, or null
     */
    private static List<GlossaryEntry> glossaryFor(PromptTemplate prompt, Map<Placeholder, String> values,
            GlossaryMatcher glossary, String title, String text) {
        if (!prompt.placeholders().contains(Placeholder.GLOSSARY)) {
            return List.of();
        }
        boolean hasTitle = title != null && !title.isBlank();
        List<GlossaryEntry> found = GlossaryMatcher.distinctEntries(glossary.findMatches(hasTitle ? title + "\n" + text : text));
        values.put(Placeholder.GLOSSARY, GlossaryPromptFormatter.formatEntries(found));
        return found;
    }

    /** @param title the title this call translates, or null */
    private static PreparedCall prepare(Step step, Map<Placeholder, String> values, String text, String title,
            List<GlossaryEntry> glossary, boolean refreshCache, int chunk, int textTokens) {
        Log.debugf("%s %s: %d glossary entries applied", step.task(), step.prompt().version(), glossary.size());
        return step.call(values, text, title, glossary, refreshCache, chunk, textTokens);
    }

    @Override
    TaskResult runOnce(Plan plan) {
        return switch (plan) {
            case OneCall one -> new TaskResult.OneCall(executor.run(one.call()));
            case InChunks chunked -> joined(executor.run(chunked.chunks()));
        };
    }

    @Override
    TaskResult streamOnce(Plan plan, DeltaSink sink) {
        return switch (plan) {
            case OneCall one -> new TaskResult.OneCall(executor.stream(one.call(), sink));
            case InChunks chunked -> joined(executor.stream(chunked.chunks(), sink));
        };
    }

    /** The chunks' translations in article order, joined as the article's chunks were. */
    private static TaskResult joined(List<ChunkExecution.Piece> pieces) {
        List<CallOutcome> outcomes = ChunkExecution.outcomes(pieces);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            text.append(outcomes.get(i).text().strip());
            if (i + 1 < pieces.size()) {
                text.append(ChunkedCalls.separator(pieces.get(i).chunk()));
            }
        }
        return new TaskResult.Chunked(Task.TRANSLATE, text.toString(), outcomes.get(0).title(), outcomes,
                ChunkExecution.usage(Task.TRANSLATE_CHUNK, pieces), ChunkExecution.extraCalls(pieces));
    }
}
