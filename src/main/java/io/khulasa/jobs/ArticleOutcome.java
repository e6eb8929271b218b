package io.khulasa.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.api.BatchResult;

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

    static ArticleOutcome of(BatchResult result, ObjectMapper json) {
        try {
            String text = json.writeValueAsString(result);
            JsonNode provenance = json.readTree(text).path("result").path("provenance");
            String model = provenance.path("model").isTextual() ? provenance.path("model").asText() : null;
            String prompts = provenance.path("prompts").isObject() ? provenance.path("prompts").toString() : null;
            return new ArticleOutcome(result.id(), result.status(), text, model, prompts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A batch result is always JSON", e);
        }
    }
}
