package io.khulasa.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.khulasa.articles.BatchItem;

/**
 * Completes the generated OpenAPI document (registered as {@code mp.openapi.filter}), so that what every operation
 * shares is declared once:
 * <ul>
 * <li>the error responses, by what an operation does: every {@code /v1} call can be refused (401, 403, 429); a JSON
 * body can be malformed, too large or of the wrong type (400, 413, 415); an article can have no Arabic (422); an LLM
 * task can name an unknown prompt version (404) and meet LLM trouble (502, 503, 504); a batch or a job can be too
 * large (413), a job unknown (404) or its store unreachable (503), and a glossary file invalid (422). The responses themselves are components of {@code META-INF/openapi.yaml}.</li>
 * <li>the batch operations ({@code POST /v1/<task>/batch}): their request schema, built from the single request's
 * schema plus a required {@code id} (the Java side reads items as {@link BatchItem}), so it lists every field without
 * a second declaration of it; their example, response and description.</li>
 * </ul>
 */
public class OpenApiDocument implements OASFilter {

    private static final String RESPONSES = "#/components/responses/";
    private static final Set<String> LLM_TASKS = Set.of("/v1/summaries", "/v1/translations", "/v1/digests");
    private static final Set<String> ARTICLES = Set.of("/v1/summaries", "/v1/translations", "/v1/digests", "/v1/clean");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        batchSchemas(openAPI.getComponents(), "Summary");
        batchSchemas(openAPI.getComponents(), "Translation");
        batchSchemas(openAPI.getComponents(), "Digest");
        Map<String, String> batchTasks = Map.of("/v1/summaries/batch", "Summary", "/v1/translations/batch", "Translation",
                "/v1/digests/batch", "Digest");
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (batchTasks.containsKey(path) && item.getPOST() != null) {
                batchOperation(item.getPOST(), batchTasks.get(path), path.substring(0, path.length() - "/batch".length()));
            }
            if (path.startsWith("/v1/") || path.equals("/v1")) {
                item.getOperations().forEach((method, operation) -> errorResponses(path, method, operation));
            }
        });
    }

    private static void errorResponses(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (operation.getRequestBody() != null) {
            errors.put("400", "BadRequest");
            errors.put("413", path.endsWith("/batch") ? "BatchTooLarge" : path.equals("/v1/jobs") ? "JobTooLarge"
                    : "ArticleTooLarge");
            errors.put("415", "UnsupportedMediaType");
        }
        errors.put("401", "MissingApiKey");
        errors.put("403", "InvalidApiKey");
        errors.put("429", "RateLimited");
        if (ARTICLES.contains(path)) {
            errors.put("422", "NoArabicArticle");
        }
        if (path.startsWith("/v1/jobs")) {
            errors.put("503", "JobsUnavailable");
        }
        if (path.startsWith("/v1/jobs/")) {
            errors.put("404", "UnknownJob");
        }
        if (path.equals("/v1/glossary/reload")) {
            errors.put("422", "InvalidGlossaryFile");
        }
        if (LLM_TASKS.contains(path) && method == PathItem.HttpMethod.POST) {
            errors.put("404", "PromptNotFound");
            errors.put("502", "LlmFailed");
            errors.put("503", "LlmUnavailable");
            errors.put("504", "LlmTimeout");
        }
        APIResponses responses = operation.getResponses();
        errors.forEach((status, component) -> {
            // SmallRye adds a bare "400: Bad Request" to every operation with a body; the problem response replaces it.
            APIResponse given = responses.getAPIResponse(status);
            if (given == null || given.getRef() == null && given.getContent() == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(RESPONSES + component));
            }
        });
    }

    private static void batchOperation(Operation operation, String task, String singlePath) {
        operation.summary(task + " of many articles in one request").tags(List.of("Batches"))
                .description(OperationDocs.BATCH + " Each result is the answer of `POST " + singlePath + "` for that "
                        + "article" + (task.equals("Digest") ? ": a digest with one failed part is a 200 item with "
                                + "`errors`; both parts failed is the item's problem." : "."))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + task + "BatchRequest"))
                                .addExample("two-articles", OASFactory.createExample()
                                        .ref("#/components/examples/" + task + "BatchRequestExample")))));
        operation.getResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                .description("One result or problem per article, in input order")
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/BatchResponse"))
                        .addExample("one-bad-article", OASFactory.createExample().value(json(OperationDocs.BATCH_EXAMPLE))))));
    }

    private static Object json(String text) {
        try {
            return new ObjectMapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The batch example is not JSON", e);
        }
    }

    /** {@code <Task>BatchItem}: the {@code <Task>Request} schema plus {@code id}; {@code <Task>BatchRequest}: a list. */
    private static void batchSchemas(Components components, String task) {
        Schema request = components.getSchemas().get(task + "Request");
        if (request == null) {
            return;
        }
        // The scanner's own schema of BatchRequest<TaskRequest>, replaced by the one built here and used nowhere.
        components.removeSchema("BatchRequest" + task + "Request");
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("id", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("The client's id for the article, unique in the batch; its result carries it.")
                .examples(List.of("afp-0193")));
        properties.putAll(request.getProperties());
        List<String> required = new ArrayList<>(List.of("id"));
        if (request.getRequired() != null) {
            required.addAll(request.getRequired());
        }
        components.addSchema(task + "BatchItem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description(request.getDescription() + " And an `id`, unique in the batch.")
                .properties(properties).required(required).additionalPropertiesBoolean(false));
        components.addSchema(task + "BatchRequest", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Up to `khulasa.batch.max-articles` articles.")
                .addProperty("articles", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + task + "BatchItem")).minItems(1))
                .required(List.of("articles")).additionalPropertiesBoolean(false));
    }
}
