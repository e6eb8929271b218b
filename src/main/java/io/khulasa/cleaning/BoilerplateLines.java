package io.khulasa.cleaning;

import java.util.ArrayList;
import java.util.List;
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

    /** Longest line (in words) a related-link headline or a prompt may have. */
    private static final int MAX_HEADLINE_WORDS = 18;
    private static final int MAX_LINK_LINE_WORDS = 30;
    private static final int MAX_PROMPT_WORDS = 25;
    private static final int MAX_BYLINE_WORDS = 8;
    private static final int MAX_SOURCE_WORDS = 15;
    private static final int MAX_TITLE_WORDS = 30;

    private static final String ALSO = "(?:[أا]يض(?:ًا|اً|ا)|كذلك)";
    private static final Pattern RELATED_MARKER = Pattern.compile(
            "(?:(?:[اإأ]قر[أا]|طالع|شاهد|تابع)\\s+" + ALSO
                    + "|قد\\s+يهم(?:ك|كم)(?:\\s+" + ALSO + ")?"
                    + "|(?:مواضيع|موضوعات|أخبار|اخبار|مقالات|روابط|قصص)\\s+ذات\\s+صلة"
                    + "|(?:[اإأ]قر[أا]|طالع)\\s+المزيد"
                    + "|للمزيد)"
                    + "\\s*(?<sep>[:：|/\\-–—]|\\.{2,3})?\\s*");

    private static final Pattern FOLLOW_PROMPT = Pattern.compile(
            "(?:تابعونا|تابعنا|تابعوا\\s+(?:آخر|اخر|أحدث|احدث|صفحتنا|قناتنا|حسابنا|حساباتنا|موقعنا|[^\\s]{1,20}\\s+على\\s)"
                    + "|شارك(?:وا|ي)?\\s+(?:الخبر|المقال|المقالة|هذا|الموضوع|عبر|على|مع)"
                    + "|انشر(?:وا)?\\s+(?:الخبر|المقال)"
                    + "|لمتابعة\\s+(?:آخر|اخر|أحدث|احدث|أهم|اهم|المزيد|كل|جميع|أخبار|اخبار)"
                    + "|(?:اشترك|اشتركوا|انضم|انضموا)\\s+(?:في|إلى|الى|ب|معنا|الآن|الان)"
                    + "|(?:حمّل|حمل|حمّلوا|حملوا|نزّل|نزل)\\s+تطبيق)");

    /**
     * A subscription notice ends a short line as its own sentence: «… على الموقع. للاشتراك يرجى التواصل مع قسم
     * الاشتراكات.» (agencies print it under every story). Inside a sentence («ودعت للاشتراك في الحملة») it is text.
     */
    private static final Pattern SUBSCRIPTION_CALL = Pattern.compile("(?:^|[.!؟]\\s*)للاشتراك(?:\\s|$)");

    /** A line made only of these words is a share bar's leftover text. */
    private static final Set<String> SHARE_WORDS = Set.of("شارك", "شاركها", "مشاركة", "المشاركة", "فيسبوك", "فيس",
            "بوك", "تويتر", "واتساب", "واتس", "آب", "اب", "تلغرام", "تيليجرام", "تلجرام", "لينكدإن", "لينكد", "إن",
            "انستغرام", "إنستغرام", "يوتيوب", "طباعة", "البريد", "الإلكتروني", "الالكتروني", "نسخ", "الرابط",
            "إكس", "x", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "email", "print", "share",
            "tweet", "copy", "link", "|", "-", "/", "•", "·");

    private static final Pattern ADVERTISEMENT = Pattern.compile(
            "(?:مادة\\s+[إا]علانية|محتوى\\s+(?:[إا]علاني|مدفوع|ممول|ممّول|برعاية)|[إا]علان(?:ات)?|[إا]علان\\s+ممول"
                    + "|advertisement|sponsored(?:\\s+content)?|ad)\\s*[.:]?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final String ROLE = "(?:فريق\\s+التحرير|هيئة\\s+التحرير|التحرير|خاص|متابعات|وكالات|ترجمة|رصد"
            + "|رصد\\s+وترجمة|مراسلون|متابعة|ترجمة\\s+وتحرير|خاص\\s+ب?\\S{1,30}(?:\\s+\\S{1,30}){0,2})";
    private static final Pattern OUTLET_ROLE = Pattern.compile(
            "[^|\\-–—:.،]{2,40}?\\s+[-–—|/]\\s+" + ROLE);
    private static final Pattern AUTHOR_LABEL = Pattern.compile(
            "(?:بقلم|بواسطة|(?:كتب|كتبت|إعداد|اعداد|تحرير|ترجمة|متابعة|المحرر|الكاتب|إعداد\\s+وتحرير)\\s*[:：])"
                    + "\\s*\\S.{0,60}");
    private static final Pattern OUTLET_AUTHOR = Pattern.compile(
            "[^|\\-–—:.،؛!؟?\\d]{2,40}?\\s+[|\\-–—]\\s+[^|\\-–—:.،؛!؟?\\d]{2,40}");

    private static final Pattern SOURCE = Pattern.compile(
            "(?:المصدر|المصادر|مصدر\\s+الخبر|المصدر\\s+الأصلي)\\s*[:：|\\-–]\\s*(?<value>\\S.{0,200})");

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
            if (!mayStartBoilerplate(line.charAt(0)) && !wordsAtMost(line, 6)) {
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
                if (line.length() <= 40 && ADVERTISEMENT.matcher(line).matches()) {
                    removals.put(i, new RemovedLine(RuleNames.ADVERTISEMENT, line));
                    continue;
                }
            }
            positions.add(i);
            kept.add(line);
        }
        return kept;
    }

    /** First letters of every related-link, prompt and advertisement pattern (share bars are short lines). */
    /** A short line that ends with «للاشتراك …» as a sentence of its own (it may start with any letter). */
    private static boolean isSubscriptionNotice(String line) {
        return line.contains("للاشتراك") && wordsAtMost(line, MAX_PROMPT_WORDS) && SUBSCRIPTION_CALL.matcher(line).find();
    }

    private static boolean mayStartBoilerplate(char c) {
        return switch (c) {
            case 'ا', 'إ', 'أ', 'آ', 'ط', 'ش', 'ت', 'ق', 'م', 'ر', 'ل', 'ح', 'ن', 'ف' -> true;
            default -> c < 0x600;
        };
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
        int words = 0;
        for (String w : line.split(" ")) {
            if (!SHARE_WORDS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
            words++;
        }
        return words > 0 && (line.contains("شارك") || line.contains("مشاركة") || words >= 2);
    }

    static boolean isByline(String line) {
        if (!wordsAtMost(line, MAX_BYLINE_WORDS) || line.length() > 80) {
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
        return cut > 0 && wordsAtMost(line.substring(0, cut).strip(), 4)
                && wordsAtMost(line.substring(cut + 1).strip(), 4);
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
