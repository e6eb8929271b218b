package io.khulasa.guards;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the harmless wrappers chat models put around an answer, so the caller gets only the summary or
 * translation:
 * <ul>
 *   <li>leading chatter lines («Here is the translation:», «Sure! Here's the summary:», «إليك الملخص:»,
 *       «الملخص:», «Translation:») and a leading label on the first line («Translation: The …»);</li>
 *   <li>a Markdown code fence around the whole answer;</li>
 *   <li>Markdown headers ({@code #}) at line starts and bold markers ({@code **}, {@code __});</li>
 *   <li>trailing chatter lines («I hope this helps», «Let me know if …», «أتمنى أن يكون …»);</li>
 *   <li>one pair of quotes around the whole answer.</li>
 * </ul>
 * Nothing else is touched: a chatty answer that does not match these shapes stays as it is and the
 * language / echo guards judge it. Rules repeat until nothing changes (a fence inside quotes, etc.).
 * Thread-safe.
 */
public final class WrapperStripper {

    private static final String LABEL_WORDS =
            "(?:(?:the\\s+)?(?:english\\s+|arabic\\s+)?(?:translation|summary|translated\\s+text|answer|output)"
                    + "|الملخص|ملخص|الترجمة|ترجمة|النص\\s+المترجم|الخلاصة|خلاصة)";

    private static final String COURTESY_EN = "(?:(?:sure|certainly|of course|okay|ok|absolutely|great)[!.,]*\\s*)?";
    private static final String COURTESY_AR = "(?:(?:حسنا|حسناً|بالتأكيد|بكل\\s+سرور|طبعا|طبعاً)[،,!.]*\\s*)?";

    /**
     * A whole line that only introduces the answer. Deliberately narrow: a first sentence such as
     * «This is the second call …» or «هذا هو الاتصال الثاني …» is content and must stay.
     */
    private static final List<Pattern> LEADING_CHATTER = Stream.patterns(
            "^" + COURTESY_EN + "(?:here\\s+is|here's|here\\s+are|below\\s+is)\\b.{0,80}$",
            "^" + COURTESY_EN + "(?:this\\s+is|the\\s+following\\s+is)\\b.{0,60}(?:translation|summary).{0,20}:$",
            "^(?:sure|certainly|of course|okay|ok|absolutely)[!.,]*(?:\\s.{0,60}(?:help|translat|summar).{0,30})?$",
            "^" + LABEL_WORDS + "\\s*(?:\\([^)]{0,30}\\))?\\s*[:：]?$",
            "^" + COURTESY_AR + "(?:إليك|اليك|إليكم|فيما\\s+يلي|في\\s+ما\\s+يلي|هذا\\s+هو|هذه\\s+هي)(?:\\s.{0,60})?[:：]$",
            "^" + COURTESY_AR + "(?:إليك|اليك|إليكم)\\s.{0,60}$",
            "^(?:حسنا|حسناً|بالتأكيد|بكل\\s+سرور|طبعا|طبعاً)[،,!.]*$");

    /** A whole line that closes the answer with a courtesy. */
    private static final List<Pattern> TRAILING_CHATTER = Stream.patterns(
            "^(?:i\\s+hope\\s+(?:this|that|it)|hope\\s+(?:this|that|it)\\s+helps|let\\s+me\\s+know|feel\\s+free"
                    + "|please\\s+let\\s+me\\s+know|if\\s+you\\s+(?:need|have|would|want)|is\\s+there\\s+anything"
                    + "|would\\s+you\\s+like)\\b.*$",
            "^(?:أتمنى|آمل|اتمنى|امل)\\s+أن\\s+(?:يكون|تكون|يفي).*$",
            "^(?:هل\\s+(?:تريد|تود|ترغب)|إذا\\s+(?:احتجت|كنت\\s+بحاجة)|لا\\s+تتردد).*$");

    /** A label at the start of the first line, followed by the answer on the same line. */
    private static final Pattern INLINE_LABEL =
            Pattern.compile("^" + LABEL_WORDS + "\\s*[:：]\\s*(?=\\S)", Pattern.CASE_INSENSITIVE);

    private static final Pattern FENCE = Pattern.compile("^```[\\w-]*[ \\t]*\\n?(.*?)\\n?```$", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*#{1,6}[ \\t]+");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__", Pattern.DOTALL);
    private static final String[][] QUOTE_PAIRS = {
            {"\"", "\""}, {"“", "”"}, {"«", "»"}, {"'", "'"}, {"‘", "’"}, {"”", "”"}};

    /** @return the output without its wrappers, and what was removed */
    public StrippedOutput strip(String output) {
        List<String> stripped = new ArrayList<>();
        String text = output == null ? "" : output.strip();
        String before;
        do {
            before = text;
            text = stripFence(text, stripped);
            text = stripMarkdown(text, stripped);
            text = stripLeadingLines(text, stripped);
            text = stripInlineLabel(text, stripped);
            text = stripTrailingLines(text, stripped);
            text = stripQuotes(text, stripped);
        } while (!text.equals(before));
        return new StrippedOutput(text, stripped);
    }

    private static String stripFence(String text, List<String> stripped) {
        Matcher m = FENCE.matcher(text);
        if (m.matches()) {
            stripped.add("code-fence");
            return m.group(1).strip();
        }
        return text;
    }

    private static String stripMarkdown(String text, List<String> stripped) {
        String result = text;
        // the patterns scan every line of the answer: most answers have no '#' and no '**' / '__' at all
        if (result.indexOf('#') >= 0 && HEADER.matcher(result).find()) {
            stripped.add("markdown-header");
            result = HEADER.matcher(result).replaceAll("");
        }
        Matcher bold = result.contains("**") || result.contains("__") ? BOLD.matcher(result) : null;
        if (bold != null && bold.find()) {
            stripped.add("markdown-bold");
            result = bold.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) != null ? mr.group(1) : mr.group(2)));
        }
        return result.strip();
    }

    private static String stripLeadingLines(String text, List<String> stripped) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        // only while something follows (a one-line answer is content), unless the line announces an answer
        // that is not there («Here is the translation:» alone): then the output is really empty
        while (!lines.isEmpty() && (lines.size() > 1 || endsWithColon(lines.get(0).strip()))
                && matchesAny(LEADING_CHATTER, lines.get(0).strip())) {
            stripped.add("leading-line: " + lines.remove(0).strip());
            while (lines.size() > 1 && lines.get(0).isBlank()) {
                lines.remove(0);
            }
        }
        return String.join("\n", lines).strip();
    }

    private static boolean endsWithColon(String line) {
        return line.endsWith(":") || line.endsWith("：");
    }

    private static String stripInlineLabel(String text, List<String> stripped) {
        Matcher m = INLINE_LABEL.matcher(text);
        if (m.find()) {
            stripped.add("label: " + m.group().strip());
            return text.substring(m.end()).strip();
        }
        return text;
    }

    private static String stripTrailingLines(String text, List<String> stripped) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        while (lines.size() > 1 && matchesAny(TRAILING_CHATTER, lines.get(lines.size() - 1).strip())) {
            stripped.add("trailing-line: " + lines.remove(lines.size() - 1).strip());
            while (lines.size() > 1 && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
        }
        return String.join("\n", lines).strip();
    }

    private static String stripQuotes(String text, List<String> stripped) {
        for (String[] pair : QUOTE_PAIRS) {
            String open = pair[0];
            String close = pair[1];
            if (text.length() > open.length() + close.length() && text.startsWith(open) && text.endsWith(close)) {
                String inner = text.substring(open.length(), text.length() - close.length());
                // «"A" said "B"» starts and ends with quotes but is not wrapped: no quote char may be inside
                if (!inner.contains(open) && !inner.contains(close)) {
                    stripped.add("quotes");
                    return inner.strip();
                }
            }
        }
        return text;
    }

    private static boolean matchesAny(List<Pattern> patterns, String line) {
        for (Pattern p : patterns) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Tiny helper so the pattern tables above read as lists of regexes. */
    private static final class Stream {
        static List<Pattern> patterns(String... regexes) {
            return Arrays.stream(regexes)
                    .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                    .toList();
        }
    }
}
