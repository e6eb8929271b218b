package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.telemetry.Traces;
import io.khulasa.chunking.ArticleChunker;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptTemplate;
import io.quarkus.logging.Log;

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
public class SummaryTask {

    static final int MAX_MAP_ROUNDS = 3;

    /** A summary, planned: every prompt resolved and rendered (the reduce prompt's options checked), nothing sent. */
    public sealed interface Plan permits OneCall, MapReduce {

        MeasuredArticle article();

        SummaryOptions options();

        boolean refreshCache();

        /** The article tokens per call it was planned with. */
        int budget();
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

    private final Planner planner;
    private final CallRunner calls;
    private final StreamedCalls streamed;
    private final ExtractiveFallback fallback;

    public SummaryTask(Planner planner, CallRunner calls, StreamedCalls streamed, ExtractiveFallback fallback) {
        this.planner = planner;
        this.calls = calls;
        this.streamed = streamed;
        this.fallback = fallback;
    }

    /**
     * Plans the summary; no LLM call.
     *
     * @param refreshCache true to skip the result cache ({@code Cache-Control: no-cache}) and store the fresh answers
     * @throws io.khulasa.prompts.PromptNotFoundException for an unknown prompt version
     */
    public Plan plan(CleanedArticle article, SummaryOptions options, boolean refreshCache) {
        return plan(planner.measure(article), options, refreshCache, 0);
    }

    /** @param cap a budget that failed before (the server found a prompt over its window), or 0 */
    Plan plan(MeasuredArticle article, SummaryOptions options, boolean refreshCache, int cap) {
        try (Traces.Step step = Traces.step("khulasa plan")) {
            Plan plan = planned(article, options, refreshCache, cap);
            return PlanSpan.describe(step, Tasks.SUMMARIZE, article, plan.budget(),
                    plan instanceof MapReduce mr ? mr.map().calls().size() : 1, cap, plan);
        }
    }

    private Plan planned(MeasuredArticle article, SummaryOptions options, boolean refreshCache, int cap) {
        PromptTemplate single = planner.prompt(Tasks.SUMMARIZE, options.promptVersion());
        String model = planner.model(Tasks.SUMMARIZE);
        String title = article.title();
        Map<Placeholder, String> values = single.values(article.text(), title, options.choices());
        int overhead = planner.overhead(single, values);
        int budget = planner.budget(single, Tasks.SUMMARIZE, model, article, overhead, false, cap);
        if (article.tokens() <= budget) {
            return new OneCall(article, options, refreshCache, budget, new PreparedCall(Tasks.SUMMARIZE,
                    single.render(values), model, false, List.of(), Planner.guardSource(single, title, article.text()),
                    refreshCache, PreparedCall.WHOLE, overhead + article.tokens()));
        }
        PromptTemplate mapPrompt = planner.prompt(Tasks.SUMMARIZE_CHUNK, null);
        PromptTemplate reducePrompt = planner.prompt(Tasks.SUMMARIZE_REDUCE, null);
        String mapModel = planner.model(Tasks.SUMMARIZE_CHUNK, Tasks.SUMMARIZE);
        String reduceModel = planner.model(Tasks.SUMMARIZE_REDUCE, Tasks.SUMMARIZE);
        // An option the reduce prompt does not offer fails here, before any call.
        Map<Placeholder, String> reduceValues = reducePrompt.values("", title, options.choices());
        int reduceOverhead = planner.overhead(reducePrompt, reduceValues);
        Map<Placeholder, String> firstMap = mapValues(mapPrompt, "", title, "99 of 99", true);
        int mapOverhead = planner.overhead(mapPrompt, firstMap);
        int mapBudget = planner.budget(mapPrompt, Tasks.SUMMARIZE_CHUNK, mapModel, article, mapOverhead, false, cap);
        ArticleChunker chunker = planner.chunker(mapBudget);
        MapRound mapping = text -> ChunkedCalls.cut(chunker, text, (chunk, part, index) -> new PreparedCall(
                Tasks.SUMMARIZE_CHUNK, mapPrompt.render(mapValues(mapPrompt, chunk.text(), title, part, chunk.index() == 0)),
                mapModel, false, List.of(), Planner.guardSource(mapPrompt, title, chunk.text()), refreshCache, index,
                mapOverhead + chunk.estimatedTokens()));
        // The reduce answer is checked against the article itself: its facts and numbers must come from there.
        String reduceSource = Planner.guardSource(reducePrompt, title, article.text());
        Reduce reduce = joined -> new PreparedCall(Tasks.SUMMARIZE_REDUCE,
                reducePrompt.render(reducePrompt.values(joined, title, options.choices())), reduceModel, false,
                List.of(), reduceSource, refreshCache, PreparedCall.WHOLE, reduceOverhead + planner.tokens(joined));
        int reduceBudget = planner.budget(reducePrompt, Tasks.SUMMARIZE_REDUCE, reduceModel, article, reduceOverhead,
                false, cap);
        return new MapReduce(article, options, refreshCache, mapBudget, mapping.cut(article.text()), reduce, reduceBudget,
                mapping);
    }

    private static Map<Placeholder, String> mapValues(PromptTemplate prompt, String text, String title, String part,
            boolean first) {
        Map<Placeholder, String> values = prompt.values(text, title, Map.of());
        values.put(Placeholder.PART, part);
        if (first) {
            values.put(Placeholder.FIRST_PART, "yes");
        }
        return values;
    }

    /**
     * Summarises, blocking; the extractive summary stands in for an unavailable LLM when the request allows it.
     *
     * @throws LlmException when a call failed (and no fallback applies)
     * @throws io.khulasa.guards.OutputRejectedException when an answer failed a hard guard, reprompt included
     */
    public TaskResult run(Plan plan) {
        try {
            return OverflowRetry.run(plan, this::runOnce, this::smaller);
        } catch (LlmException e) {
            return extractiveOr(plan, e);
        }
    }

    private TaskResult runOnce(Plan plan) {
        return switch (plan) {
            case OneCall one -> new TaskResult.OneCall(calls.run(one.call()));
            case MapReduce mr -> {
                Mapped mapped = map(mr);
                yield mapped.withReduce(Traces.inStep("khulasa reduce",
                        () -> calls.run(mr.reduce().prepare(mapped.joined()))));
            }
        };
    }

    /**
     * Summarises, streaming the (final) summary to {@code sink} as the model writes it. The extractive summary stands
     * in for an unavailable LLM when the request allows it and nothing has been sent yet.
     */
    public TaskResult stream(Plan plan, DeltaSink sink) {
        SentTracker tracked = new SentTracker(sink);
        try {
            return OverflowRetry.stream(plan, tracked, this::streamOnce, this::smaller);
        } catch (LlmException e) {
            if (tracked.sentAny()) {
                throw e;
            }
            TaskResult extractive = extractiveOr(plan, e);
            sink.delta(extractive.text());
            return extractive;
        }
    }

    private TaskResult streamOnce(Plan plan, DeltaSink sink) {
        return switch (plan) {
            case OneCall one -> new TaskResult.OneCall(streamed.stream(one.call(), sink));
            case MapReduce mr -> {
                Mapped mapped = map(mr);
                yield mapped.withReduce(Traces.inStep("khulasa reduce",
                        () -> streamed.stream(mr.reduce().prepare(mapped.joined()), sink)));
            }
        };
    }

    /** After a prompt over the server's context window: the same summary in smaller chunks. */
    private Plan smaller(Plan plan, LlmException failure) {
        int cap = planner.smallerBudget(plan.budget(), planner.model(Tasks.SUMMARIZE_CHUNK, Tasks.SUMMARIZE), failure);
        Log.infof("summary: the server found a prompt over its context window; planning again with %d article tokens "
                + "per call (was %d)", cap, plan.budget());
        return plan(plan.article(), plan.options(), plan.refreshCache(), cap);
    }

    private TaskResult extractiveOr(Plan plan, LlmException failure) {
        if (!fallback.applies(plan.options(), failure)) {
            throw failure;
        }
        Log.debugf("summary: LLM unavailable (%s), answering with the extractive summary", failure.kind());
        return new TaskResult.OneCall(fallback.summarize(plan.article().article(), plan.options(), failure));
    }

    /** The map step's outcome. */
    private record Mapped(String joined, List<CallOutcome> calls, List<ChunkUsage> usage, int extraCalls) {

        TaskResult withReduce(CallOutcome reduced) {
            List<CallOutcome> all = new ArrayList<>(calls);
            all.add(reduced);
            return new TaskResult.Chunked(Tasks.SUMMARIZE, reduced.text(), null, all, usage, extraCalls);
        }
    }

    private Mapped map(MapReduce plan) {
        ChunkedCalls round = plan.map();
        List<CallOutcome> outcomes = new ArrayList<>();
        List<ChunkUsage> usage = null;
        int extraCalls = 0;
        for (int r = 1;; r++) {
            List<ChunkExecution.Piece> pieces = planner.execution().run(round, calls::run);
            outcomes.addAll(ChunkExecution.outcomes(pieces));
            extraCalls += ChunkExecution.extraCalls(pieces);
            if (usage == null) {
                usage = ChunkExecution.usage(Tasks.SUMMARIZE_CHUNK, pieces);
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
