package io.khulasa.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import io.khulasa.config.BatchConfig;

/**
 * Runs a batch: checks the batch itself (size, ids), then processes every article concurrently on virtual threads,
 * each exactly as its single-article request would be ({@link ArticleTasks}). One bad article (invalid fields, no
 * Arabic text, an LLM failure) becomes that article's problem and never fails the batch. LLM concurrency stays bounded
 * by the global limit on in-flight LLM calls and each article's per-request chunk limit.
 */
@ApplicationScoped
public class BatchRunner {

    private final int maxArticles;
    private final Validator validator;
    private final ExecutorService virtualThreads =
            // Trace context follows the work onto its virtual threads: one trace per request.
            io.opentelemetry.context.Context.taskWrapping(Executors.newVirtualThreadPerTaskExecutor());

    public BatchRunner(BatchConfig config, Validator validator) {
        this.maxArticles = config.maxArticles();
        this.validator = validator;
    }

    /**
     * @param task the single-article task: its answer, or a failure
     * @throws ProblemException 400 for a missing or empty list, a missing or duplicate id; 413 for too many articles
     */
    public <R extends ArticleFields> BatchResponse run(BatchRequest<R> request, Function<R, ?> task) {
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
    public <R extends ArticleFields> BatchResult runOne(BatchItem<R> article, Function<R, ?> task) {
        try {
            Set<ConstraintViolation<R>> violations = validator.validate(article.request());
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return new BatchResult(article.id(), 200, task.apply(article.request()), null);
        } catch (RuntimeException e) {
            return failed(article.id(), e);
        }
    }

    private <R extends ArticleFields> List<BatchItem<R>> check(BatchRequest<R> request) {
        if (request == null || request.articles() == null) {
            throw new ProblemException(ProblemType.MISSING_ARTICLES,
                    "Send a JSON object with 'articles': a list of articles, each with an 'id'");
        }
        List<BatchItem<R>> articles = request.articles();
        if (articles.isEmpty()) {
            throw new ProblemException(ProblemType.EMPTY_BATCH, "'articles' is empty");
        }
        if (articles.size() > maxArticles) {
            throw new ProblemException(ProblemType.BATCH_TOO_LARGE, "The batch has " + articles.size()
                    + " articles; the limit is " + maxArticles, Map.of("limit", maxArticles, "articles", articles.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < articles.size(); i++) {
            BatchItem<R> article = articles.get(i);
            if (article == null || article.id() == null || article.id().isBlank()) {
                throw new ProblemException(ProblemType.MISSING_ID,
                        "articles[" + i + "] has no 'id'; every article needs one, unique in the batch",
                        Map.of("index", i));
            }
            if (!seen.add(article.id())) {
                throw new ProblemException(ProblemType.DUPLICATE_ID,
                        "The id '" + article.id() + "' is used more than once; ids must be unique in the batch",
                        Map.of("id", article.id(), "index", i));
            }
        }
        return articles;
    }

    private static BatchResult failed(String id, Throwable failure) {
        Problem problem = Problems.of(failure);
        return new BatchResult(id, problem.getStatus(), null, problem);
    }

    private static BatchResult await(Future<BatchResult> future, String id) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return failed(id, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return failed(id, e);
        }
    }

    @PreDestroy
    void shutdown() {
        virtualThreads.shutdownNow();
    }
}
