package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.telemetry.Traces;
import io.khulasa.chunking.ArticleChunker;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptTemplate;

/**
 * Summarises a cleaned article in Modern Standard Arabic: planned once, then run blocking or streamed.
 * <p>
 * An article within the budget goes in one {@code summarize} call. A longer one is summarised by map-reduce: each
 * chunk with {@code summarize-chunk}, concurrently, then one summary of the chunk summaries in article order with
 * {@code summarize-reduce} (the request's length and format). Should the chunk summaries themselves exceed the budget,
 * they are summarised again in chunks first (at most {@value #MAX_MAP_ROUNDS} map rounds). Streamed, the map step runs
 * first and the final call is streamed.
 * <p>
 * When the LLM is unavailable and the request allows it ({@code allowExtractive}), the extractive summary stands in
 * ({@link ExtractiveFallback}), for one call or map-reduce alike; streamed, only while nothing has been sent yet.
 */
@ApplicationScoped
public class SummaryTask extends PlannedTask<SummaryOptions, SummaryTask.Plan> {

    static final int MAX_MAP_ROUNDS = 3;

    /** A summary, planned: every prompt resolved and rendered (the reduce prompt's options checked), nothing sent. */
    public sealed interface Plan extends PlannedTask.Plan<SummaryOptions> permits OneCall, MapReduce {
    }

    /** The article fits one call. */
    record OneCall(MeasuredArticle article, SummaryOptions options, boolean refreshCache, int budget, PreparedCall call)
            implements Plan {
    }

    /**
     * The article is summarised by map-reduce.
     *
     * @param map          the map calls, one per chunk
     * @param reduce       prepares the reduce call from the joined chunk summaries
     * @param reduceBudget the most tokens of chunk summaries the reduce call takes; over it, another map round
     * @param mapping      prepares map calls for a further round over the chunk summaries
     */
    record MapReduce(MeasuredArticle article, SummaryOptions options, boolean refreshCache, int budget, ChunkedCalls map,
            Reduce reduce, int reduceBudget, MapRound mapping) implements Plan {
        @Override
        public int chunkCount() {
            return map.calls().size();
        }
    }

    /** Prepares the reduce call for the joined chunk summaries. */
    @FunctionalInterface
    interface Reduce {
        PreparedCall prepare(String joinedSummaries);
    }

    /** Cuts a text into map calls. */
    @FunctionalInterface
    interface MapRound {
        ChunkedCalls cut(String text);
    }

    /** @param fallback the extractive summary, standing in for an unavailable LLM when the request allows it */
    public SummaryTask(Planner planner, CallExecutor executor, ExtractiveFallback fallback) {
        super(Task.SUMMARIZE, Task.SUMMARIZE_CHUNK, planner, executor,
                (plan, failure) -> new TaskResult.OneCall(fallback.standIn(plan.article().article(), plan.options(),
                        failure)));
    }

    @Override
    Plan planned(MeasuredArticle article, SummaryOptions options, boolean refreshCache, int cap) {
        String title = article.title();
        PromptTemplate prompt = planner.prompt(Task.SUMMARIZE, options.promptVersion());
        Map<Placeholder, String> values = prompt.values(article.text(), title, options.choices());
        Step single = step(Task.SUMMARIZE, prompt, values, article, cap);
        if (article.tokens() <= single.budget()) {
            return new OneCall(article, options, refreshCache, single.budget(), single.call(values, article.text(), null,
                    List.of(), refreshCache, PreparedCall.WHOLE, article.tokens()).withSupport(options.support()));
        }
        PromptTemplate mapPrompt = planner.prompt(Task.SUMMARIZE_CHUNK, null);
        PromptTemplate reducePrompt = planner.prompt(Task.SUMMARIZE_REDUCE, null);
        // An option the reduce prompt does not offer fails here, before any call.
        Step reduceStep = step(Task.SUMMARIZE_REDUCE, reducePrompt, reducePrompt.values("", title, options.choices()),
                article, cap);
        Step map = step(Task.SUMMARIZE_CHUNK, mapPrompt, chunkValues(mapPrompt, "", title, WIDEST_PART, true), article,
                cap);
        ArticleChunker chunker = planner.chunker(map.budget());
        MapRound mapping = text -> ChunkedCalls.cut(chunker, text, (chunk, part, index) -> map.call(
                chunkValues(map.prompt(), chunk.text(), title, part, chunk.index() == 0), chunk.text(), null, List.of(),
                refreshCache, index, chunk.estimatedTokens()));
        // The reduce answer is checked against the article itself: its facts and numbers must come from there.
        Reduce reduce = joined -> reduceStep.call(reduceStep.prompt().values(joined, title, options.choices()),
                article.text(), null, List.of(), refreshCache, PreparedCall.WHOLE, planner.tokens(joined))
                .withSupport(options.support());
        return new MapReduce(article, options, refreshCache, map.budget(), mapping.cut(article.text()), reduce,
                reduceStep.budget(), mapping);
    }

    @Override
    PreparedCall oneCall(Plan plan) {
        return plan instanceof OneCall one ? one.call() : null;
    }

    @Override
    TaskResult runOnce(Plan plan) {
        return switch (plan) {
            case OneCall one -> new TaskResult.OneCall(executor.run(one.call()));
            case MapReduce mr -> {
                Mapped mapped = map(mr);
                yield mapped.withReduce(Traces.inStep("khulasa reduce",
                        () -> executor.run(mr.reduce().prepare(mapped.joined()))));
            }
        };
    }

    @Override
    TaskResult streamOnce(Plan plan, DeltaSink sink) {
        return switch (plan) {
            case OneCall one -> new TaskResult.OneCall(executor.stream(one.call(), sink));
            case MapReduce mr -> {
                Mapped mapped = map(mr);
                yield mapped.withReduce(Traces.inStep("khulasa reduce",
                        () -> executor.stream(mr.reduce().prepare(mapped.joined()), sink)));
            }
        };
    }

    /** The map step's outcome. */
    private record Mapped(String joined, List<CallOutcome> calls, List<ChunkUsage> usage, int extraCalls) {

        TaskResult withReduce(CallOutcome reduced) {
            List<CallOutcome> all = new ArrayList<>(calls);
            all.add(reduced);
            // The reduce step is a call like the chunks' (llmCalls counts it): its cost is listed last.
            List<ChunkUsage> withReduce = new ArrayList<>(usage);
            withReduce.add(ChunkUsage.of(Task.SUMMARIZE_REDUCE, 0, reduced, 0));
            return new TaskResult.Chunked(Task.SUMMARIZE, reduced.text(), null, all, withReduce, extraCalls);
        }
    }

    private Mapped map(MapReduce plan) {
        ChunkedCalls round = plan.map();
        List<CallOutcome> outcomes = new ArrayList<>();
        List<ChunkUsage> usage = null;
        int extraCalls = 0;
        for (int r = 1;; r++) {
            List<ChunkExecution.Piece> pieces = executor.run(round);
            outcomes.addAll(ChunkExecution.outcomes(pieces));
            extraCalls += ChunkExecution.extraCalls(pieces);
            if (usage == null) {
                usage = ChunkExecution.usage(Task.SUMMARIZE_CHUNK, pieces);
            }
            String joined = joinSummaries(pieces);
            if (planner.tokens(joined) <= plan.reduceBudget() || r >= MAX_MAP_ROUNDS) {
                return new Mapped(joined, outcomes, usage, extraCalls);
            }
            // The chunk summaries are still too long for one call: summarise them again, in chunks.
            round = plan.mapping().cut(joined);
        }
    }

    /** The chunk summaries, one paragraph each, in article order. */
    static String joinSummaries(List<ChunkExecution.Piece> pieces) {
        List<String> parts = new ArrayList<>(pieces.size());
        for (ChunkExecution.Piece p : pieces) {
            parts.add(p.outcome().text().strip().replaceAll("\\s*\\n\\s*", " "));
        }
        return String.join("\n", parts);
    }
}
