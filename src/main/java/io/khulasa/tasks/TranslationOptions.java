package io.khulasa.tasks;

import java.util.List;

import io.khulasa.glossary.GlossaryEntry;

/**
 * How the translation is made.
 *
 * @param promptVersion null for the default version
 * @param glossary      the request's own validated glossary entries (may be empty); they win over house entries
 */
public record TranslationOptions(String promptVersion, List<GlossaryEntry> glossary) {

    public TranslationOptions {
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
    }
}
