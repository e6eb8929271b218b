package io.khulasa.guards;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that expected names (English renderings, e.g. from a glossary) appear in an English output.
 * Matching ignores case, accents, apostrophes and the difference between hyphen and space
 * ("Nagorno-Karabakh" = "nagorno karabakh"; "Shoigu's" contains "Shoigu"), and also accepts the name written
 * without spaces ("Qarabagh" for "Qara Bagh"). A missing name is a warning only (code {@value #CODE}, soft):
 * a model may legitimately use a different but correct spelling, or drop a minor name.
 */
public final class NameGuard {

    /** Problem code of this guard. */
    public static final String CODE = "output-missing-names";

    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** @return the verdict: passed if every expected name occurs in {@code output} */
    public GuardResult check(List<String> expectedNames, String output) {
        List<String> missing = missingNames(expectedNames, output);
        return missing.isEmpty()
                ? new GuardResult(CODE, true, false, "all expected names present")
                : new GuardResult(CODE, false, false, "missing names: " + String.join(", ", missing));
    }

    /** @return the expected names not found in {@code output}, in the given order */
    public List<String> missingNames(List<String> expectedNames, String output) {
        List<String> missing = new ArrayList<>();
        if (expectedNames == null || expectedNames.isEmpty()) {
            return missing;
        }
        List<String> tokens = List.of(fold(output).split(" "));
        for (String name : expectedNames) {
            String folded = fold(name);
            if (!folded.isEmpty() && !containsJoined(tokens, folded.replace(" ", "")) && !missing.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * True if some run of consecutive whole tokens, written together, equals {@code compactName}: covers
     * "Nagorno Karabakh" = "Nagorno-Karabakh" and "Qarabagh" = "Qara Bagh", but not "Akar" in "Akaram".
     */
    private static boolean containsJoined(List<String> tokens, String compactName) {
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int j = i; j < tokens.size() && joined.length() < compactName.length(); j++) {
                joined.append(tokens.get(j));
                if (joined.length() == compactName.length() && joined.toString().equals(compactName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower case, no accents, every run of non-letters/digits (hyphens, apostrophes, punctuation) one space. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return NON_ALNUM.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ")
                .strip().toLowerCase(Locale.ROOT);
    }
}
