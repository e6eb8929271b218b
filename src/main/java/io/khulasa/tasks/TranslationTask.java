package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.telemetry.Traces;
import io.khulasa.chunking.ArticleChunker;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryMatcher;
import io.khulasa.glossary.GlossaryPromptFormatter;
import io.khulasa.glossary.GlossaryStore;
import io.khulasa.llm.LlmException;
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
 * cut by the output limit is split in two and retried (blocking only). A prompt the server finds over its context
 * window is planned again, once, in smaller chunks.
 * <p>
 * Glossary: the house glossary and the request's own entries (which win on a clash) are looked up in what each call
 * translates; only the entries found go into the prompt's {@code {{glossary}}}, and the answer is checked for their
 * renderings (a missing one is an {@code output-missing-names} warning, not a failure).
 */
@ApplicationScoped
public class TranslationTask {

    /** A translation, planned: every prompt resolved and rendered, nothing sent yet. */
    public sealed interface Plan permits OneCall, InChunks {

        MeasuredArticle article();

        TranslationOptions options();

        boolean refreshCache();

        /** The article tokens per call it was planned with. */
        int budget();
    }

    /** The article fits one call. */
    record OneCall(MeasuredArticle article, TranslationOptions options, boolean refreshCache, int budget,
            PreparedCall call) implements Plan {
    }

    /** The article goes in chunks. */
    record InChunks(MeasuredArticle article, TranslationOptions options, boolean refreshCache, int budget,
            ChunkedCalls chunks) implements Plan {
    }

    private final Planner planner;
    private final CallRunner calls;
    private final StreamedCalls streamed;
    private final GlossaryStore glossaries;

    public TranslationTask(Planner planner, CallRunner calls, StreamedCalls streamed, GlossaryStore glossaries) {
        this.planner = planner;
        this.calls = calls;
        this.streamed = streamed;
        this.glossaries = glossaries;
    }

    /**
     * Plans the translation; no LLM call.
     *
     * @param refreshCache true to skip the result cache ({@code Cache-Control: no-cache}) and store the fresh answers
     * @throws io.khulasa.prompts.PromptNotFoundException for an unknown prompt version
     */
    public Plan plan(CleanedArticle article, TranslationOptions options, boolean refreshCache) {
        return plan(planner.measure(article), options, refreshCache, 0);
    }

    /** @param cap a budget that failed before (the server found a prompt over its window), or 0 */
    Plan plan(MeasuredArticle article, TranslationOptions options, boolean refreshCache, int cap) {
        try (Traces.Step step = Traces.step("khulasa plan")) {
            Plan plan = planned(article, options, refreshCache, cap);
            return PlanSpan.describe(step, Tasks.TRANSLATE, article, plan.budget(),
                    plan instanceof InChunks chunked ? chunked.chunks().calls().size() : 1, cap, plan);
        }
    }

    private Plan planned(MeasuredArticle article, TranslationOptions options, boolean refreshCache, int cap) {
        GlossaryMatcher glossary = glossaries.matcher().withRequestEntries(options.glossary());
        String title = article.title();
        PromptTemplate single = planner.prompt(Tasks.TRANSLATE, options.promptVersion());
        String model = planner.model(Tasks.TRANSLATE);
        Map<Placeholder, String> values = single.values(article.text(), title, Map.of());
        List<GlossaryEntry> found = glossaryFor(single, values, glossary, title, article.text());
        int overhead = planner.overhead(single, values);
        int budget = planner.budget(single, Tasks.TRANSLATE, model, article, overhead, true, cap);
        if (article.tokens() <= budget) {
            return new OneCall(article, options, refreshCache, budget, prepare(Tasks.TRANSLATE, single, model, title,
                    article.text(), values, found, refreshCache, PreparedCall.WHOLE, overhead + article.tokens()));
        }
        PromptTemplate prompt = planner.prompt(Tasks.TRANSLATE_CHUNK, null);
        String chunkModel = planner.model(Tasks.TRANSLATE_CHUNK, Tasks.TRANSLATE);
        String names = planner.namesList(article);
        // The prompt's own tokens as the first chunk has them (title, names, every entry found in the article): the most.
        Map<Placeholder, String> first = chunkValues(prompt, article.text(), title, names, "99 of 99", true);
        glossaryFor(prompt, first, glossary, title, article.text());
        int chunkOverhead = planner.overhead(prompt, first);
        int chunkBudget = planner.budget(prompt, Tasks.TRANSLATE_CHUNK, chunkModel, article, chunkOverhead, true, cap);
        ArticleChunker chunker = planner.chunker(chunkBudget);
        return new InChunks(article, options, refreshCache, chunkBudget, ChunkedCalls.cut(chunker, article.text(),
                (chunk, part, index) -> {
                    // Only the first chunk translates the title; in the others it is context, so its renderings are
                    // neither looked up nor expected there.
                    boolean isFirst = chunk.index() == 0;
                    Map<Placeholder, String> v = chunkValues(prompt, chunk.text(), title, names, part, isFirst);
                    List<GlossaryEntry> entries = glossaryFor(prompt, v, glossary, isFirst ? title : null, chunk.text());
                    return prepare(Tasks.TRANSLATE_CHUNK, prompt, chunkModel, isFirst ? title : null, chunk.text(), v,
                            entries, refreshCache, index, chunkOverhead + chunk.estimatedTokens());
                }));
    }

    private static Map<Placeholder, String> chunkValues(PromptTemplate prompt, String text, String title, String names,
            String part, boolean first) {
        Map<Placeholder, String> values = prompt.values(text, title, Map.of());
        values.put(Placeholder.NAMES, names);
        values.put(Placeholder.PART, part);
        if (first) {
            values.put(Placeholder.FIRST_PART, "yes");
        }
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
    private static PreparedCall prepare(String task, PromptTemplate prompt, String model, String title, String text,
            Map<Placeholder, String> values, List<GlossaryEntry> glossary, boolean refreshCache, int chunk,
            int promptTokens) {
        Log.debugf("%s %s: %d glossary entries applied", task, prompt.version(), glossary.size());
        boolean titleSent = title != null && !title.isBlank() && prompt.placeholders().contains(Placeholder.TITLE);
        return new PreparedCall(task, prompt.render(values), model, titleSent, glossary,
                Planner.guardSource(prompt, values.get(Placeholder.TITLE), text), refreshCache, chunk, promptTokens);
    }

    /**
     * Translates, blocking.
     *
     * @throws LlmException when a call failed
     * @throws io.khulasa.guards.OutputRejectedException when an answer failed a hard guard, reprompt included
     */
    public TaskResult run(Plan plan) {
        return OverflowRetry.run(plan, this::runOnce, this::smaller);
    }

    /**
     * Translates, streaming the text to {@code sink} as the model writes it, in article order. A chunk cut by the
     * output limit ends the stream with {@code llm-truncated}: streamed text cannot be re-split.
     */
    public TaskResult stream(Plan plan, DeltaSink sink) {
        return OverflowRetry.stream(plan, new SentTracker(sink), this::streamOnce, this::smaller);
    }

    /** After a prompt over the server's context window: the same translation in smaller chunks. */
    private Plan smaller(Plan plan, LlmException failure) {
        int cap = planner.smallerBudget(plan.budget(), planner.model(Tasks.TRANSLATE_CHUNK, Tasks.TRANSLATE), failure);
        Log.infof("translation: the server found a prompt over its context window; planning again with %d article "
                + "tokens per call (was %d)", cap, plan.budget());
        return plan(plan.article(), plan.options(), plan.refreshCache(), cap);
    }

    private TaskResult runOnce(Plan plan) {
        return switch (plan) {
            case OneCall one -> new TaskResult.OneCall(calls.run(one.call()));
            case InChunks chunked -> {
                List<ChunkExecution.Piece> pieces = planner.execution().run(chunked.chunks(), calls::run);
                List<CallOutcome> outcomes = ChunkExecution.outcomes(pieces);
                yield new TaskResult.Chunked(Tasks.TRANSLATE,
                        join(outcomes, pieces.stream().map(p -> ChunkedCalls.separator(p.chunk())).toList()),
                        outcomes.get(0).title(), outcomes, ChunkExecution.usage(Tasks.TRANSLATE_CHUNK, pieces),
                        ChunkExecution.extraCalls(pieces));
            }
        };
    }

    private TaskResult streamOnce(Plan plan, DeltaSink sink) {
        return switch (plan) {
            case OneCall one -> new TaskResult.OneCall(streamed.stream(one.call(), sink));
            case InChunks chunked -> {
                List<String> separators = chunked.chunks().separators();
                List<CallOutcome> outcomes = streamed.stream(chunked.chunks().calls(), separators,
                        planner.maxParallelPerRequest(), sink);
                List<ChunkUsage> usage = new ArrayList<>(outcomes.size());
                for (int i = 0; i < outcomes.size(); i++) {
                    usage.add(ChunkUsage.of(Tasks.TRANSLATE_CHUNK, i, outcomes.get(i), 0));
                }
                yield new TaskResult.Chunked(Tasks.TRANSLATE, join(outcomes, separators), outcomes.get(0).title(),
                        outcomes, usage, 0);
            }
        };
    }

    static String join(List<CallOutcome> outcomes, List<String> separators) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < outcomes.size(); i++) {
            sb.append(outcomes.get(i).text().strip());
            if (i + 1 < outcomes.size()) {
                sb.append(separators.get(i));
            }
        }
        return sb.toString();
    }
}
