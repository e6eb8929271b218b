package io.khulasa.cleaning;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything the cleaner did to one article, so editors can audit it and metrics can count it.
 *
 * @param charsIn       code points in the input ({@code text} or {@code html})
 * @param charsOut      code points in the cleaned body
 * @param removedLines  every removed line or removed HTML block with the rule that removed it, in document order: at
 *                      most 200 entries of at most 200 characters (the rest are counted in {@code rules}); scripts,
 *                      styles and hidden elements of a page are never listed
 * @param repairedWords every repaired word ({@code from} → {@code to}) with its rule
 * @param flagged       suspicious tokens that were reported but deliberately not changed
 * @param source        the value of a final «المصدر: …» line, or {@code null}
 * @param siteName      the publishing site's name as an HTML page declares it ({@code og:site_name}, JSON-LD
 *                      publisher, the {@code <title>} suffix), or {@code null}; never used as the title
 * @param rules         rule name ({@link RuleNames}) → how many times it fired; only rules that fired
 */
@Schema(description = "What the cleaner changed, so that an editor can see what was dropped and why")
public record CleaningReport(
        @Schema(description = "Code points in the input (`text`, or the whole `html` page)") int charsIn,
        @Schema(description = "Code points in the cleaned body") int charsOut,
        @Schema(description = "Each removed line or removed page block with the rule that removed it, in document "
                + "order: at most 200 entries, each `line` at most 200 characters (cut with «…»); further removals are "
                + "counted in `rules`. A page's scripts, styles and hidden elements are not listed "
                + "(`hidden-element` counts the hidden ones that held text)") List<RemovedLine> removedLines,
        @Schema(description = "Each repaired word (`from` → `to`) with its rule") List<RepairedWord> repairedWords,
        @Schema(description = "Suspicious tokens reported but deliberately not changed") List<FlaggedToken> flagged,
        @Schema(nullable = true, description = "The value of a final «المصدر: …» line (the article's stated source), "
                + "or null") String source,
        @Schema(nullable = true, description = "For `html` input: the site's name as the page declares it "
                + "(og:site_name, JSON-LD publisher, the `<title>` suffix), or null. Never used as the title")
        String siteName,
        @Schema(description = "Rule name → how many times it fired (only rules that fired); the names are stable and "
                + "are the `rule` tag of `khulasa_cleaning_changes_total`") Map<String, Integer> rules,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "The cleaned article itself, exactly the `text` POST /v1/clean returns "
                + "for the same input: what every `start`/`end` offset indexes. Only when the request says "
                + "`\"includeCleanedText\": true`; absent otherwise") String text) {

    public CleaningReport {
        removedLines = List.copyOf(removedLines);
        repairedWords = List.copyOf(repairedWords);
        flagged = List.copyOf(flagged);
        rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
    }

    /** The report without the cleaned text (what the cleaner makes). */
    public CleaningReport(int charsIn, int charsOut, List<RemovedLine> removedLines, List<RepairedWord> repairedWords,
            List<FlaggedToken> flagged, String source, String siteName, Map<String, Integer> rules) {
        this(charsIn, charsOut, removedLines, repairedWords, flagged, source, siteName, rules, null);
    }

    /** The same report carrying the cleaned text ({@code includeCleanedText}). */
    public CleaningReport withText(String cleanedText) {
        return new CleaningReport(charsIn, charsOut, removedLines, repairedWords, flagged, source, siteName, rules,
                cleanedText);
    }
}
