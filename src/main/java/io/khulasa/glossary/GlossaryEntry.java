package io.khulasa.glossary;

import java.util.Objects;

/**
 * One house-style rendering: an Arabic name or term and the English the translation must use.
 *
 * @param arabic  Arabic form as written in the glossary (matched through {@link ArabicFolding})
 * @param english required English rendering, e.g. {@code Hayat Tahrir al-Sham (HTS)}
 * @param kind    what it names, or {@code null}
 * @param note    free-text guidance for editors and the model, or {@code null}
 */
public record GlossaryEntry(String arabic, String english, GlossaryKind kind, String note) {

    public GlossaryEntry {
        Objects.requireNonNull(arabic, "arabic");
        Objects.requireNonNull(english, "english");
        arabic = arabic.strip();
        english = english.strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** The folded search key of {@link #arabic()} (see {@link ArabicFolding#foldedKey(String)}). */
    public String foldedKey() {
        return ArabicFolding.foldedKey(arabic);
    }
}
