package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.llm.ChatGateway;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptCatalogue;
import io.khulasa.prompts.PromptTemplate;

/**
 * Summarises an article too long for one call by map-reduce: each chunk is summarised on its own
 * ({@code summarize-chunk}, concurrently), then one summary is written from the chunk summaries in article order
 * ({@code summarize-reduce}, with the request's length and format). Should the chunk summaries themselves exceed the
 * budget, they are summarised again in chunks first (at most {@value #MAX_MAP_ROUNDS} map rounds).
 * <p>
 * As for translation, each call has the core's attempt budget, and a chunk summary cut by the output limit is split
 * further rather than used cut.
 */
@ApplicationScoped
public class ChunkedSummaryService {

    static final int MAX_MAP_ROUNDS = 3;

    /**
     * A long article's summary, planned.
     *
     * @param map         the chunks and the map prompt
     * @param reduce      the reduce prompt
     * @param reduceModel the model of the reduce call
     * @param choices     the request's length and format
     */
    public record Plan(ChunkPlan map, PromptTemplate reduce, String reduceModel, Map<Placeholder, String> choices) {
    }

    private final PromptedTaskRunner runner;
    private final PromptCatalogue catalogue;
    private final LongArticles longArticles;
    private final ChatGateway gateway;

    public ChunkedSummaryService(PromptedTaskRunner runner, PromptCatalogue catalogue, LongArticles longArticles,
            ChatGateway gateway) {
        this.runner = runner;
        this.catalogue = catalogue;
        this.longArticles = longArticles;
        this.gateway = gateway;
    }

    /**
     * The plan for an article over the single-call budget, or null when it fits one {@code summarize} call. Resolves
     * the requested {@code summarize} version either way (an unknown version is a 404 for a long article too).
     */
    public Plan plan(CleanedArticle article, SummaryOptions options) {
        PromptTemplate single = catalogue.resolve(Tasks.SUMMARIZE, options.promptVersion());
        if (longArticles.tokens(article.text()) <= longArticles.budget(single, runner.modelFor(Tasks.SUMMARIZE), false)) {
            return null;
        }
        PromptTemplate mapPrompt = catalogue.resolve(Tasks.SUMMARIZE_CHUNK, null);
        PromptTemplate reducePrompt = catalogue.resolve(Tasks.SUMMARIZE_REDUCE, null);
        Map<Placeholder, String> choices = new EnumMap<>(Placeholder.class);
        if (options.length() != null) {
            choices.put(Placeholder.LENGTH, options.length());
        }
        if (options.format() != null) {
            choices.put(Placeholder.FORMAT, options.format());
        }
        reducePrompt.values("", null, choices); // an option the reduce prompt does not offer fails here, before any call
        String model = runner.modelFor(Tasks.SUMMARIZE_CHUNK, Tasks.SUMMARIZE);
        ArticleChunker chunker = longArticles.chunker(longArticles.budget(mapPrompt, model, false));
        ChunkPlan map = new ChunkPlan(article, mapPrompt, model, chunker, chunker.chunk(article.text()), "", List.of());
        return new Plan(map, reducePrompt, runner.modelFor(Tasks.SUMMARIZE_REDUCE, Tasks.SUMMARIZE), choices);
    }

    /** Map and reduce; throws {@link io.khulasa.llm.LlmException}. */
    public ChunkedOutcome summarize(Plan plan) {
        Mapped mapped = map(plan);
        TaskOutcome reduced = runner.run(prepareReduce(plan, mapped.joined()));
        return mapped.outcome(reduced);
    }

    /** Map (not streamed), then the reduce call streamed to the sink. */
    public ChunkedOutcome stream(Plan plan, DeltaSink sink) {
        Mapped mapped = map(plan);
        List<TaskOutcome> reduced = OrderedStreams.stream(gateway, longArticles.virtualThreads(), 1,
                List.of(prepareReduce(plan, mapped.joined())), List.of(), sink);
        return mapped.outcome(reduced.get(0));
    }

    private record Mapped(String joined, List<TaskOutcome> calls, List<ChunkUsage> usage, int extraCalls) {

        ChunkedOutcome outcome(TaskOutcome reduced) {
            List<TaskOutcome> all = new ArrayList<>(calls);
            all.add(reduced);
            return new ChunkedOutcome(Tasks.SUMMARIZE, reduced.text(), null, all, usage, extraCalls);
        }
    }

    private Mapped map(Plan plan) {
        ChunkPlan round = plan.map();
        List<TaskOutcome> calls = new ArrayList<>();
        List<ChunkUsage> usage = null;
        int extraCalls = 0;
        int reduceBudget = longArticles.maxInputTokens(plan.reduceModel());
        for (int r = 1;; r++) {
            ChunkPlan current = round;
            List<ChunkExecution.Piece> pieces = longArticles.execution(current.chunker())
                    .run(current.chunks(), (chunk, part) -> runner.run(prepareChunk(current, chunk, part)));
            pieces.forEach(p -> calls.add(p.outcome()));
            extraCalls += ChunkExecution.extraCalls(pieces);
            if (usage == null) {
                usage = ChunkExecution.usage(Tasks.SUMMARIZE_CHUNK, pieces);
            }
            String joined = joinSummaries(pieces);
            if (longArticles.tokens(joined) <= reduceBudget || r >= MAX_MAP_ROUNDS) {
                return new Mapped(joined, calls, usage, extraCalls);
            }
            // The chunk summaries are still too long for one call: summarise them again, in chunks.
            CleanedArticle summaries = new CleanedArticle(plan.map().article().title(), joined,
                    plan.map().article().report());
            List<Chunk> chunks = current.chunker().chunk(joined);
            round = new ChunkPlan(summaries, current.chunkPrompt(), current.model(), current.chunker(), chunks, "", List.of());
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

    private PreparedCall prepareChunk(ChunkPlan plan, Chunk chunk, String part) {
        PromptTemplate prompt = plan.chunkPrompt();
        Map<Placeholder, String> values = prompt.values(chunk.text(), plan.article().title(), Map.of());
        values.put(Placeholder.PART, part);
        if (chunk.index() == 0) {
            values.put(Placeholder.FIRST_PART, "yes");
        }
        return new PreparedCall(Tasks.SUMMARIZE_CHUNK, prompt.render(values), plan.model(), false);
    }

    private PreparedCall prepareReduce(Plan plan, String joinedSummaries) {
        Map<Placeholder, String> values = plan.reduce().values(joinedSummaries, plan.map().article().title(),
                plan.choices());
        return new PreparedCall(Tasks.SUMMARIZE_REDUCE, plan.reduce().render(values), plan.reduceModel(), false);
    }

}
