package io.khulasa.attribution;

import java.util.List;

/**
 * A translation's paragraphs aligned to the cleaned article's paragraphs (monotone: the sources never go back).
 *
 * @param paragraphs   one entry per paragraph of the translation, in order
 * @param untranslated the article paragraphs that no translation paragraph renders (a paragraph left out)
 * @param warnings     {@code paragraph-number-mismatch: paragraph <i> …} per paragraph with a number absent from its
 *                     source, and {@code untranslated-paragraph: <n> of <m> article paragraphs (indexes …)} when
 *                     {@code untranslated} is not empty (0-based indexes)
 */
public record TranslationAlignment(List<AlignedParagraph> paragraphs, List<SourceSpan> untranslated, List<String> warnings) {

    /** Prefix of the per-paragraph number warning (a stable code). */
    public static final String NUMBER_MISMATCH = "paragraph-number-mismatch";
    /** Prefix of the warning for article paragraphs left out (a stable code). */
    public static final String UNTRANSLATED = "untranslated-paragraph";

    public TranslationAlignment {
        paragraphs = List.copyOf(paragraphs);
        untranslated = List.copyOf(untranslated);
        warnings = List.copyOf(warnings);
    }
}
