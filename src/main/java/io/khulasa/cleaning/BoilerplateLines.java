package io.khulasa.cleaning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule 4: whole-line boilerplate. Every rule is anchored at the start of the line and bounded in length, so a
 * sentence that merely contains the words («وقال إن على الجميع أن يقرأ أيضاً التقرير») is kept.
 * <p>
 * Order: line rules anywhere (related links, follow/share prompts, advertisement labels, separator lines),
 * then the top of the body (duplicated title, outlet byline), then the final «المصدر: …» line. Running the
 * top and tail rules on what the line rules left makes the whole step idempotent.
 * Patterns are precompiled, anchored ({@code lookingAt}/{@code matches}) and free of nested quantifiers;
 * every line is length-checked before a pattern sees it.
 */
final class BoilerplateLines {

    private static final Thresholds.Lines L = Thresholds.DEFAULT.lines();
    /** Longest line (in words) a related-link headline or a prompt may have. */
    private static final int MAX_HEADLINE_WORDS = L.headlineWords();
    private static final int MAX_LINK_LINE_WORDS = L.linkLineWords();
    private static final int MAX_PROMPT_WORDS = L.promptWords();
    private static final int MAX_BYLINE_WORDS = L.bylineWords();
    private static final int MAX_SOURCE_WORDS = L.sourceWords();
    private static final int MAX_TITLE_WORDS = L.titleWords();

    /** The vocabulary, data in {@value Vocabulary#BOILERPLATE_LINES}; checked when the class is first used. */
    static final Table TABLE = Table.of(Vocabulary.load(Vocabulary.BOILERPLATE_LINES));

    private static final Pattern RELATED_MARKER = TABLE.relatedMarker();
    private static final Pattern FOLLOW_PROMPT = TABLE.followPrompt();

    /**
     * A subscription notice ends a short line as its own sentence: «… على الموقع. للاشتراك يرجى التواصل مع قسم
     * الاشتراكات.» (agencies print it under every story). Inside a sentence («ودعت للاشتراك في الحملة») it is text.
     */
    private static final Pattern SUBSCRIPTION_CALL = TABLE.subscriptionCall();

    /** A line made only of these words is a share bar's leftover text. */
    private static final Set<String> SHARE_WORDS = TABLE.shareWords();

    private static final Pattern ADVERTISEMENT = TABLE.advertisement();
    private static final Pattern OUTLET_ROLE = TABLE.outletRole();
    private static final Pattern AUTHOR_LABEL = TABLE.authorLabel();
    private static final Pattern OUTLET_AUTHOR = Pattern.compile(
            "[^|\\-–—:.،؛!؟?\\d]{2,40}?\\s+[|\\-–—]\\s+[^|\\-–—:.،؛!؟?\\d]{2,40}");

    private static final Pattern SOURCE = TABLE.source();

    /**
     * The vocabulary of {@value Vocabulary#BOILERPLATE_LINES}, compiled: the phrase lists joined into the anchored
     * patterns (in the order written), and the first letters a line must start with for any of them (or a share
     * word) to match, derived from the lists.
     */
    record Table(Pattern relatedMarker, Pattern followPrompt, String subscriptionWord, Pattern subscriptionCall,
            Set<String> shareWords, Pattern advertisement, Pattern outletRole, Pattern authorLabel, Pattern source,
            Set<Character> firstLetters, Map<String, List<String>> firstLetterLists) {

        /** The lists a line's first letter is checked against (their phrases are matched at the line's start). */
        static final List<String> FIRST_LETTER_LISTS = List.of("related-markers", "follow-prompts",
                "advertisement-labels");

        /** @throws IllegalStateException naming the file and the entry when the vocabulary is broken */
        static Table of(Vocabulary.Doc v) {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            Set<Character> letters = new java.util.TreeSet<>();
            for (String path : FIRST_LETTER_LISTS) {
                lists.put(path, v.alternatives(path));
                for (String word : Vocabulary.firstWords(v, path, lists.get(path))) {
                    char c = word.charAt(0);
                    letters.add(c);
                    if (path.equals("advertisement-labels")) { // matched ignoring case
                        letters.add(Character.toUpperCase(c));
                        letters.add(Character.toLowerCase(c));
                    }
                }
            }
            Set<String> share = v.words("share-words");
            for (String w : share) {
                letters.add(w.charAt(0));
                letters.add(Character.toUpperCase(w.charAt(0))); // a share bar's words are compared in lower case
            }
            String subscription = v.text("subscription-call");
            return new Table(Pattern.compile(v.anyOf("related-markers") + "\\s*(?<sep>[:：|/\\-–—]|\\.{2,3})?\\s*"),
                    Pattern.compile(v.anyOf("follow-prompts")), subscription,
                    Pattern.compile("(?:^|[.!؟]\\s*)" + Pattern.quote(subscription) + "(?:\\s|$)"), share,
                    Pattern.compile(v.anyOf("advertisement-labels") + "\\s*[.:]?",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    Pattern.compile("[^|\\-–—:.،]{2,40}?\\s+[-–—|/]\\s+" + v.anyOf("outlet-roles")),
                    Pattern.compile("(?:" + String.join("|", v.alternatives("author-labels.bare")) + "|"
                            + v.anyOf("author-labels.with-colon") + "\\s*[:：])\\s*\\S.{0,60}"),
                    Pattern.compile(v.anyOf("source-labels") + "\\s*[:：|\\-–]\\s*(?<value>\\S.{0,200})"),
                    Collections.unmodifiableSet(letters), Collections.unmodifiableMap(lists));
        }
    }

    /** What the boilerplate step left, and the title it detected from a duplicated first line. */
    record Result(List<String> lines, String detectedTitle) {
    }

    Result apply(List<String> lines, String knownTitle, CleaningLog log) {
        // Removals are collected by input position and reported in document order, the order editors read.
        java.util.TreeMap<Integer, RemovedLine> removals = new java.util.TreeMap<>();
        List<Integer> positions = new ArrayList<>(lines.size());
        List<String> kept = lineRules(lines, removals, positions);
        String detected = null;

        // Top of the body: duplicated title and outlet byline, in any order, until the first ordinary line.
        String title = knownTitle;
        int top = 0;
        while (top < kept.size()) {
            String line = kept.get(top);
            if (title != null && sameTitle(line, title)) {
                removals.put(positions.get(top), new RemovedLine(RuleNames.DUPLICATE_TITLE, line));
            } else if (title == null && top + 1 < kept.size() && line.equals(kept.get(top + 1))
                    && isTitleLike(line)) {
                title = line;
                detected = line;
                removals.put(positions.get(top), new RemovedLine(RuleNames.DUPLICATE_TITLE, line));
            } else if (isByline(line)) {
                removals.put(positions.get(top), new RemovedLine(RuleNames.BYLINE, line));
            } else {
                break;
            }
            top++;
        }
        List<String> body = new ArrayList<>(kept.subList(top, kept.size()));
        List<Integer> bodyPositions = positions.subList(top, positions.size());

        // A final «المصدر: …» line goes to the report.
        while (!body.isEmpty()) {
            String last = body.get(body.size() - 1);
            Matcher m = wordsAtMost(last, MAX_SOURCE_WORDS) ? SOURCE.matcher(last) : null;
            if (m == null || !m.matches()) {
                break;
            }
            if (log.source == null) {
                log.source = m.group("value").strip();
            }
            removals.put(bodyPositions.get(body.size() - 1), new RemovedLine(RuleNames.SOURCE_LINE, last));
            body.remove(body.size() - 1);
        }
        for (RemovedLine r : removals.values()) {
            log.removed(r.rule(), r.line());
        }
        return new Result(body, detected);
    }

    private List<String> lineRules(List<String> lines, java.util.Map<Integer, RemovedLine> removals,
            List<Integer> positions) {
        List<String> kept = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isSeparatorLine(line)) {
                removals.put(i, new RemovedLine(RuleNames.SEPARATOR_LINE, line));
                continue;
            }
            if (isSubscriptionNotice(line)) {
                removals.put(i, new RemovedLine(RuleNames.FOLLOW_PROMPT, line));
                continue;
            }
            if (!mayStartBoilerplate(line.charAt(0)) && !wordsAtMost(line, L.shortLineWords())) {
                positions.add(i);
                kept.add(line); // most body sentences start with «و», «ي», «ب»…: no pattern can match
                continue;
            }
            if (wordsAtMost(line, MAX_LINK_LINE_WORDS)) {
                Matcher m = RELATED_MARKER.matcher(line);
                if (m.lookingAt()) {
                    String rest = line.substring(m.end());
                    if (rest.isEmpty()) {
                        // Bare marker: the linked headline follows on its own line, unless the link text was lost.
                        removals.put(i, new RemovedLine(RuleNames.RELATED_LINK, line));
                        if (i + 1 < lines.size() && isHeadline(lines.get(i + 1))
                                && !RELATED_MARKER.matcher(lines.get(i + 1)).lookingAt()
                                && !isSourceLine(lines.get(i + 1))) {
                            removals.put(i + 1, new RemovedLine(RuleNames.RELATED_LINK, lines.get(i + 1)));
                            i++;
                        }
                        continue;
                    }
                    if (m.group("sep") != null || isHeadline(rest)) {
                        removals.put(i, new RemovedLine(RuleNames.RELATED_LINK, line));
                        continue;
                    }
                }
            }
            if (wordsAtMost(line, MAX_PROMPT_WORDS)) {
                if (FOLLOW_PROMPT.matcher(line).lookingAt() || isShareBar(line)) {
                    removals.put(i, new RemovedLine(RuleNames.FOLLOW_PROMPT, line));
                    continue;
                }
                if (line.length() <= L.advertChars() && ADVERTISEMENT.matcher(line).matches()) {
                    removals.put(i, new RemovedLine(RuleNames.ADVERTISEMENT, line));
                    continue;
                }
            }
            positions.add(i);
            kept.add(line);
        }
        return kept;
    }

    /** A short line that ends with «للاشتراك …» as a sentence of its own (it may start with any letter). */
    private static boolean isSubscriptionNotice(String line) {
        return line.contains(TABLE.subscriptionWord()) && wordsAtMost(line, MAX_PROMPT_WORDS) && SUBSCRIPTION_CALL.matcher(line).find();
    }

    /**
     * Whether a line starting with {@code c} may be a related link, a prompt, an advertisement label or a share bar:
     * the first letters derived from the vocabulary (most body sentences start with «و», «ي», «ب»…: no pattern can
     * match them).
     */
    static boolean mayStartBoilerplate(char c) {
        return FIRST_LETTERS.get(c);
    }

    /** {@link Table#firstLetters} as bits: every line is checked, and the set boxed each Arabic letter to look it up. */
    private static final java.util.BitSet FIRST_LETTERS = new java.util.BitSet(0x10000);

    static {
        TABLE.firstLetters().forEach(FIRST_LETTERS::set);
    }

    private static boolean isSourceLine(String line) {
        return wordsAtMost(line, MAX_SOURCE_WORDS) && SOURCE.matcher(line).matches();
    }

    /** A short line without a final full stop: what a linked headline looks like. */
    static boolean isHeadline(String line) {
        if (!wordsAtMost(line, MAX_HEADLINE_WORDS)) {
            return false;
        }
        int n = line.length();
        boolean fullStop = n > 0 && line.charAt(n - 1) == '.' && (n < 2 || line.charAt(n - 2) != '.');
        return !fullStop;
    }

    /** A repeated first line is a title only if it reads like one: no final full stop, not a paragraph. */
    private static boolean isTitleLike(String line) {
        return wordsAtMost(line, MAX_TITLE_WORDS) && !line.endsWith(".");
    }

    /** «ـــــــ», «*****», «-----», «• • •»: no letter and no digit at all. */
    static boolean isSeparatorLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ArabicChars.TATWEEL && Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isShareBar(String line) {
        // word by word, stopping at the first that is not a share word: a body paragraph fails on its first word, and
        // splitting it whole (every line of every article reaches here) was most of the cleaner's allocation
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--; // as split(" ") drops trailing empty words
        }
        if (end == 0) {
            return false;
        }
        int words = 0;
        for (int from = 0; from <= end; words++) {
            int space = line.indexOf(' ', from);
            int to = space < 0 || space > end ? end : space;
            if (!SHARE_WORDS.contains(line.substring(from, to).toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
            from = to + 1;
        }
        return line.contains("شارك") || line.contains("مشاركة") || words >= 2;
    }

    static boolean isByline(String line) {
        if (!wordsAtMost(line, MAX_BYLINE_WORDS) || line.length() > L.bylineChars()) {
            return false;
        }
        if (line.endsWith(".") || line.endsWith("،") || line.endsWith(":")) {
            return false;
        }
        return OUTLET_ROLE.matcher(line).matches() || AUTHOR_LABEL.matcher(line).matches()
                || OUTLET_AUTHOR.matcher(line).matches() && sidesShort(line);
    }

    /** «<outlet> | <author>»: both sides of the one separator are 1–4 words. */
    private static boolean sidesShort(String line) {
        int cut = -1;
        for (int i = 1; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '|' || c == '-' || c == '–' || c == '—') && line.charAt(i - 1) == ' '
                    && line.charAt(i + 1) == ' ') {
                if (cut >= 0) {
                    return false;
                }
                cut = i;
            }
        }
        return cut > 0 && wordsAtMost(line.substring(0, cut).strip(), L.outletSideWords())
                && wordsAtMost(line.substring(cut + 1).strip(), L.outletSideWords());
    }

    /** Titles match ignoring whitespace runs and final punctuation. */
    static boolean sameTitle(String line, String title) {
        return stripEnd(line).equals(stripEnd(title));
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && ".!؟?:؛،… ".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Early-exit word count: lines are already whitespace-normalised (single spaces). */
    static boolean wordsAtMost(String line, int max) {
        int words = line.isEmpty() ? 0 : 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ' ' && ++words > max) {
                return false;
            }
        }
        return words <= max;
    }
}
