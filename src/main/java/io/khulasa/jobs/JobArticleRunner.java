package io.khulasa.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.khulasa.articles.ArticleFields;
import io.khulasa.articles.ArticleResponse;
import io.khulasa.articles.ArticleTasks;
import io.khulasa.articles.BatchItem;
import io.khulasa.articles.BatchResult;
import io.khulasa.articles.DigestRequest;
import io.khulasa.articles.SummaryRequest;
import io.khulasa.articles.TranslationRequest;

/**
 * The one place where jobs and the Kafka feed reach the request pipeline: runs one article exactly as an item of the
 * task's batch runs ({@link ArticleTasks#batchItem}), so a job's result is exactly a batch item's.
 * The article is read as a batch item with the application's strict JSON mapper; a field it cannot read is the
 * item's 400 problem.
 */
@ApplicationScoped
public class JobArticleRunner {

    /** What one task does with an article: read it as that task's batch item, then run it as one. */
    private record ItemRun<R extends ArticleFields>(ObjectReader reader, Function<R, ? extends ArticleResponse> task) {
    }

    private final ArticleTasks tasks;
    private final Map<JobTask, ItemRun<?>> runs = new EnumMap<>(JobTask.class);

    public JobArticleRunner(ArticleTasks tasks, ObjectMapper json) {
        this.tasks = tasks;
        runs.put(JobTask.SUMMARY, itemRun(json, SummaryRequest.class, request -> tasks.summary(request, false)));
        runs.put(JobTask.TRANSLATION, itemRun(json, TranslationRequest.class, request -> tasks.translation(request, false)));
        runs.put(JobTask.DIGEST, itemRun(json, DigestRequest.class, request -> tasks.digest(request, false)));
    }

    private static <R extends ArticleFields> ItemRun<R> itemRun(ObjectMapper json, Class<R> type, Function<R, ? extends ArticleResponse> task) {
        return new ItemRun<>(json.readerFor(json.getTypeFactory().constructParametricType(BatchItem.class, type)), task);
    }

    /** The article's outcome as a batch item: {@code {id, status, result}} or {@code {id, status, problem}}. */
    public BatchResult run(JobTask task, String id, JsonNode article) {
        return run(id, article, runs.get(task));
    }

    private <R extends ArticleFields> BatchResult run(String id, JsonNode article, ItemRun<R> run) {
        BatchItem<R> item;
        try {
            item = run.reader().readValue(article);
        } catch (JsonProcessingException e) {
            return BatchResult.failed(id, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree in memory has nothing to read from
        }
        return tasks.batchItem(item, run.task());
    }
}
