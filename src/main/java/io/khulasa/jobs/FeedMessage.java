package io.khulasa.jobs;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;


/**
 * A message of the request topic, read: an article to run, or a poison message for the dead-letter topic. The value is
 * a JSON object: the task's batch item (the article's {@code id} and the single request's fields) plus {@code task}.
 * Only a value that is not a JSON object, or has no string {@code id} or {@code task}, is poison; anything else (an
 * unknown task, an invalid field) is that article's problem on the result topic.
 */
sealed interface FeedMessage {

    /** An article: {@code task} is null when the task named is unknown. */
    record Article(String id, String taskName, JobTask task, JsonNode article) implements FeedMessage {
    }

    /** A message that cannot be read as an article request. */
    record Poison(ProblemException problem) implements FeedMessage {
    }

    static FeedMessage read(byte[] value, ObjectMapper json) {
        JsonNode tree;
        try {
            tree = value == null ? null : json.readTree(value);
        } catch (IOException e) {
            return new Poison(new ProblemException(ProblemType.MALFORMED_MESSAGE, "The message is not JSON (" + e.getClass().getSimpleName() + ")"));
        }
        if (tree == null || !tree.isObject()) {
            return new Poison(new ProblemException(ProblemType.MALFORMED_MESSAGE, "The message must be a JSON object: an article with 'id' and 'task'"));
        }
        JsonNode id = tree.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return new Poison(new ProblemException(ProblemType.MISSING_ID, "The message has no string 'id'; results are keyed by it"));
        }
        JsonNode task = tree.get("task");
        if (task == null || !task.isTextual()) {
            return new Poison(new ProblemException(ProblemType.MISSING_TASK, "The message has no string 'task' (summary, translation or digest)", Map.of("id", id.asText())));
        }
        ObjectNode article = ((ObjectNode) tree).deepCopy();
        article.remove("task");
        return new Article(id.asText(), task.asText(), JobTask.of(task.asText()), article);
    }
}
