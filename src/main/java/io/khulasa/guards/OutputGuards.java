package io.khulasa.guards;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every check on one LLM answer, after removing harmless wrappers.
 *
 * <p>Checks and severities (codes are stable; they are problem codes and metric tags):
 * <table>
 *   <caption>guards</caption>
 *   <tr><th>code</th><th>applies to</th><th>severity</th></tr>
 *   <tr><td>{@code output-empty}</td><td>both</td><td>hard</td></tr>
 *   <tr><td>{@code output-wrong-language}</td><td>both (summary Arabic, translation Latin)</td><td>hard</td></tr>
 *   <tr><td>{@code output-echo}</td><td>translation</td><td>hard</td></tr>
 *   <tr><td>{@code output-number-mismatch}</td><td>both</td><td>hard: a wrong number in news is a
 *       factual error, never shown to a reader as a mere warning</td></tr>
 *   <tr><td>{@code output-missing-names}</td><td>translation, when names are expected</td><td>soft
 *       (warning): a different correct spelling is not an error</td></tr>
 * </table>
 * An empty answer (after stripping) only gets the {@code output-empty} result. A hard failure means the
 * caller should retry or report an error; soft failures travel with the answer as warnings.
 */
public final class OutputGuards {

    /** What the answer is supposed to be. */
    public enum Task {
        /** An Arabic summary of the Arabic source. */
        SUMMARY,
        /** An English translation of the Arabic source. */
        TRANSLATION
    }

    /** Code of the emptiness check. */
    public static final String EMPTY = "output-empty";

    /** Removes harmless wrappers before any check. */
    private final WrapperStripper stripper = new WrapperStripper();
    private final LanguageGuard language = new LanguageGuard();
    /** Copied-source check, for translations. */
    private final EchoGuard echo = new EchoGuard();
    private final NumberGuard numbers = new NumberGuard();
    /** Expected-names check, for translations. */
    private final NameGuard names = new NameGuard();

    /**
     * @param task          what the output should be
     * @param source        the (cleaned) Arabic source article, or the chunk it came from
     * @param output        the raw model answer
     * @param expectedNames English renderings that should appear in a translation (may be null or empty)
     * @return the stripped answer and one result per applicable check
     */
    public GuardReport check(Task task, String source, String output, List<String> expectedNames) {
        Objects.requireNonNull(task, "task");
        StrippedOutput stripped = stripper.strip(output);
        String text = stripped.text();
        List<GuardResult> results = new ArrayList<>();
        if (text.isBlank() || LetterShare.of(text).letters() == 0 && NumberGuard.extract(text, false).isEmpty()) {
            results.add(GuardResult.fail(EMPTY, true, "no text after removing wrappers"));
            return new GuardReport(text, results, stripped.stripped());
        }
        results.add(GuardResult.pass(EMPTY, true, "not empty"));
        if (task == Task.SUMMARY) {
            results.add(language.checkArabic(text));
        } else {
            results.add(language.checkLatin(text));
            results.add(echo.check(source, text));
        }
        results.add(numbers.check(source, text));
        if (task == Task.TRANSLATION && expectedNames != null && !expectedNames.isEmpty()) {
            results.add(names.check(expectedNames, text));
        }
        return new GuardReport(text, results, stripped.stripped());
    }
}
