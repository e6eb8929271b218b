package io.khulasa.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /v1/prompts}: every task and version.
 *
 * @param defaults the default version of each task
 * @param prompts  every version of every task
 */
@Schema(name = "PromptCatalogue")
public record PromptCatalogueResponse(Map<String, String> defaults, List<PromptInfo> prompts) {

    /**
     * One prompt version.
     *
     * @param task            task name
     * @param version         version, e.g. {@code v1}
     * @param description     what the version is for
     * @param sha256          SHA-256 of the file
     * @param source          {@code packaged} (inside the application) or {@code external} ({@code KHULASA_PROMPTS_DIR})
     * @param isDefault       whether requests without {@code promptVersion} use it
     * @param temperature     sent to the model, when set
     * @param maxOutputTokens sent to the model, when set
     * @param placeholders    placeholders the prompt uses
     */
    @Schema(name = "PromptInfo")
    public record PromptInfo(String task, String version, String description, String sha256, String source,
            boolean isDefault, Double temperature, Integer maxOutputTokens, List<String> placeholders) {
    }
}
