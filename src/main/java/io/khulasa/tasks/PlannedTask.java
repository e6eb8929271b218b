package io.khulasa.tasks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptTemplate;
import io.khulasa.telemetry.Traces;
import io.quarkus.logging.Log;

/**
 * What every article task shares: planned once (every prompt resolved and rendered before the first LLM call), then
 * run blocking or streamed on the {@link CallExecutor}; planned again, once, in smaller chunks when the server found a
 * prompt over its context window ({@link OverflowRetry}). A task says only what is its own: its plan (prompts,
 * chunks), how a plan runs (one call, chunks joined, map-reduce) and what stands in when the LLM fails.
 *
 * @param <O> the task's options
 * @param <P> the task's plan
 */
public abstract class PlannedTask<O, P extends PlannedTask.Plan<O>> {

    /** The widest position label a chunk prompt gets, for counting the prompt's own tokens before the chunks exist. */
    static final String WIDEST_PART = ChunkedCalls.part(98, 99);

    /** A task, planned: every prompt resolved and rendered, nothing sent. */
    public interface Plan<O> {

        MeasuredArticle article();

        O options();

        /** True to skip the result cache ({@code Cache-Control: no-cache}) and store the fresh answers. */
        boolean refreshCache();

        /** The article tokens per call it was planned with. */
        int budget();

        /** The calls the article is cut into: 1 when it goes whole. */
        default int chunkCount() {
            return 1;
        }
    }

    /**
     * One prompt of a plan, resolved: its model, its own tokens and the article tokens one call of it may carry.
     *
     * @param overhead the prompt's tokens without the article, as the values it was planned with render it
     */
    record Step(Task task, PromptTemplate prompt, String model, int overhead, int budget) {

        /**
         * @param source     the Arabic the answer is checked against (a chunk, the whole article)
         * @param titleSent  the title this call translates, or null
         * @param chunk      0-based index of the planned chunk, or {@link PreparedCall#WHOLE}
         * @param textTokens estimated tokens of what the call carries besides the prompt's own
         */
        PreparedCall call(Map<Placeholder, String> values, String source, String titleSent, List<GlossaryEntry> glossary,
                boolean refreshCache, int chunk, int textTokens) {
            boolean sent = titleSent != null && !titleSent.isBlank() && prompt.placeholders().contains(Placeholder.TITLE);
            return new PreparedCall(task, prompt.render(values), model, sent, glossary,
                    Planner.guardSource(prompt, values.get(Placeholder.TITLE), source), refreshCache, chunk,
                    overhead + textTokens);
        }
    }

    final Planner planner;
    final CallExecutor executor;
    private final Task task;
    /** The task whose calls carry the chunks: its model's reported window is what a smaller plan must fit. */
    private final Task chunkTask;

    /** What answers when the LLM failed and no new plan mends it; a failure when nothing stands in. */
    @FunctionalInterface
    interface StandIn<P> {
        TaskResult answer(P plan, LlmException failure);
    }

    private final StandIn<P> standIn;

    /** For the CDI client proxy of a task bean only. */
    PlannedTask() {
        this(null, null, null, null, null);
    }

    /** @param standIn what answers when the LLM failed, or null: the failure is the answer */
    PlannedTask(Task task, Task chunkTask, Planner planner, CallExecutor executor, StandIn<P> standIn) {
        this.task = task;
        this.chunkTask = chunkTask;
        this.planner = planner;
        this.executor = executor;
        this.standIn = standIn;
    }

    /**
     * Plans the task; no LLM call.
     *
     * @param refreshCache true to skip the result cache ({@code Cache-Control: no-cache}) and store the fresh answers
     * @throws io.khulasa.prompts.PromptNotFoundException for an unknown prompt version
     */
    public P plan(CleanedArticle article, O options, boolean refreshCache) {
        return plan(measure(article), options, refreshCache, 0);
    }

    /** The article with its tokens counted, once for every task planned with it. */
    MeasuredArticle measure(CleanedArticle article) {
        return planner.measure(article);
    }

    /**
     * Plans on a span of its own (chunk count and token budget: sizes only, never text).
     *
     * @param cap a budget that failed before (the server found a prompt over its window), or 0
     */
    final P plan(MeasuredArticle article, O options, boolean refreshCache, int cap) {
        try (Traces.Step step = Traces.step("khulasa plan")) {
            return PlanSpan.describe(step, task.id(), article, planned(article, options, refreshCache, cap), cap);
        }
    }

    /** What {@link #plan} decides, without its span. */
    abstract P planned(MeasuredArticle article, O options, boolean refreshCache, int cap);

    /**
     * Runs the plan, blocking.
     *
     * @throws LlmException when a call failed (and nothing stands in)
     * @throws io.khulasa.guards.OutputRejectedException when an answer failed a hard guard, reprompt included
     */
    public TaskResult run(P plan) {
        try {
            return OverflowRetry.run(plan, this::runOnce, this::smaller);
        } catch (LlmException e) {
            return standIn(plan, e);
        }
    }

    /**
     * {@link #run} without blocking while it can: a plan of one call, with the result cache in memory, is made by the
     * caller's event loop ({@link CallExecutor#runAsync}); any other plan, and whatever follows a failed call (a
     * smaller plan after an overflow, the stand-in), runs blocking on a virtual thread. Either way the result is the
     * one {@link #run} gives.
     *
     * @return the result, or a stage failed with what {@link #run} would throw
     */
    public CompletionStage<TaskResult> runAsync(P plan) {
        PreparedCall one = oneCall(plan);
        if (one == null || !executor.runsAsync()) {
            return executor.blocking(() -> run(plan));
        }
        CompletionStage<CallOutcome> call;
        try {
            call = executor.runAsync(one);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e); // what run() would catch, handled below the same way
        }
        return call.handle((outcome, error) -> error == null
                ? CompletableFuture.completedFuture((TaskResult) new TaskResult.OneCall(outcome))
                : executor.blocking(() -> recover(plan, error))).thenCompose(Function.identity());
    }

    /** The plan's only call when it is one call, else null (chunks, map-reduce). */
    PreparedCall oneCall(P plan) {
        return null;
    }

    /** What {@link #run} does after its call failed with {@code error}. */
    private TaskResult recover(P plan, Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof RuntimeException failure)) {
            throw new CompletionException(cause);
        }
        try {
            return OverflowRetry.afterFailure(plan, failure, this::runOnce, this::smaller);
        } catch (LlmException e) {
            return standIn(plan, e);
        }
    }

    /** Runs the plan, blocking, on a virtual thread of its own: for parts of one request that run side by side. */
    Future<TaskResult> runApart(P plan) {
        return executor.fork(() -> run(plan));
    }

    /**
     * Runs the plan, streaming the answer to {@code sink} as the model writes it, in article order. What stands in for
     * a failed LLM does only while nothing has been sent.
     */
    public TaskResult stream(P plan, DeltaSink sink) {
        SentTracker tracked = new SentTracker(sink);
        try {
            return OverflowRetry.stream(plan, tracked, this::streamOnce, this::smaller);
        } catch (LlmException e) {
            if (tracked.sentAny()) {
                throw e;
            }
            TaskResult standIn = standIn(plan, e);
            sink.delta(standIn.text());
            return standIn;
        }
    }

    abstract TaskResult runOnce(P plan);

    abstract TaskResult streamOnce(P plan, DeltaSink sink);

    private TaskResult standIn(P plan, LlmException failure) {
        if (standIn == null) {
            throw failure;
        }
        return standIn.answer(plan, failure);
    }

    /**
     * A prompt of the plan with its model and what one call of it may carry.
     *
     * @param values the prompt's values to count its own tokens with (for chunks: the widest the first chunk has)
     */
    Step step(Task stepTask, PromptTemplate prompt, Map<Placeholder, String> values, MeasuredArticle article, int cap) {
        String model = planner.model(stepTask);
        int overhead = planner.overhead(prompt, values);
        return new Step(stepTask, prompt, model, overhead,
                planner.budget(prompt, stepTask, model, article, overhead, cap));
    }

    /** A chunk prompt's values: the chunk, the title, its position and, for the first chunk, that it is the first. */
    static Map<Placeholder, String> chunkValues(PromptTemplate prompt, String text, String title, String part,
            boolean first) {
        Map<Placeholder, String> values = prompt.values(text, title, Map.of());
        values.put(Placeholder.PART, part);
        if (first) {
            values.put(Placeholder.FIRST_PART, "yes");
        }
        return values;
    }

    /** After a prompt over the server's context window: the same task in smaller chunks. */
    private P smaller(P plan, LlmException failure) {
        int cap = planner.smallerBudget(plan.budget(), planner.model(chunkTask), failure);
        Log.infof("%s: the server found a prompt over its context window; planning again with %d article tokens per "
                + "call (was %d)", task, cap, plan.budget());
        return plan(plan.article(), plan.options(), plan.refreshCache(), cap);
    }
}
