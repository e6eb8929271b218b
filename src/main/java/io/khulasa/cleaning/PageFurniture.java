package io.khulasa.cleaning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text rules for the short blocks of a news page that are not the article: a block of at most a few words is read
 * as a whole and named by what it is. Only whole blocks are judged (a sentence that merely contains «التالي» or a
 * date is never a pager or a dateline), and only blocks within the word limits below.
 * <p>
 * Matching uses a folded key (alef forms, alef maqsura, teh marbuta, tatweel, diacritics, Latin case): the key is
 * only compared, never returned, so the text itself keeps its spelling.
 */
final class PageFurniture {

    /** Headings that introduce a list of links to other stories, and the rule that removes heading and list. */
    enum Marker {
        RELATED(RuleNames.RELATED_LINK), MOST_READ(RuleNames.LINK_LIST), TAGS(RuleNames.TAGS),
        COMMENTS(RuleNames.COMMENTS);

        final String rule;

        Marker(String rule) {
            this.rule = rule;
        }
    }

    private static final Thresholds.Furniture F = Thresholds.DEFAULT.furniture();
    private static final int MAX_MARKER_WORDS = F.markerWords();
    private static final int MAX_DATELINE_WORDS = F.datelineWords();
    private static final int MAX_BYLINE_WORDS = F.bylineWords();
    private static final int MAX_CREDIT_WORDS = F.creditWords();

    /** The vocabulary, data in {@value Vocabulary#PAGE_FURNITURE}; checked when the class is first used. */
    static final Table TABLE = Table.of(Vocabulary.load(Vocabulary.PAGE_FURNITURE));

    private static final Pattern RELATED = TABLE.related();
    private static final Pattern MOST_READ = TABLE.mostRead();
    private static final Pattern TAGS = TABLE.tags();
    private static final Pattern COMMENTS = TABLE.comments();
    /**
     * The words a marker can start with (folded), derived from the marker phrases: a block whose first word is not
     * one of them is no marker, and no pattern is run on it (pages have thousands of short blocks).
     */
    private static final Set<String> MARKER_FIRST_WORDS = TABLE.markerFirstWords();
    /** Likewise for the pager, caption-label, credit and byline patterns. */
    private static final Set<String> RULE_FIRST_WORDS = TABLE.ruleFirstWords();

    /** Whether a block that starts with this (folded) text may be a marker, a comment policy or a copyright line. */
    static boolean mayStartFurniture(String head) {
        String first = firstWord(head);
        return MARKER_FIRST_WORDS.contains(first) || RULE_FIRST_WORDS.contains(first)
                || TABLE.longBlockFirstWords().contains(first) || mayBeCopyright(head);
    }

    /** The first word of a key, without the punctuation glued to it («الوسوم:» → الوسوم). */
    private static String firstWord(String key) {
        int end = 0;
        while (end < key.length() && Character.isLetterOrDigit(key.charAt(end))) {
            end++;
        }
        return key.substring(0, end);
    }

    /** Everything after a marker: nothing, or a separator and the linked headline. */
    private static final Pattern MARKER_TAIL = Pattern.compile("\\s*(?:[:：|/\\-–—.…]+.*)?");

    private static final Pattern PAGER = TABLE.pager();
    private static final Pattern COPYRIGHT = TABLE.copyright();
    private static final Pattern CREDIT = TABLE.credit();
    /** A credit that says it is one, wherever it stands: «صدر الصورة، Getty Images», «تصوير: …», «Getty Images». */
    private static final Pattern LABELLED_CREDIT = TABLE.labelledCredit();
    private static final Pattern CAPTION_LABEL = TABLE.captionLabel();
    private static final Pattern BYLINE = TABLE.byline();
    private static final Pattern WRITTEN_BY = TABLE.writtenBy();
    /** «العربية.نت - يوسف المرزوقي», «الخرطوم / منى عبد الرحمن:», «أبوظبي - سكاي نيوز عربية», «عدن/ الأناضول». */
    private static final Pattern PLACE_AND_NAME = Pattern.compile(
            "[^\\s\\d/]+(?:\\s+[^\\s\\d/]+){0,2}(?:\\s+[-–—|/]|/)\\s+[^\\s\\d:]+(?:\\s+[^\\s\\d:]+){0,3}\\s*:?");
    /** «التعليقات المنشورة لا تعبر عن رأي الموقع…», «يرجى الالتزام بآداب الحوار…». */
    private static final Pattern COMMENT_POLICY = TABLE.commentPolicy();

    /**
     * A publisher's disclaimer: «الآراء الواردة في المقال لا تعكس بالضرورة رأي الموقع», «المقال يعبر عن رأي كاتبه».
     * Only a whole short block, and only with the publisher named (a quoted «لا تعكس موقف الحكومة» is text).
     */
    private static final Pattern DISCLAIMER = TABLE.disclaimer();

    /** Words a dateline is made of (folded keys); anything else in the block makes it not a dateline. */
    private static final Set<String> DATE_WORDS = TABLE.dateWords();
    /** Words that make a block a date even with no digit (a weekday, a month). */
    private static final Set<String> DATE_ANCHORS = TABLE.dateAnchors();

    /**
     * The vocabulary of {@value Vocabulary#PAGE_FURNITURE}, compiled: the phrase lists joined into the patterns the
     * rules run (in the order written), and the quick first-word sets derived from them.
     */
    record Table(Pattern related, Pattern mostRead, Pattern tags, Pattern comments, Set<String> markerFirstWords,
            Set<String> ruleFirstWords, Set<String> longBlockFirstWords, Pattern pager, Pattern copyright,
            List<String> copyrightHints, Pattern credit, Pattern labelledCredit, Pattern captionLabel, Pattern byline,
            Pattern writtenBy, Pattern commentPolicy, List<String> commentPolicyHints, String commentWord,
            Pattern disclaimer, List<String> disclaimerHints, Set<String> dateWords, Set<String> dateAnchors,
            Map<String, List<String>> firstWordLists) {

        /** The lists whose first words make {@link #markerFirstWords} and {@link #ruleFirstWords}. */
        static final List<String> MARKER_LISTS = List.of("markers.related", "markers.most-read", "markers.tags",
                "markers.comments");
        static final List<String> RULE_LISTS = List.of("pager", "caption-labels", "labelled-credit", "byline-labels");

        /** @throws IllegalStateException naming the file and the entry when the vocabulary is broken */
        static Table of(Vocabulary.Doc v) {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (String path : MARKER_LISTS) {
                lists.put(path, v.alternatives(path));
            }
            for (String path : RULE_LISTS) {
                lists.put(path, v.alternatives(path));
            }
            Set<String> markerFirst = new LinkedHashSet<>();
            for (String path : MARKER_LISTS) {
                markerFirst.addAll(Vocabulary.firstWords(v, path, lists.get(path)));
            }
            Set<String> ruleFirst = new LinkedHashSet<>();
            for (String path : RULE_LISTS) {
                ruleFirst.addAll(Vocabulary.firstWords(v, path, lists.get(path)));
            }
            List<String> copyright = v.alternatives("copyright");
            List<String> copyrightHints = v.strings("copyright-hints");
            for (String phrase : copyright) {
                if (copyrightHints.stream().noneMatch(phrase::contains)) {
                    throw v.error("copyright", "has a phrase with none of copyright-hints (it would never be read): '"
                            + phrase + "'");
                }
            }
            Set<String> dateWords = v.words("date-words");
            Set<String> dateAnchors = v.words("date-anchors");
            for (String anchor : dateAnchors) {
                if (!dateWords.contains(anchor)) {
                    throw v.error("date-anchors", "has '" + anchor + "', which is not in date-words");
                }
            }
            String commentWord = v.text("comment-policy.comment-word");
            List<String> policyHints = v.strings("comment-policy.hint-words");
            if (!policyHints.contains(commentWord)) {
                throw v.error("comment-policy.comment-word", "must be one of comment-policy.hint-words");
            }
            return new Table(any(v, "markers.related"), any(v, "markers.most-read"), any(v, "markers.tags"),
                    any(v, "markers.comments"), Collections.unmodifiableSet(markerFirst),
                    Collections.unmodifiableSet(ruleFirst), v.words("long-block-first-words"),
                    Pattern.compile(String.join("|", lists.get("pager"))),
                    Pattern.compile(".*" + v.anyOf("copyright") + ".*"), copyrightHints,
                    Pattern.compile(v.anyOf("credit-labels") + "(?:\\s*[:،,|/\\-–—]\\s*|\\s+).*|" + v.anyOf("agencies")
                            + "(?:\\s*[/,،\\-–—|+]\\s*\\S+(?:\\s+\\S+)?)*"),
                    Pattern.compile(v.anyOf("labelled-credit") + "(?:\\s*[:،,|/\\-–—]\\s*|\\s+|$).*"),
                    Pattern.compile(v.anyOf("caption-labels") + "[،,:]?"),
                    Pattern.compile(v.anyOf("byline-labels") + "(?:\\s*[:،,]\\s*|\\s+)\\S.*"),
                    Pattern.compile(v.anyOf("written-by") + "\\s.*"),
                    Pattern.compile(v.anyOf("comment-policy.starts") + ".*|.*" + v.anyOf("comment-policy.contains")
                            + ".*"),
                    policyHints, commentWord, Pattern.compile(".*" + v.anyOf("disclaimer") + ".*"),
                    v.strings("disclaimer-hints"), dateWords, dateAnchors, Collections.unmodifiableMap(lists));
        }

        private static Pattern any(Vocabulary.Doc v, String path) {
            return Pattern.compile(v.anyOf(path));
        }
    }

    private PageFurniture() {
    }

    /** The marker a short heading-like block is, or null. */
    static Marker marker(String text) {
        return markerOfKey(key(text));
    }

    /** {@link #marker(String)} of a text already folded with {@link #key(String)}. */
    static Marker markerOfKey(String key) {
        if (key.isEmpty() || !MARKER_FIRST_WORDS.contains(firstWord(key))
                || !BoilerplateLines.wordsAtMost(key, MAX_MARKER_WORDS + F.markerWithTailWords())) {
            return null;
        }
        for (Marker m : Marker.values()) {
            var matcher = pattern(m).matcher(key);
            if (matcher.lookingAt()) {
                String rest = key.substring(matcher.end());
                boolean bare = rest.isBlank() || isSeparatorsOnly(rest);
                if (bare && BoilerplateLines.wordsAtMost(key, MAX_MARKER_WORDS)) {
                    return m;
                }
                // «اقرأ أيضاً: <headline>» is a marker with its link; «الوسوم: غزة، مصر» likewise
                if (!bare && MARKER_TAIL.matcher(rest).matches() && (m == Marker.RELATED || m == Marker.TAGS)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The rule naming a short standalone block, or null when it may be article text. */
    static String rule(String text) {
        return ruleOfKey(key(text));
    }

    /**
     * The marker a block starts with, when the block is the marker followed by its links («الوسوم غزة مصر»,
     * «اقرأ أيضاً عنوان الخبر»): {@code linkChars} of the block's {@code chars} must be the rest of it.
     */
    static Marker leadingMarker(String key, int chars, int linkChars) {
        if (linkChars == 0 || !MARKER_FIRST_WORDS.contains(firstWord(key))
                || !BoilerplateLines.wordsAtMost(key, MAX_MARKER_WORDS + F.leadingMarkerWords())) {
            return null;
        }
        for (Marker m : Marker.values()) {
            if (m == Marker.COMMENTS) {
                continue;
            }
            var matcher = pattern(m).matcher(key);
            if (matcher.lookingAt() && (matcher.end() == key.length() || key.charAt(matcher.end()) == ' ')) {
                int markerChars = matcher.end() - spaces(key, matcher.end());
                if (linkChars >= F.leadingMarkerLinkShare() * (chars - markerChars)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static int spaces(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    private static Pattern pattern(Marker m) {
        return switch (m) {
            case RELATED -> RELATED;
            case MOST_READ -> MOST_READ;
            case TAGS -> TAGS;
            case COMMENTS -> COMMENTS;
        };
    }

    /** {@link #rule(String)} of a text already folded with {@link #key(String)}. */
    static String ruleOfKey(String key) {
        if (key.isEmpty()) {
            return null;
        }
        boolean known = RULE_FIRST_WORDS.contains(firstWord(key));
        if (known && BoilerplateLines.wordsAtMost(key, F.pagerWords()) && PAGER.matcher(key).matches()) {
            return RuleNames.PAGER;
        }
        if (BoilerplateLines.wordsAtMost(key, F.copyrightWords()) && mayBeCopyright(key) && COPYRIGHT.matcher(key).matches()) {
            return RuleNames.COPYRIGHT;
        }
        if (known && (BoilerplateLines.wordsAtMost(key, F.captionLabelWords()) && CAPTION_LABEL.matcher(key).matches()
                || BoilerplateLines.wordsAtMost(key, MAX_CREDIT_WORDS) && !endsSentence(key)
                && LABELLED_CREDIT.matcher(key).matches())) {
            return RuleNames.IMAGE_CREDIT;
        }
        if (isDateline(key) || isSourceAndDate(key)) {
            return RuleNames.DATELINE;
        }
        if (BoilerplateLines.wordsAtMost(key, F.commentPolicyWords()) && containsAny(key, TABLE.commentPolicyHints())
                && COMMENT_POLICY.matcher(key).matches()) {
            return key.contains(TABLE.commentWord()) || !DISCLAIMER.matcher(key).matches() ? RuleNames.COMMENTS
                    : RuleNames.DISCLAIMER;
        }
        if (BoilerplateLines.wordsAtMost(key, F.disclaimerWords()) && containsAny(key, TABLE.disclaimerHints())
                && DISCLAIMER.matcher(key).matches()) {
            return RuleNames.DISCLAIMER;
        }
        if (isByline(key)) {
            return RuleNames.BYLINE;
        }
        return null;
    }

    /** A short figure text that is a credit, not a caption: «صدر الصورة، Getty Images», «(رويترز)». */
    static boolean isCredit(String text) {
        String key = key(text).replace("(", "").replace(")", "").strip();
        return !key.isEmpty() && BoilerplateLines.wordsAtMost(key, MAX_CREDIT_WORDS) && !endsSentence(key)
                && (CREDIT.matcher(key).matches() || CAPTION_LABEL.matcher(key).matches());
    }

    /** A pager block: «التالي» / «المقال السابق» alone or with the neighbouring story's headline. */
    static boolean startsWithPager(String text) {
        return startsWithPagerKey(key(text));
    }

    /** {@link #startsWithPager(String)} of a folded key. */
    static boolean startsWithPagerKey(String key) {
        if (!RULE_FIRST_WORDS.contains(firstWord(key))) {
            return false;
        }
        var m = PAGER.matcher(key);
        return m.lookingAt() && BoilerplateLines.wordsAtMost(key, F.pagerWithTitleWords())
                && (m.end() == key.length() || !Character.isLetter(key.charAt(m.end())));
    }

    /** A cheap test before the copyright pattern (which scans the whole block). */
    private static boolean mayBeCopyright(String key) {
        return containsAny(key, TABLE.copyrightHints());
    }

    private static boolean containsAny(String key, List<String> words) {
        for (String w : words) {
            if (key.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDateline(String key) {
        if (!BoilerplateLines.wordsAtMost(key, MAX_DATELINE_WORDS) || endsSentence(key)) {
            return false;
        }
        boolean anchored = false;
        boolean digits = false;
        int other = 0;
        int n = key.length();
        int start = 0;
        while (start < n) {
            while (start < n && isDateSeparator(key.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < n && !isDateSeparator(key.charAt(end))) {
                end++;
            }
            if (end == start) {
                break;
            }
            String token = key.substring(start, end);
            start = end;
            if (isNumber(token)) {
                anchored = true;
                digits = true;
            } else if (DATE_WORDS.contains(token)) {
                anchored |= DATE_ANCHORS.contains(token);
            } else if (++other > 1) {
                return false; // one other word is allowed: the city of «القاهرة - الإثنين 13 مايو»
            }
        }
        // with a word that is not a date word, only a written date makes it a dateline («في الولاية اليوم الاثنين»
        // is a clause)
        return anchored && (other == 0 || digits);
    }

    /**
     * A meta line of parts split by «|», one of them a dateline and the others a few words (the outlet, the
     * author): «تلفزيون المشرق | الأربعاء 29 نوفمبر 2026».
     */
    static boolean isSourceAndDate(String key) {
        if (key.indexOf('|') < 0 || !BoilerplateLines.wordsAtMost(key, MAX_DATELINE_WORDS) || endsSentence(key)) {
            return false;
        }
        boolean date = false;
        for (String part : key.split("\\|")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (isDateline(p)) {
                date = true;
            } else if (!BoilerplateLines.wordsAtMost(p, F.metaPartWords())) {
                return false;
            }
        }
        return date;
    }

    private static boolean isByline(String key) {
        if (!BoilerplateLines.wordsAtMost(key, MAX_BYLINE_WORDS) || endsSentence(key) || key.length() > F.bylineChars()
                || key.endsWith("،") || key.endsWith(",")) {
            return false;
        }
        if (WRITTEN_BY.matcher(key).matches()) {
            return BoilerplateLines.wordsAtMost(key, F.writtenByWords()) && key.indexOf('،') < 0;
        }
        return RULE_FIRST_WORDS.contains(firstWord(key)) && BYLINE.matcher(key).matches()
                || BoilerplateLines.wordsAtMost(key, F.placeAndNameWords()) && hasNameSeparator(key) && PLACE_AND_NAME.matcher(key).matches();
    }

    private static boolean hasNameSeparator(String key) {
        return key.contains(" - ") || key.contains("/ ") || key.contains(" | ") || key.contains(" – ")
                || key.contains(" — ");
    }

    private static boolean isDateSeparator(char c) {
        return c == ' ' || c == '/' || c == '-' || c == '–' || c == '—' || c == ':' || c == '،' || c == ','
                || c == '.' || c == '|' || c == '(' || c == ')';
    }

    private static boolean isNumber(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsSentence(String key) {
        char last = key.charAt(key.length() - 1);
        return last == '.' || last == '؟' || last == '!' || last == '?';
    }

    private static boolean isSeparatorsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The folded matching key: NFC-free (the page text is matched as given), alef forms → ا, ى → ي, ة → ه, tatweel,
     * diacritics and format characters dropped, Latin lower-cased, whitespace collapsed.
     */
    static String key(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == '\u00A0' || c >= '\u2000' && c <= '\u200A' || c == '\u3000' || c == '\u2028'
                    || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u1680') {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
                continue;
            }
            if (c == ArabicChars.TATWEEL || (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || isFormat(c)) {
                continue;
            }
            char folded = switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ى' -> 'ي';
                case 'ة' -> 'ه';
                case 'ؤ' -> 'و';
                default -> c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c)
                        : c < 0x0600 ? Character.toLowerCase(c) : c;
            };
            sb.append(folded);
            space = false;
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }

    /** Format characters that occur in page text: soft hyphen, ALM, zero-width and bidi controls, BOM. */
    private static boolean isFormat(char c) {
        return c == '\u00AD' || c == '\u061C' || c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2060' && c <= '\u2064' || c == '\uFEFF';
    }
}
