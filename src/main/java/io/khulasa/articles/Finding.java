package io.khulasa.articles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an output check found in a text, reported, not failed.
 *
 * @param code   the check's stable code: an output guard's ({@code output-number-mismatch},
 *               {@code output-wrong-language}, {@code output-echo}, {@code output-empty},
 *               {@code output-missing-names}), {@code output-unsupported}, or the alignment's
 *               ({@code paragraph-number-mismatch}, {@code untranslated-paragraph})
 * @param detail what it found (the checked text's words, never the article's at length)
 */
@Schema(name = "Finding", description = "One failed check of the text, as the output guards report it on an LLM answer")
public record Finding(
        @Schema(examples = "output-number-mismatch") String code,
        @Schema(examples = "numbers not in the source: 130") String detail) {
}
