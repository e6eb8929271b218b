package io.khulasa.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.BatchResult;
import io.khulasa.articles.SummaryResponse;
import io.khulasa.llm.Usage;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.khulasa.tasks.Provenance;

/** A job article's outcome: the batch item's JSON as stored and published, the model and prompts read off its answer. */
class ArticleOutcomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aResultGivesItsModelAndPromptsAndIsStoredAsTheBatchItem() throws Exception {
        Provenance provenance = new Provenance("req-1", "qwen2.5:7b-instruct", Map.of("summarize", "v2"),
                Map.of("summarize", "ab12"), new Usage(100, 20), 1, 5, List.of(), List.of(), "llm", false, null, null);
        ArticleOutcome outcome = ArticleOutcome.of(BatchResult.succeeded("afp-1",
                new SummaryResponse("ملخص", "عنوان", java.util.List.of(), provenance, null)), JSON);

        assertThat(outcome.articleId()).isEqualTo("afp-1");
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.model()).isEqualTo("qwen2.5:7b-instruct");
        assertThat(JSON.readTree(outcome.prompts())).isEqualTo(JSON.readTree("{\"summarize\":\"v2\"}"));
        JsonNode stored = JSON.readTree(outcome.json());
        assertThat(stored.path("id").asText()).isEqualTo("afp-1");
        assertThat(stored.path("result").path("summary").asText()).isEqualTo("ملخص");
        assertThat(stored.path("result").path("provenance").path("model").asText()).isEqualTo("qwen2.5:7b-instruct");
        assertThat(stored.has("problem")).isFalse();
    }

    @Test
    void aProblemHasNoModelNorPrompts() throws Exception {
        ArticleOutcome outcome = ArticleOutcome.of(BatchResult.failed("afp-2",
                new ProblemException(ProblemType.MISSING_ARTICLE, "no text")), JSON);

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.model()).isNull();
        assertThat(outcome.prompts()).isNull();
        JsonNode stored = JSON.readTree(outcome.json());
        assertThat(stored.path("problem").path("code").asText()).isEqualTo("missing-article");
        assertThat(stored.has("result")).isFalse();
    }
}
