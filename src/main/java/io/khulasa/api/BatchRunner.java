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
import jakarta.ws.rs.core.Response;

import io.khulasa.config.BatchConfig;

/**
 * Runs a batch: checks the batch itself (size, ids), then processes every article concurrently on virtual threads,
 * each exactly as its single-article endpoint would. One bad article (invalid fields, no Arabic text, an LLM failure)
 * becomes that article's problem and never fails the batch. LLM concurrency stays bounded by the global limit on
 * in-flight LLM calls and each article's per-request chunk limit.
 */
@ApplicationScoped
public class BatchRunner {

    private final int maxArticles;
    private final Validator validator;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

    public BatchRunner(BatchConfig config, Validator validator) {
        this.maxArticles = config.maxArticles();
        this.validator = validator;
    }

    /**
     * @param process the single-article endpoint: returns its response entity, or a {@link Response} (digests), or
     *                throws
     * @throws ProblemException 400 for a missing or empty list, a missing or duplicate id; 413 for too many articles
     */
    public <T extends BatchItem> BatchResponse run(BatchRequest<T> request, Function<T, Object> process) {
        List<T> articles = check(request);
        List<Future<BatchResult>> futures = new ArrayList<>(articles.size());
        for (T article : articles) {
            futures.add(virtualThreads.submit(() -> one(article, process)));
        }
        List<BatchResult> results = new ArrayList<>(articles.size());
        for (int i = 0; i < futures.size(); i++) {
            results.add(await(futures.get(i), articles.get(i).id()));
        }
        int succeeded = (int) results.stream().filter(r -> r.problem() == null).count();
        return new BatchResponse(results, succeeded, results.size() - succeeded);
    }

    private <T extends BatchItem> List<T> check(BatchRequest<T> request) {
        if (request == null || request.articles() == null) {
            throw new ProblemException(400, "missing-articles", "No articles given",
                    "Send a JSON object with 'articles': a list of articles, each with an 'id'");
        }
        List<T> articles = request.articles();
        if (articles.isEmpty()) {
            throw new ProblemException(400, "empty-batch", "Empty batch", "'articles' is empty");
        }
        if (articles.size() > maxArticles) {
            throw new ProblemException(413, "batch-too-large", "Batch too large", "The batch has " + articles.size()
                    + " articles; the limit is " + maxArticles, Map.of("limit", maxArticles, "articles", articles.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < articles.size(); i++) {
            T article = articles.get(i);
            if (article == null || article.id() == null || article.id().isBlank()) {
                throw new ProblemException(400, "missing-id", "Article without id",
                        "articles[" + i + "] has no 'id'; every article needs one, unique in the batch",
                        Map.of("index", i));
            }
            if (!seen.add(article.id())) {
                throw new ProblemException(400, "duplicate-id", "Duplicate article id",
                        "The id '" + article.id() + "' is used more than once; ids must be unique in the batch",
                        Map.of("id", article.id(), "index", i));
            }
        }
        return articles;
    }

    /**
     * One article, exactly as it would run inside a batch (validation, then {@code process}; a failure becomes the
     * item's problem). For callers that run articles one by one, e.g. asynchronous jobs.
     */
    public <T extends BatchItem> BatchResult runOne(T article, Function<T, Object> process) {
        return one(article, process);
    }

    private <T extends BatchItem> BatchResult one(T article, Function<T, Object> process) {
        try {
            Set<ConstraintViolation<T>> violations = validator.validate(article);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            Object result = process.apply(article);
            if (result instanceof Response response) {
                if (response.getStatus() >= 400 && response.getEntity() instanceof Problem problem) {
                    return new BatchResult(article.id(), response.getStatus(), null, problem);
                }
                return new BatchResult(article.id(), response.getStatus(), response.getEntity(), null);
            }
            return new BatchResult(article.id(), 200, result, null);
        } catch (RuntimeException e) {
            Problem problem = Problems.of(e);
            return new BatchResult(article.id(), problem.getStatus(), null, problem);
        }
    }

    private static BatchResult await(Future<BatchResult> future, String id) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Problem problem = Problems.of(e.getCause());
            return new BatchResult(id, problem.getStatus(), null, problem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the batch", e);
        }
    }

    @PreDestroy
    void shutdown() {
        virtualThreads.shutdownNow();
    }
}
