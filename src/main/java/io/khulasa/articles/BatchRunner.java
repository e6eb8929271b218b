package io.khulasa.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import io.khulasa.problems.ProblemException;
import io.khulasa.tasks.Settled;

/**
 * Runs a batch: checks the batch itself (size, ids: {@link ArticleListRules}, as a job is checked), then processes every article concurrently on virtual threads,
 * each exactly as its single-article request would be ({@link ArticleTasks}). One bad article (invalid fields, no
 * Arabic text, an LLM failure) becomes that article's problem and never fails the batch. LLM concurrency stays bounded
 * by the global limit on in-flight LLM calls and each article's per-request chunk limit.
 */
@ApplicationScoped
public class BatchRunner {

    private final ArticleListRules rules;
    private final Validator validator;
    private final ExecutorService virtualThreads =
            // Trace context follows the work onto its virtual threads: one trace per request.
            io.opentelemetry.context.Context.taskWrapping(Executors.newVirtualThreadPerTaskExecutor());

    public BatchRunner(ArticleListRules rules, Validator validator) {
        this.rules = rules;
        this.validator = validator;
    }

    /**
     * @param task the single-article task: its answer, or a failure
     * @throws ProblemException 400 for a missing or empty list, a missing or duplicate id; 413 for too many articles
     */
    public <R extends ArticleFields> BatchResponse run(BatchRequest<R> request, Function<R, ? extends ArticleResponse> task) {
        List<BatchItem<R>> articles = check(request);
        List<Future<BatchResult>> futures = new ArrayList<>(articles.size());
        for (BatchItem<R> article : articles) {
            futures.add(virtualThreads.submit(() -> runOne(article, task)));
        }
        List<BatchResult> results = new ArrayList<>(articles.size());
        for (int i = 0; i < futures.size(); i++) {
            results.add(await(futures.get(i), articles.get(i).id()));
        }
        int succeeded = (int) results.stream().filter(r -> r.problem() == null).count();
        return new BatchResponse(results, succeeded, results.size() - succeeded);
    }

    /** One article, as a batch reports it: its result, or its problem (validation included). */
    public <R extends ArticleFields> BatchResult runOne(BatchItem<R> article, Function<R, ? extends ArticleResponse> task) {
        try {
            Set<ConstraintViolation<R>> violations = validator.validate(article.request());
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return BatchResult.succeeded(article.id(), task.apply(article.request()));
        } catch (RuntimeException e) {
            return BatchResult.failed(article.id(), e);
        }
    }

    private <R extends ArticleFields> List<BatchItem<R>> check(BatchRequest<R> request) {
        List<BatchItem<R>> articles = request == null ? null : request.articles();
        rules.check(ArticleListRules.Kind.BATCH, articles, BatchItem::id);
        return articles;
    }

    /**
     * One article's outcome. The request's thread is interrupted when its client leaves ({@code api.LeavingClients}):
     * the interrupt stays set, so every article still running is cancelled in turn (its thread interrupted, its calls
     * stopped) and reported as a stopped LLM call, not as a fault of the service; articles already done keep their
     * results.
     */
    private static BatchResult await(Future<BatchResult> future, String id) {
        return switch (Settled.of(future)) {
            case Settled.Done<BatchResult> done -> done.value();
            case Settled.Failed<BatchResult> failed -> BatchResult.failed(id, failed.failure());
        };
    }

    @PreDestroy
    void shutdown() {
        virtualThreads.shutdownNow();
    }
}
