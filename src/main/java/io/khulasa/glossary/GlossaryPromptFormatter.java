package io.khulasa.glossary;

import java.util.List;

/**
 * Renders matched entries as prompt lines for the {@code {{glossary}}} placeholder, one per distinct entry in
 * order of first occurrence: {@code - قره باغ → Nagorno-Karabakh (place)}, with {@code ; note} appended when
 * the entry has a note. No matches give an empty string, so an optional {@code {{#glossary}}} section drops out.
 */
public final class GlossaryPromptFormatter {

    private GlossaryPromptFormatter() {
    }

    /** Lines for {@code entries}, joined by {@code \n}; empty when there are none. */
    public static String formatEntries(List<GlossaryEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (GlossaryEntry e : entries) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append("- ").append(oneLine(e.arabic())).append(" → ").append(oneLine(e.english()));
            if (e.kind() != null) {
                sb.append(" (").append(e.kind().label()).append(')');
            }
            if (e.note() != null) {
                sb.append("; ").append(oneLine(e.note()));
            }
        }
        return sb.toString();
    }

    /** Keeps one entry on one prompt line whatever the file contained. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
