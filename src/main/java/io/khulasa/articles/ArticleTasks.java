package io.khulasa.articles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.attribution.ArticleIndex;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.problems.DigestFailedException;
import io.khulasa.problems.Problem;
import io.khulasa.problems.Problems;
import io.khulasa.tasks.CallExecutor;
import io.khulasa.tasks.DigestTask;
import io.khulasa.tasks.Provenance;
import io.khulasa.tasks.Settled;
import io.khulasa.tasks.SummaryTask;
import io.khulasa.tasks.TaskResult;
import io.khulasa.tasks.TranslationOptions;
import io.khulasa.tasks.TranslationTask;

/**
 * The request path every article task shares, whoever asks (a single request, a batch item, a job): intake (checks,
 * cleaning), plan (everything resolved before the first LLM call), run (blocking or streamed), map (the response
 * record). No HTTP type here: the doors (REST and SSE in {@code api}, jobs and Kafka in {@code jobs}) call it.
 * Failures are thrown; the caller reports them through {@link Problems}.
 */
@ApplicationScoped
public class ArticleTasks {

    private final ArticleIntake intake;
    private final SummaryTask summaries;
    private final TranslationTask translations;
    private final DigestTask digests;
    private final BatchRunner batches;
    private final ArticleTraces traces;
    private final CallExecutor executor;

    public ArticleTasks(ArticleIntake intake, SummaryTask summaries, TranslationTask translations, DigestTask digests,
            BatchRunner batches, ArticleTraces traces, CallExecutor executor) {
        this.traces = traces;
        this.executor = executor;
        this.intake = intake;
        this.summaries = summaries;
        this.translations = translations;
        this.digests = digests;
        this.batches = batches;
    }

    /** Many articles, each run as {@code task} runs one; a failed article is its own problem. */
    public <R extends ArticleFields> BatchResponse batch(BatchRequest<R> request, Function<R, ? extends ArticleResponse> task) {
        return batches.run(request, task);
    }

    /** One article as a batch (or job) reports it: its result, or its problem. */
    public <R extends ArticleFields> BatchResult batchItem(BatchItem<R> item, Function<R, ? extends ArticleResponse> task) {
        return batches.runOne(item, task);
    }

    public SummaryResponse summary(SummaryRequest request, boolean refreshCache) {
        long start = System.nanoTime();
        CleanedArticle article = intake.accept(request);
        try (ArticleTraces.RequestIndex index = traces.requestIndex(article)) {
            TaskResult result = summaries.run(summaries.plan(article, request.options(traces.support(index)),
                    refreshCache));
            Provenance provenance = provenance(start, result);
            ArticleTraces.Sentences sentences = traces.sentences(index.get(), result.text(),
                    Boolean.TRUE.equals(request.requireSupport()), provenance.llmCalls());
            return new SummaryResponse(result.text(), article.title(), sentences.sentences(),
                    provenance.withWarnings(sentences.warnings()), ArticleTraces.cleaning(article, request));
        }
    }

    /**
     * {@link #summary}, without blocking the caller (the request's event loop) while it can: an article of at most
     * {@value #NON_BLOCKING_MAX_CHARS} characters, not held to strict support, planned as one call with the result
     * cache in memory is cleaned, planned, sent to the model, checked and answered on the caller's thread
     * ({@link io.khulasa.tasks.PlannedTask#runAsync}), so the request never changes threads; each hand-off to a
     * virtual thread and back cost the request tens of microseconds of its latency (issue 20). Anything else, and
     * whatever may block on the way (a retry, a reprompt, the fallback model), runs on a virtual thread as
     * {@link #summary} does. The answer is the one {@link #summary} gives.
     *
     * @return the summary, or a stage failed with what {@link #summary} would throw (never wrapped)
     */
    public CompletionStage<SummaryResponse> summaryAsync(SummaryRequest request, boolean refreshCache) {
        if (!nonBlocking(request)) {
            return settled(executor.blocking(() -> summary(request, refreshCache)));
        }
        long start = System.nanoTime();
        Executor here = executor.sameRequest();
        CleanedArticle article = intake.accept(request);
        ArticleTraces.RequestIndex index = traces.requestIndexWhileWaiting(article);
        CompletionStage<SummaryResponse> response;
        try {
            SummaryTask.Plan plan = summaries.plan(article, request.options(traces.support(index)), refreshCache);
            CompletionStage<TaskResult> answer = summaries.runAsync(plan);
            if (index.early()) {
                index.get(); // the call is out: read the article while the model writes
            }
            // Answered on the request's own context (its request id and trace), wherever the answer completed.
            response = answer.thenApplyAsync(result -> {
                Provenance provenance = provenance(start, result);
                ArticleTraces.Sentences sentences = traces.sentences(index.get(), result.text(), false,
                        provenance.llmCalls());
                return new SummaryResponse(result.text(), article.title(), sentences.sentences(),
                        provenance.withWarnings(sentences.warnings()), ArticleTraces.cleaning(article, request));
            }, here);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        return settled(response.whenComplete((answered, failed) -> index.close()));
    }

    /**
     * Inputs longer than this (text and HTML together) are summarised on a virtual thread, never on an event loop:
     * three times a long news article (5–15 KB, some 2,500–7,500 characters). The reference article's request takes
     * about 0.7 ms of CPU; one at this bound a few milliseconds, which the loop's other connections wait for.
     */
    static final int NON_BLOCKING_MAX_CHARS = 16_384;

    /**
     * Whether a summary request takes the non-blocking path: short enough that cleaning and checking it hold the event
     * loop a few milliseconds at most, and not strict (strict mode's guard reads the article index, which may still be
     * being built beside the call: a wait).
     */
    static boolean nonBlocking(SummaryRequest request) {
        if (request == null) {
            return true; // no body: intake refuses it at once
        }
        long chars = (request.text() == null ? 0 : request.text().length())
                + (request.html() == null ? 0 : request.html().length());
        return chars <= NON_BLOCKING_MAX_CHARS && !Boolean.TRUE.equals(request.requireSupport());
    }

    /** The stage's outcome with its failure unwrapped, as the blocking call would have thrown it. */
    private static <T> CompletionStage<T> settled(CompletionStage<T> stage) {
        CompletableFuture<T> out = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                out.complete(value);
                return;
            }
            Throwable cause = failure;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            out.completeExceptionally(cause);
        });
        return out;
    }

    public TranslationResponse translation(TranslationRequest request, boolean refreshCache) {
        long start = System.nanoTime();
        TranslationOptions options = TranslationRequest.options(request);
        CleanedArticle article = intake.accept(request);
        TaskResult result = translations.run(translations.plan(article, options, refreshCache));
        ArticleTraces.Paragraphs paragraphs = traces.paragraphs(traces.paragraphs(article), result.text());
        return new TranslationResponse(result.text(), result.title(), paragraphs.paragraphs(),
                provenance(start, result).withWarnings(paragraphs.warnings()), ArticleTraces.cleaning(article, request));
    }

    /**
     * Both parts; a part that failed is in {@code errors}.
     *
     * @throws DigestFailedException when both parts failed
     */
    public DigestResponse digest(DigestRequest request, boolean refreshCache) {
        long start = System.nanoTime();
        TranslationOptions translation = DigestRequest.translationOptions(request);
        CleanedArticle article = intake.accept(request);
        // One index for both parts (and strict mode's guard).
        try (ArticleTraces.RequestIndex index = traces.requestIndex(article)) {
            return digest(request, article, translation, index, refreshCache, start);
        }
    }

    private DigestResponse digest(DigestRequest request, CleanedArticle article, TranslationOptions translation,
            ArticleTraces.RequestIndex index, boolean refreshCache, long start) {
        DigestTask.Result result = digests.run(digests.plan(article, request.summaryOptions(traces.support(index)),
                translation, refreshCache));
        Settled<TaskResult> summaryPart = result.summary();
        ArticleTraces.Sentences sentences = null;
        if (summaryPart instanceof Settled.Done<TaskResult> d) {
            try {
                sentences = traces.sentences(index.get(), d.value().text(), Boolean.TRUE.equals(request.requireSupport()),
                        provenance(start, d.value()).llmCalls());
            } catch (OutputRejectedException e) {
                summaryPart = new Settled.Failed<>(e);
            }
        }
        if (summaryPart instanceof Settled.Failed<TaskResult> s
                && result.translation() instanceof Settled.Failed<TaskResult> t) {
            throw new DigestFailedException(s.failure(), t.failure());
        }
        List<TaskResult> done = new ArrayList<>(2);
        Map<String, Problem> errors = new LinkedHashMap<>();
        TaskResult summary = settle("summary", summaryPart, done, errors);
        TaskResult translated = settle("translation", result.translation(), done, errors);
        ArticleTraces.Paragraphs paragraphs = translated == null ? null
                : traces.paragraphs(index.get().paragraphs(), translated.text());
        List<String> warnings = new ArrayList<>();
        if (sentences != null && summary != null) {
            warnings.addAll(sentences.warnings());
        }
        if (paragraphs != null) {
            warnings.addAll(paragraphs.warnings());
        }
        return new DigestResponse(summary == null ? null : summary.text(), translated == null ? null : translated.text(),
                article.title(), translated == null ? null : translated.title(),
                summary == null ? null : sentences.sentences(), paragraphs == null ? null : paragraphs.paragraphs(),
                provenance(start, done).withWarnings(warnings), ArticleTraces.cleaning(article, request),
                errors.isEmpty() ? null : errors);
    }

    /**
     * The summary, to stream: checks, cleaning and planning happen here and fail before any stream opens; the answer
     * flows when the returned stream is run with a sink.
     */
    public ArticleStream summaryStream(SummaryRequest request, boolean refreshCache) {
        long start = System.nanoTime();
        CleanedArticle article = intake.accept(request);
        ArticleTraces.RequestIndex index = traces.indexOnFirstUse(article);
        SummaryTask.Plan plan = summaries.plan(article, request.options(traces.support(index)), refreshCache);
        return sink -> {
            TaskResult result = summaries.stream(plan, sink);
            Provenance provenance = provenance(start, result);
            ArticleTraces.Sentences sentences = traces.sentences(index.get(), result.text(),
                    Boolean.TRUE.equals(request.requireSupport()), provenance.llmCalls());
            return new StreamDone(article.title(), sentences.sentences(), null,
                    provenance.withWarnings(sentences.warnings()), ArticleTraces.cleaning(article, request));
        };
    }

    /**
     * The translation, to stream: checks, cleaning and planning happen here and fail before any stream opens; the
     * answer flows when the returned stream is run with a sink.
     */
    public ArticleStream translationStream(TranslationRequest request, boolean refreshCache) {
        long start = System.nanoTime();
        TranslationOptions options = TranslationRequest.options(request);
        CleanedArticle article = intake.accept(request);
        TranslationTask.Plan plan = translations.plan(article, options, refreshCache);
        return sink -> {
            TaskResult result = translations.stream(plan, sink);
            ArticleTraces.Paragraphs paragraphs = traces.paragraphs(traces.paragraphs(article), result.text());
            return new StreamDone(result.title(), null, paragraphs.paragraphs(),
                    provenance(start, result).withWarnings(paragraphs.warnings()), ArticleTraces.cleaning(article, request));
        };
    }

    private static TaskResult settle(String part, Settled<TaskResult> settled, List<TaskResult> done,
            Map<String, Problem> errors) {
        return switch (settled) {
            case Settled.Done<TaskResult> d -> {
                done.add(d.value());
                yield d.value();
            }
            case Settled.Failed<TaskResult> f -> {
                errors.put(part, Problems.of(f.failure()));
                yield null;
            }
        };
    }

    private static Provenance provenance(long startNanos, TaskResult result) {
        return provenance(startNanos, List.of(result));
    }

    private static Provenance provenance(long startNanos, List<TaskResult> results) {
        return Provenance.of(results, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
