package io.khulasa.eval;

import java.util.regex.Pattern;

/**
 * The mteval-v13a tokeniser as implemented by sacreBLEU ({@code tokenize='13a'}), the BLEU default: splits off
 * ASCII punctuation and symbols, periods and commas unless next to a digit, and a dash after a digit.
 */
public final class Tokenizer13a {

    private static final Pattern SYMBOLS = Pattern.compile("([\\{-~\\[-` -&\\(-\\+:-@/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private Tokenizer13a() {
    }

    /** Tokenised line, tokens separated by single spaces. */
    public static String tokenize(String line) {
        line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        line = " " + line + " ";
        line = SYMBOLS.matcher(line).replaceAll(" $1 ");
        line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
        line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
        line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
        return String.join(" ", TextSplitting.splitWhitespace(line));
    }
}
