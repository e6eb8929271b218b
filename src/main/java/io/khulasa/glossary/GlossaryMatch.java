package io.khulasa.glossary;

/**
 * One occurrence of a glossary entry in a text.
 *
 * @param entry   the entry found
 * @param start   offset in the original text where the occurrence starts (clitic prefix included)
 * @param end     offset just after the occurrence
 * @param surface {@code text.substring(start, end)}, exactly as written
 * @param clitic  the folded clitic prefix that was stripped from the first word ({@code "و"}, {@code "بال"},
 *                ...), empty when none
 * @param source  whether the entry came from the house glossary or the request
 */
public record GlossaryMatch(GlossaryEntry entry, int start, int end, String surface, String clitic, Source source) {

    /** Where a matched entry came from. */
    public enum Source { HOUSE, REQUEST }
}
