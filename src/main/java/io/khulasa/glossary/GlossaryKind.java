package io.khulasa.glossary;

import java.util.Locale;

/** What a glossary entry names; shown to the model next to the rendering. */
public enum GlossaryKind {
    PERSON, PLACE, ORGANISATION, TERM;

    /** Lower-case label used in files and prompts ({@code person}, {@code place}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a label case-insensitively ({@code organization} is accepted for {@code organisation});
     * blank gives {@code null}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static GlossaryKind parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("organization") || v.equals("org")) {
            return ORGANISATION;
        }
        for (GlossaryKind kind : values()) {
            if (kind.label().equals(v)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + value + "' (expected person, place, organisation or term)");
    }
}
