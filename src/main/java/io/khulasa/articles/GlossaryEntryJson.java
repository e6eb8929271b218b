package io.khulasa.articles;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryKind;
import io.khulasa.glossary.GlossaryValidator;
import io.khulasa.glossary.InvalidGlossaryException;

/**
 * A glossary entry as the API reads it (request {@code glossary}) and writes it ({@code GET /v1/glossary}).
 *
 * @param arabic  the Arabic name or term, matched with its prefixes (و, ب, ل, ال, …) and spelling variants
 * @param english the rendering the translation must use
 * @param kind    {@code person}, {@code place}, {@code organisation} or {@code term}; optional
 * @param note    guidance for editors and the model; optional
 */
@Schema(name = "GlossaryEntry")
public record GlossaryEntryJson(
        @Schema(description = "Arabic name or term; prefixes and spelling variants (آ/أ/ا, ى/ي, ة/ه, diacritics) are matched too", required = true, examples = "قره باغ") String arabic,
        @Schema(description = "English rendering the translation must use, verbatim", required = true, examples = "Nagorno-Karabakh") String english,
        @Schema(description = "What it names", enumeration = { "person", "place", "organisation", "term" }, examples = "place") String kind,
        @Schema(description = "Guidance for editors and the model", examples = "Turkish defence minister 2018-2023", nullable = true) String note) {

    /** Schema description of a request's {@code glossary} field. */
    static final String REQUEST_DESCRIPTION = "Optional glossary for this article (at most 500 entries), added to the "
            + "house glossary; an entry wins over a house entry with the same Arabic. Entries found in the article are "
            + "given to the model (prompt `translate` v2 and later) and checked in the translation; a missing rendering "
            + "is a warning in `provenance.warnings`. An invalid entry is a 400 `invalid-glossary`.";

    public static GlossaryEntryJson of(GlossaryEntry e) {
        return new GlossaryEntryJson(e.arabic(), e.english(), e.kind() == null ? null : e.kind().label(), e.note());
    }

    /**
     * The validated entries of a request's {@code glossary}; empty when absent.
     *
     * @throws InvalidGlossaryException (400 {@code invalid-glossary}) naming every bad entry by its 1-based number
     */
    static List<GlossaryEntry> validated(List<GlossaryEntryJson> glossary) {
        if (glossary == null || glossary.isEmpty()) {
            return List.of();
        }
        GlossaryValidator.checkRequestSize(glossary.size()); // before building anything
        List<GlossaryEntry> entries = new ArrayList<>(glossary.size());
        for (int i = 0; i < glossary.size(); i++) {
            GlossaryEntryJson e = glossary.get(i);
            if (e == null) {
                throw new InvalidGlossaryException("Invalid glossary request: entry " + (i + 1) + " is null");
            }
            GlossaryKind kind;
            try {
                kind = GlossaryKind.parse(e.kind());
            } catch (IllegalArgumentException ex) {
                throw new InvalidGlossaryException("Invalid glossary request: entry " + (i + 1) + ": " + ex.getMessage());
            }
            // Absent fields become blank ones, which the validator reports with the entry number.
            entries.add(new GlossaryEntry(e.arabic() == null ? "" : e.arabic(), e.english() == null ? "" : e.english(),
                    kind, e.note()));
        }
        return GlossaryValidator.validateRequestEntries(entries);
    }
}
