package io.khulasa.glossary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that an English output uses the house renderings of the entries found in its source.
 * <p>
 * <b>Rule.</b> Both the output and each rendering are normalised: Unicode NFKC, lower case, curly
 * apostrophes → {@code '}, every run of hyphens/dashes and whitespace → one space. A rendering is satisfied
 * when one of its <i>accepted forms</i> occurs in the normalised output as whole words (not inside a longer
 * word: "HTS" is not satisfied by "HTSX"). The accepted forms of a rendering are: the rendering itself; the
 * rendering with every parenthetical removed; and the content of each parenthetical on its own. So
 * "Hayat Tahrir al-Sham (HTS)" is satisfied by "Hayat Tahrir al-Sham (HTS)", "Hayat Tahrir al Sham",
 * "hayat tahrir al-sham" or "HTS"; "Nagorno-Karabakh" by "Nagorno Karabakh" but not by "Karabakh".
 */
public final class GlossaryCheck {

    private static final Pattern PARENTHETICAL = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern DASHES_AND_SPACES = Pattern.compile("[\\s\\-\u2010-\u2015\u2212\u00AD]+");

    private GlossaryCheck() {
    }

    /** Outcome: which renderings the output uses and which it misses. */
    public record Result(List<GlossaryEntry> satisfied, List<GlossaryEntry> missing) {

        /** True when nothing is missing. */
        public boolean passed() {
            return missing.isEmpty();
        }
    }

    /** Checks each entry's English rendering against {@code englishOutput}. */
    public static Result check(List<GlossaryEntry> entries, String englishOutput) {
        String output = " " + normalise(englishOutput == null ? "" : englishOutput) + " ";
        List<GlossaryEntry> ok = new ArrayList<>();
        List<GlossaryEntry> missing = new ArrayList<>();
        for (GlossaryEntry e : entries) {
            boolean found = acceptedForms(e.english()).stream().anyMatch(form -> containsWords(output, form));
            (found ? ok : missing).add(e);
        }
        return new Result(List.copyOf(ok), List.copyOf(missing));
    }

    /** The normalised forms that satisfy {@code rendering} (see the class comment). */
    public static Set<String> acceptedForms(String rendering) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(normalise(rendering));
        Matcher m = PARENTHETICAL.matcher(rendering);
        while (m.find()) {
            forms.add(normalise(m.group(1)));
        }
        forms.add(normalise(PARENTHETICAL.matcher(rendering).replaceAll(" ")));
        forms.remove("");
        return forms;
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
        return DASHES_AND_SPACES.matcher(n).replaceAll(" ").strip();
    }

    private static boolean containsWords(String paddedOutput, String form) {
        int from = 0;
        while (true) {
            int at = paddedOutput.indexOf(form, from);
            if (at < 0) {
                return false;
            }
            int end = at + form.length();
            if (!Character.isLetterOrDigit(paddedOutput.codePointBefore(at))
                    && !Character.isLetterOrDigit(paddedOutput.codePointAt(end))) {
                return true;
            }
            from = at + 1;
        }
    }
}
