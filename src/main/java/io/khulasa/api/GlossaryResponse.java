package io.khulasa.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.articles.GlossaryEntryJson;

/**
 * The house glossary in use.
 *
 * @param file       the configured file ({@code khulasa.glossary.file}), or null when none is configured
 * @param entryCount number of entries
 * @param entries    the entries, in file order
 */
@Schema(name = "GlossaryResponse")
public record GlossaryResponse(
        @Schema(nullable = true, description = "The configured file (KHULASA_GLOSSARY_FILE), or null when none is configured", examples = "/etc/khulasa/glossary.csv") String file,
        @Schema(description = "Number of entries", examples = "3") int entryCount,
        @Schema(description = "The entries, in file order") List<GlossaryEntryJson> entries) {
}
