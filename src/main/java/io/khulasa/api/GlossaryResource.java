package io.khulasa.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.khulasa.articles.GlossaryEntryJson;
import io.khulasa.glossary.GlossaryStore;
import io.khulasa.glossary.InvalidGlossaryException;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * The house glossary: what is loaded, and an explicit reload after the file was edited (it is also picked up by
 * itself within {@code khulasa.glossary.check-interval}).
 *
 * <pre>
 * curl -s localhost:8080/v1/glossary
 * curl -s -X POST localhost:8080/v1/glossary/reload
 * </pre>
 */
@Path("/v1/glossary")
@Tag(name = "Glossary")
@Produces(MediaType.APPLICATION_JSON)
public class GlossaryResource {

    private final GlossaryStore store;

    public GlossaryResource(GlossaryStore store) {
        this.store = store;
    }

    @GET
    @Operation(operationId = "showGlossary", summary = "Show the house glossary",
            description = OperationDocs.GLOSSARY)
    @APIResponse(responseCode = "200", ref = "#/components/responses/GlossaryInUse")
    public GlossaryResponse show() {
        return response(store.current());
    }

    @POST
    @Path("/reload")
    @RunOnVirtualThread
    @Operation(operationId = "reloadGlossary", summary = "Re-read the house glossary file",
            description = OperationDocs.GLOSSARY_RELOAD)
    @APIResponse(responseCode = "200", ref = "#/components/responses/GlossaryInUse")
    public GlossaryResponse reload() {
        try {
            store.reload();
        } catch (InvalidGlossaryException e) {
            throw new ProblemException(ProblemType.INVALID_GLOSSARY_FILE, e.getMessage() + "; the previous glossary stays in use",
                    Map.of("entryCount", store.current().entries().size()));
        }
        return response(store.current());
    }

    private GlossaryResponse response(GlossaryStore.Snapshot snapshot) {
        return new GlossaryResponse(store.file().map(java.nio.file.Path::toString).orElse(null),
                snapshot.entries().size(), snapshot.entries().stream().map(GlossaryEntryJson::of).toList());
    }
}
