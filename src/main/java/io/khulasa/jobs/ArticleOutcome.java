package io.khulasa.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.BatchResult;
import io.khulasa.tasks.Provenance;

/**
 * One article's final outcome.
 *
 * @param articleId the article's id
 * @param status    200, or the problem's status
 * @param json      the batch item as stored and published: {@code {id, status, result|problem}}
 * @param model     the model that answered ({@code provenance.model}), when there is a result
 * @param prompts   the prompt versions used ({@code provenance.prompts}, JSON), when there is a result
 */
public record ArticleOutcome(String articleId, int status, String json, String model, String prompts) {

    /** The outcome of a batch item: its JSON as stored and published, its provenance read off the typed answer. */
    static ArticleOutcome of(BatchResult result, ObjectMapper json) {
        Provenance provenance = result.result() == null ? null : result.result().provenance();
        try {
            return new ArticleOutcome(result.id(), result.status(), json.writeValueAsString(result),
                    provenance == null ? null : provenance.model(),
                    provenance == null || provenance.prompts() == null ? null : json.writeValueAsString(provenance.prompts()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A batch result is always JSON", e);
        }
    }
}
