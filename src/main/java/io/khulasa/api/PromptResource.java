package io.khulasa.api;

import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptCatalogue;
import io.khulasa.prompts.PromptTemplate;

/**
 * Lists the prompt catalogue: every task and version with its hash, source and whether it is the default.
 *
 * <pre>
 * curl -s localhost:8080/v1/prompts
 * </pre>
 */
@Path("/v1/prompts")
@Tag(name = "Prompts")
@Produces(MediaType.APPLICATION_JSON)
public class PromptResource {

    private final PromptCatalogue catalogue;

    public PromptResource(PromptCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(operationId = "listPrompts", summary = "List prompt versions",
            description = OperationDocs.PROMPTS)
    @APIResponse(responseCode = "200", description = "The catalogue")
    public PromptCatalogueResponse list() {
        Map<String, String> defaults = new TreeMap<>();
        var prompts = catalogue.all().stream().map(t -> {
            boolean isDefault = catalogue.isDefault(t);
            if (isDefault) {
                defaults.put(t.task(), t.version());
            }
            return info(t, isDefault);
        }).toList();
        return new PromptCatalogueResponse(defaults, prompts);
    }

    private static PromptCatalogueResponse.PromptInfo info(PromptTemplate t, boolean isDefault) {
        return new PromptCatalogueResponse.PromptInfo(t.task(), t.version(), t.description(), t.sha256(),
                t.source().name().toLowerCase(java.util.Locale.ROOT), isDefault, t.temperature(), t.maxOutputTokens(),
                t.placeholders().stream().map(Placeholder::key).toList());
    }
}
