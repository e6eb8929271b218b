package io.khulasa.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.api.BatchItem;
import io.khulasa.api.BatchResult;
import io.khulasa.api.BatchRunner;
import io.khulasa.api.DigestBatchItem;
import io.khulasa.api.DigestResource;
import io.khulasa.api.Problem;
import io.khulasa.api.Problems;
import io.khulasa.api.SummaryBatchItem;
import io.khulasa.api.SummaryResource;
import io.khulasa.api.TranslationBatchItem;
import io.khulasa.api.TranslationResource;

/**
 * The one place where jobs and the Kafka feed reach the request pipeline: runs one article exactly as an item of the
 * task's batch endpoint runs ({@code POST /v1/summaries/batch} etc.), so a job's result is exactly a batch item's. The
 * article is read with the application's strict JSON mapper; a field it cannot read is the item's 400 problem.
 */
@ApplicationScoped
public class JobArticleRunner {

    private final BatchRunner batches;
    private final SummaryResource summaries;
    private final TranslationResource translations;
    private final DigestResource digests;
    private final ObjectMapper json;

    public JobArticleRunner(BatchRunner batches, SummaryResource summaries, TranslationResource translations,
            DigestResource digests, ObjectMapper json) {
        this.batches = batches;
        this.summaries = summaries;
        this.translations = translations;
        this.digests = digests;
        this.json = json;
    }

    /** The article's outcome as a batch item: {@code {id, status, result}} or {@code {id, status, problem}}. */
    public BatchResult run(JobTask task, String id, JsonNode article) {
        try {
            return switch (task) {
                case SUMMARY -> batches.runOne(read(article, SummaryBatchItem.class),
                        item -> summaries.summarize(item.toRequest(), null));
                case TRANSLATION -> batches.runOne(read(article, TranslationBatchItem.class),
                        item -> translations.translate(item.toRequest(), null));
                case DIGEST -> batches.runOne(read(article, DigestBatchItem.class),
                        item -> digests.digest(item.toRequest(), null));
            };
        } catch (JsonProcessingException e) {
            Problem problem = Problems.of(e);
            return new BatchResult(id, problem.getStatus(), null, problem);
        }
    }

    private <T extends BatchItem> T read(JsonNode article, Class<T> type) throws JsonProcessingException {
        return json.treeToValue(article, type);
    }
}
