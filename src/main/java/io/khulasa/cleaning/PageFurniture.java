package io.khulasa.cleaning;

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

    private static final int MAX_MARKER_WORDS = 7;
    private static final int MAX_DATELINE_WORDS = 16;
    private static final int MAX_BYLINE_WORDS = 8;
    private static final int MAX_CREDIT_WORDS = 8;

    private static final Pattern RELATED = Pattern.compile(
            "(?:(?:اقرا|طالع|شاهد|تابع|اقرء)\\s+(?:ايضا|كذلك|المزيد)"
                    + "|(?:مواضيع|موضوعات|اخبار|مقالات|قصص|روابط|تقارير|فيديوهات)\\s+(?:ذات\\s+صله|متعلقه|مشابهه|مقترحه|مرتبطه|اخري)"
                    + "|الموضوعات\\s+المتعلقه|المواضيع\\s+المتعلقه|الاخبار\\s+المتعلقه|القصص\\s+المقترحه"
                    + "|قد\\s+(?:يهمك|يهمكم|يعجبك|يعجبكم)|ننصحك\\s+بقراءه|ننصح\\s+بقراءه|ننصحكم\\s+بقراءه|اخترنا\\s+(?:لك|لكم)"
                    + "|(?:اخبار\\s+|مقالات\\s+)?(?:من|في)\\s+(?:نفس\\s+(?:القسم|التصنيف|الباب)|القسم\\s+نفسه|ذات\\s+القسم)"
                    + "|المزيد\\s+(?:من|حول|عن)(?:\\s+\\S+){0,4}|للمزيد|مقترحات|ذات\\s+صله|مقالات\\s+للكاتب|اقرا\\s+ايضا"
                    + "|related(?:\\s+\\S+){0,2}|read\\s+more|more\\s+stories|more\\s+on\\s+this\\s+story|you\\s+may\\s+also\\s+like"
                    + "|see\\s+also)");
    private static final Pattern MOST_READ = Pattern.compile(
            "(?:الاكثر\\s+(?:قراءه|مشاهده|تداولا|شعبيه|تعليقا|مشاركه|رواجا|قراءه\\s+اليوم)|اخر\\s+الاخبار|احدث\\s+الاخبار"
                    + "|اخبار\\s+عاجله|اهم\\s+الاخبار|عناوين\\s+اخري|most\\s+(?:read|popular|viewed)|trending|latest\\s+news)");
    private static final Pattern TAGS = Pattern.compile(
            "(?:الوسوم|وسوم|الكلمات\\s+(?:المفتاحيه|الدلاليه|الداله)|كلمات\\s+(?:مفتاحيه|دلاليه|داله)|تاغ|تاغات|هاشتاغ"
                    + "|الهاشتاغ|مواضيع|موضوعات|تصنيفات|التصنيفات|التصنيف|tags?|keywords|topics)");
    private static final Pattern COMMENTS = Pattern.compile(
            "(?:التعليقات|تعليقات|تعليقات\\s+القراء|اضف\\s+تعليق(?:ك|ا)?|اترك\\s+تعليقا|اكتب\\s+تعليقك|شارك\\s+برايك"
                    + "|سياسه\\s+التعليقات|شروط\\s+التعليق|قواعد\\s+التعليق|لا\\s+توجد\\s+تعليقات|comments?|leave\\s+a\\s+comment)");
    /**
     * The words a marker can start with (folded): a block whose first word is not one of them is no marker, and no
     * pattern is run on it (pages have thousands of short blocks).
     */
    private static final Set<String> MARKER_FIRST_WORDS = Set.of("اقرا", "طالع", "شاهد", "تابع", "اقرء", "مواضيع",
            "موضوعات", "اخبار", "مقالات", "قصص", "من", "في", "روابط", "تقارير", "فيديوهات", "الموضوعات", "المواضيع", "الاخبار",
            "القصص", "قد", "ننصحك", "ننصح", "ننصحكم", "اخترنا", "المزيد", "للمزيد", "مقترحات", "ذات", "related",
            "read", "more", "you", "see", "الاكثر", "اخر", "احدث", "اهم", "عناوين", "most", "trending", "latest",
            "الوسوم", "وسوم", "الكلمات", "كلمات", "تاغ", "تاغات", "هاشتاغ", "الهاشتاغ", "تصنيفات", "التصنيفات",
            "التصنيف", "tag", "tags", "keywords", "topics", "التعليقات", "تعليقات", "اضف", "اترك", "اكتب", "شارك",
            "سياسه", "شروط", "قواعد", "لا", "comment", "comments", "leave");
    /** Likewise for the pager, credit and byline patterns. */
    private static final Set<String> RULE_FIRST_WORDS = Set.of("التالي", "التاليه", "السابق", "السابقه", "الاقدم",
            "الاحدث", "خبر", "الخبر", "مقال", "المقال", "مقاله", "المقاله", "موضوع", "الموضوع", "قصه", "القصه", "صفحه",
            "الصفحه", "next", "previous", "prev", "older", "newer", "التعليق", "صدر", "حقوق", "مصدر", "تصوير", "photo",
            "image", "credit", "getty", "كتب", "كتبت", "كتبه", "كتبها", "بقلم", "بواسطه", "اعداد", "تحرير", "الكاتب",
            "الكاتبه", "المحرر", "مراسل", "مراسله", "author", "role", "by");

    /** Whether a block that starts with this (folded) text may be a marker, a comment policy or a copyright line. */
    static boolean mayStartFurniture(String head) {
        String first = firstWord(head);
        return MARKER_FIRST_WORDS.contains(first) || RULE_FIRST_WORDS.contains(first) || first.equals("يرجي")
                || first.equals("نرجو") || first.equals("جميع") || first.equals("الاراء") || first.equals("المقالات")
                || mayBeCopyright(head);
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

    private static final Pattern PAGER = Pattern.compile(
            "(?:(?:ال)?(?:خبر|مقال|مقاله|موضوع|قصه|صفحه)\\s+)?(?:التالي|التاليه|السابق|السابقه|الاقدم|الاحدث)"
                    + "|التالي|السابق|next|previous|prev|older|newer");
    private static final Pattern COPYRIGHT = Pattern.compile(
            ".*(?:©|جميع\\s+الحقوق\\s+محفوظه|الحقوق\\s+محفوظه|حقوق\\s+(?:النشر|الطبع)|all\\s+rights\\s+reserved|copyright"
                    + "|cable\\s+news\\s+network).*");
    private static final Pattern CREDIT = Pattern.compile(
            "(?:صدر\\s+الصوره|حقوق\\s+الصوره|مصدر\\s+الصوره|الصوره|صوره|الصور|تصوير|المصدر|photo|image|credit|©|getty)"
                    + "(?:\\s*[:،,|/\\-–—]\\s*|\\s+).*|(?:getty\\s+images|afp|reuters|ap|epa|anadolu|رويترز|فرانس\\s+برس|"
                    + "ا\\s*ف\\s*ب|اسوشيتد\\s+برس|الاناضول|وكالات|مواقع\\s+التواصل|متداول|ارشيفيه|ارشيف|غيتي)"
                    + "(?:\\s*[/,،\\-–—|+]\\s*\\S+(?:\\s+\\S+)?)*");
    /** A credit that says it is one, wherever it stands: «صدر الصورة، Getty Images», «تصوير: …», «Getty Images». */
    private static final Pattern LABELLED_CREDIT = Pattern.compile(
            "(?:صدر\\s+الصوره|حقوق\\s+الصوره|مصدر\\s+الصوره|تصوير|photo(?:\\s+credit)?|image\\s+credit|credit"
                    + "|getty\\s+images|getty)(?:\\s*[:،,|/\\-–—]\\s*|\\s+|$).*");
    private static final Pattern CAPTION_LABEL = Pattern.compile("التعليق\\s+علي\\s+(?:الصوره|الفيديو)[،,:]?");
    private static final Pattern BYLINE = Pattern.compile(
            "(?:كتب|كتبت|كتبه|كتبها|بقلم|بواسطه|اعداد|تحرير|الكاتب|الكاتبه|المحرر|مراسل|مراسله|author|role|by)"
                    + "(?:\\s*[:،,]\\s*|\\s+)\\S.*");
    private static final Pattern WRITTEN_BY = Pattern.compile("(?:كتب|كتبت|كتبه|كتبها)\\s.*");
    /** «العربية.نت - يوسف المرزوقي», «الخرطوم / منى عبد الرحمن:», «أبوظبي - سكاي نيوز عربية», «عدن/ الأناضول». */
    private static final Pattern PLACE_AND_NAME = Pattern.compile(
            "[^\\s\\d/]+(?:\\s+[^\\s\\d/]+){0,2}(?:\\s+[-–—|/]|/)\\s+[^\\s\\d:]+(?:\\s+[^\\s\\d:]+){0,3}\\s*:?");
    /** «التعليقات المنشورة لا تعبر عن رأي الموقع…», «يرجى الالتزام بآداب الحوار…». */
    private static final Pattern COMMENT_POLICY = Pattern.compile(
            "(?:التعليقات\\s+(?:المنشوره|الوارده)|(?:يرجي|نرجو)\\s+(?:الالتزام|عدم)).*"
                    + "|.*(?:لا\\s+تعبر\\s+(?:بالضروره\\s+)?عن\\s+راي\\s+(?:الموقع|الصحيفه|الجريده|القناه)"
                    + "|تعبر\\s+عن\\s+راي\\s+(?:اصحابها|كاتبيها)|سياسه\\s+التعليقات).*");

    /**
     * A publisher's disclaimer: «الآراء الواردة في المقال لا تعكس بالضرورة رأي الموقع», «المقال يعبر عن رأي كاتبه».
     * Only a whole short block, and only with the publisher named (a quoted «لا تعكس موقف الحكومة» is text).
     */
    private static final Pattern DISCLAIMER = Pattern.compile(
            ".*(?:لا\\s+(?:تعبر|تعكس|تمثل|يعبر|يعكس|يمثل)\\s+(?:بالضروره\\s+)?(?:عن\\s+)?(?:راي|اراء|وجهه\\s+نظر|موقف|سياسه)"
                    + "\\s+(?:الموقع|الصحيفه|الجريده|القناه|المنصه|الشبكه|المجله|الوكاله|التحرير|هيئه\\s+التحرير|الناشر"
                    + "|اداره\\s+(?:الموقع|التحرير))"
                    + "|(?:يعبر|تعبر)\\s+عن\\s+(?:راي|اراء|وجهه\\s+نظر)\\s+(?:كاتبه|كاتبها|كاتبيها|كتابها|صاحبه|صاحبها|اصحابها)).*");

    /** Words a dateline is made of (folded keys); anything else in the block makes it not a dateline. */
    private static final Set<String> DATE_WORDS = Set.of(
            "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
            "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "اغسطس", "سبتمبر", "اكتوبر",
            "نوفمبر", "ديسمبر", "جانفي", "فيفري", "افريل", "ماي", "جوان", "جويليه", "جويلية", "اوت",
            "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين", "الاول", "الثاني",
            "محرم", "صفر", "ربيع", "جمادي", "رجب", "شعبان", "رمضان", "شوال", "ذو", "القعده", "الحجه", "الاخر", "الاخره",
            "ص", "م", "صباحا", "مساء", "مساءا", "ظهرا", "فجرا", "هـ", "ه", "بتوقيت", "مكه", "المكرمه", "غرينتش",
            "القدس", "بيروت", "القاهره", "gmt", "utc", "am", "pm", "الساعه", "نشر", "نشرت", "في", "تاريخ", "النشر",
            "اخر", "تحديث", "التحديث", "تم", "محدث", "منذ", "قبل", "دقيقه", "دقائق", "دقيقتين", "ساعه", "ساعات", "ساعتين",
            "يوم", "ايام", "يومين", "اسبوع", "الموافق", "published", "updated", "on", "at", "ago", "hours", "hour",
            "minutes", "min", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
            "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "ت", "غ", "بتاريخ",
            "اليوم", "امس");
    /** Words that make a block a date even with no digit (a weekday, a month). */
    private static final Set<String> DATE_ANCHORS = Set.of("السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
            "الخميس", "الجمعه", "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر",
            "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "ايلول", "تشرين",
            "منذ");

    private PageFurniture() {
    }

    /** The marker a short heading-like block is, or null. */
    static Marker marker(String text) {
        return markerOfKey(key(text));
    }

    /** {@link #marker(String)} of a text already folded with {@link #key(String)}. */
    static Marker markerOfKey(String key) {
        if (key.isEmpty() || !MARKER_FIRST_WORDS.contains(firstWord(key))
                || !BoilerplateLines.wordsAtMost(key, MAX_MARKER_WORDS + 20)) {
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
                || !BoilerplateLines.wordsAtMost(key, MAX_MARKER_WORDS + 30)) {
            return null;
        }
        for (Marker m : Marker.values()) {
            if (m == Marker.COMMENTS) {
                continue;
            }
            var matcher = pattern(m).matcher(key);
            if (matcher.lookingAt() && (matcher.end() == key.length() || key.charAt(matcher.end()) == ' ')) {
                int markerChars = matcher.end() - spaces(key, matcher.end());
                if (linkChars >= 0.8 * (chars - markerChars)) {
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
        if (known && BoilerplateLines.wordsAtMost(key, 6) && PAGER.matcher(key).matches()) {
            return RuleNames.PAGER;
        }
        if (BoilerplateLines.wordsAtMost(key, 30) && mayBeCopyright(key) && COPYRIGHT.matcher(key).matches()) {
            return RuleNames.COPYRIGHT;
        }
        if (known && (BoilerplateLines.wordsAtMost(key, 4) && CAPTION_LABEL.matcher(key).matches()
                || BoilerplateLines.wordsAtMost(key, MAX_CREDIT_WORDS) && !endsSentence(key)
                && LABELLED_CREDIT.matcher(key).matches())) {
            return RuleNames.IMAGE_CREDIT;
        }
        if (isDateline(key) || isSourceAndDate(key)) {
            return RuleNames.DATELINE;
        }
        if (BoilerplateLines.wordsAtMost(key, 60) && (key.contains("تعليق") || key.contains("راي"))
                && COMMENT_POLICY.matcher(key).matches()) {
            return key.contains("تعليق") || !DISCLAIMER.matcher(key).matches() ? RuleNames.COMMENTS
                    : RuleNames.DISCLAIMER;
        }
        if (BoilerplateLines.wordsAtMost(key, 40) && (key.contains("راي") || key.contains("نظر")
                || key.contains("موقف") || key.contains("سياسه")) && DISCLAIMER.matcher(key).matches()) {
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
        return m.lookingAt() && BoilerplateLines.wordsAtMost(key, 24)
                && (m.end() == key.length() || !Character.isLetter(key.charAt(m.end())));
    }

    /** A cheap test before the copyright pattern (which scans the whole block). */
    private static boolean mayBeCopyright(String key) {
        return key.indexOf('©') >= 0 || key.contains("حقوق") || key.contains("rights") || key.contains("copyright")
                || key.contains("cable");
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
            } else if (!BoilerplateLines.wordsAtMost(p, 4)) {
                return false;
            }
        }
        return date;
    }

    private static boolean isByline(String key) {
        if (!BoilerplateLines.wordsAtMost(key, MAX_BYLINE_WORDS) || endsSentence(key) || key.length() > 80
                || key.endsWith("،") || key.endsWith(",")) {
            return false;
        }
        if (WRITTEN_BY.matcher(key).matches()) {
            return BoilerplateLines.wordsAtMost(key, 5) && key.indexOf('،') < 0;
        }
        return RULE_FIRST_WORDS.contains(firstWord(key)) && BYLINE.matcher(key).matches()
                || BoilerplateLines.wordsAtMost(key, 7) && hasNameSeparator(key) && PLACE_AND_NAME.matcher(key).matches();
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
