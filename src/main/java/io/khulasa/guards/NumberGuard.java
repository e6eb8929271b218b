package io.khulasa.guards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that every number in an output (summary or translation) also occurs in the source article: a
 * wrong number in news is a factual error, so a mismatch is a hard failure (code {@value #CODE}).
 *
 * <p>Numbers are compared by value, whatever their spelling:
 * <ul>
 *   <li>Western (0-9), Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits;</li>
 *   <li>thousands separators ({@code 1,000}, {@code 1000}, {@code ١٬٠٠٠}) and decimal separators
 *       ({@code 3.5}, {@code ٣٫٥}, {@code 3,5}); an ambiguous {@code 1,500} / {@code 1.500} matches either
 *       reading;</li>
 *   <li>scale words after digits or number words ({@code 5 million} = {@code ٥ ملايين} = 5000000);</li>
 *   <li>English number words ({@code five}, {@code twenty-five}, {@code two hundred}) and Arabic ones
 *       ({@code خمس}، {@code خمسة وعشرين}، {@code ثلاثة آلاف}، {@code مليون}، duals such as {@code عامين}).</li>
 * </ul>
 * The source side is read generously, so a faithful output is not flagged: Arabic ordinals ({@code الأول}),
 * month names ({@code ديسمبر}، {@code كانون الأول} → 12, so «1 من شهر ديسمبر» covers "December 1" and
 * "1/12"), duals, and every single number word inside a compound also count as present. The output side is
 * read strictly, except that pronoun-like {@code one} / {@code واحد} and ordinal words are not numbers there.
 * Percent signs, ordinal suffixes ({@code 1st}) and currency symbols do not matter.
 */
public final class NumberGuard {

    /** Problem code of this guard. */
    public static final String CODE = "output-number-mismatch";

    /**
     * A number found in a text.
     *
     * @param surface the text as written (for reports)
     * @param values  the values it may mean (more than one for an ambiguous separator)
     * @param start   where it starts in the text read
     */
    public record FoundNumber(String surface, Set<BigDecimal> values, int start) {
    }

    /** The word tables, data in {@value NumberWords#RESOURCE}. */
    private static final NumberWords WORDS = NumberWords.load();

    /** Digits, then an optional scale word («5 ملايين», "3.5 bn"). */
    private static final Pattern DIGITS = Pattern.compile(
            "\\d+(?:[.,]\\d+)*(?:\\s*(" + alternation(WORDS.scalesAfterDigits().keySet()) + ")(?!\\p{L}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // Words are found with char scans, not regexes: the guard reads the whole article on every request.
    /** Looked up as the regex matched them: ignoring case. */
    private static final Map<String, Long> SCALES_AFTER_DIGITS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        SCALES_AFTER_DIGITS.putAll(WORDS.scalesAfterDigits());
    }

    private static final Map<String, Long> EN_SMALL = WORDS.englishNumbers();
    private static final Map<String, Long> EN_SCALE = WORDS.englishScales();
    /** Words after which "one" is a count, not a pronoun. */
    private static final Set<String> EN_UNITS = WORDS.englishCountNouns();

    private static final Map<String, Long> AR_NUMBERS = WORDS.arabicNumbers();
    /** Plural scales multiply the preceding number: «ثلاثة آلاف», «خمسة ملايين». */
    private static final Map<String, Long> AR_SCALES = WORDS.arabicScales();
    /** Read only on the source side: words that imply a number without being one. */
    private static final Map<String, Long> AR_SOURCE_ONLY = WORDS.arabicSourceOnly();
    private static final Set<String> PLURAL_SCALES = WORDS.arabicPluralScales();
    private static final Set<String> AR_PRONOUN_LIKE = WORDS.arabicPronounLike();

    /** Clitic prefixes, in the order they are tried (the first that leaves a known word wins). */
    private static final String[] PREFIXES = {"وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"};
    /** Every prefixed form of each table's words → the word (one look-up per word instead of a prefix scan). */
    private static final Map<String, String> AR_NUMBER_FORMS = prefixedForms(AR_NUMBERS);
    private static final Map<String, String> AR_SCALE_FORMS = prefixedForms(AR_SCALES);
    /** The same forms → the value of their word: the hot path needs one look-up per table, not two. */
    private static final Map<String, Long> AR_NUMBER_VALUES = valuesOf(AR_NUMBER_FORMS, AR_NUMBERS);
    private static final Map<String, Long> AR_SCALE_VALUES = valuesOf(AR_SCALE_FORMS, AR_SCALES);
    private static final Map<String, Long> AR_SOURCE_ONLY_VALUES = valuesOf(prefixedForms(AR_SOURCE_ONLY), AR_SOURCE_ONLY);
    /**
     * One bit per {@link String#hashCode} (low {@value #FORM_HASH_BITS} bits) of every form in the three tables above:
     * an article's word whose bit is clear is in none of them, so its string is never built (most words of an article
     * are no number; building each one's string was a fifth of the bytes a summary request allocated).
     */
    private static final int FORM_HASH_BITS = 17;
    private static final long[] FORM_HASHES = formHashes(AR_NUMBER_VALUES, AR_SCALE_VALUES, AR_SOURCE_ONLY_VALUES);

    @SafeVarargs
    private static long[] formHashes(Map<String, Long>... tables) {
        long[] bits = new long[(1 << FORM_HASH_BITS) / 64];
        for (Map<String, Long> table : tables) {
            for (String form : table.keySet()) {
                int h = form.hashCode() & ((1 << FORM_HASH_BITS) - 1);
                bits[h >>> 6] |= 1L << h;
            }
        }
        return bits;
    }

    /** A regex alternation of {@code words}, longest first. */
    private static String alternation(Set<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote).collect(Collectors.joining("|"));
    }

    private static Map<String, Long> valuesOf(Map<String, String> forms, Map<String, Long> table) {
        Map<String, Long> values = new HashMap<>();
        forms.forEach((form, word) -> values.put(form, table.get(word)));
        return values;
    }

    /**
     * The forms {@link #stripArabicPrefix} resolves, computed once: a word itself; else, for the first prefix in
     * {@link #PREFIXES} order it starts with, the rest (at least two letters) if the table has it, and for «لل» also
     * «ال» + rest («للأول» → «الأول»).
     */
    private static Map<String, String> prefixedForms(Map<String, Long> table) {
        Map<String, String> forms = new HashMap<>();
        // Walk the prefixes last to first so that a form reachable by two prefixes keeps the first one's word.
        for (int p = PREFIXES.length - 1; p >= 0; p--) {
            String prefix = PREFIXES[p];
            if (prefix.equals("لل")) {
                for (String word : table.keySet()) {
                    if (word.startsWith("ال") && word.length() >= 4) {
                        forms.put("لل" + word.substring(2), word); // loses to a rest that is itself in the table
                    }
                }
            }
            for (String word : table.keySet()) {
                if (word.length() >= 2) {
                    forms.put(prefix + word, word);
                }
            }
        }
        for (String word : table.keySet()) {
            forms.put(word, word);
        }
        return forms;
    }

    /** @return the verdict: passed if every number of {@code output} occurs in {@code source} */
    public GuardResult check(String source, String output) {
        List<String> missing = missingNumbers(source, output);
        return missing.isEmpty()
                ? new GuardResult(CODE, true, true, "all numbers found in the source")
                : new GuardResult(CODE, false, true, "numbers not in the source: " + String.join(", ", missing));
    }

    /** @return the numbers of {@code output} (as written) whose value does not occur in {@code source} */
    public List<String> missingNumbers(String source, String output) {
        Set<BigDecimal> known = sourceValues(source);
        List<String> missing = new ArrayList<>();
        for (FoundNumber n : extract(output, false)) {
            if (n.values().stream().noneMatch(known::contains) && !missing.contains(n.surface())) {
                missing.add(n.surface());
            }
        }
        return missing;
    }

    /** Recent sources and their numbers: a few articles' worth (the requests being answered now). */
    private static final int READ_SLOTS_BITS = 4;
    private static final AtomicReferenceArray<SourceRead> READS = new AtomicReferenceArray<>(1 << READ_SLOTS_BITS);

    private record SourceRead(String source, CompletableFuture<Reading> reading) {
    }

    /** A source's numbers and every value they may stand for (the set an answer's numbers are looked up in). */
    private record Reading(List<FoundNumber> numbers, Set<BigDecimal> values) {

        static Reading of(List<FoundNumber> numbers) {
            Set<BigDecimal> values = new HashSet<>();
            for (FoundNumber n : numbers) {
                values.addAll(n.values());
            }
            return new Reading(numbers, Set.copyOf(values));
        }
    }

    /**
     * {@code extract(source, true)}, read once for a source that several steps read: the article index (each
     * sentence's numbers, by {@link FoundNumber#start}) and the number check of each answer (the known values) were
     * two full readings of the same article on every request. A second reader of the same text waits for the first
     * one's reading instead of repeating it. The list and its sets must not be modified.
     */
    public static List<FoundNumber> sourceNumbers(String source) {
        return read(source).numbers();
    }

    /**
     * Every value the numbers of {@code source} may stand for, from the same single reading as {@link #sourceNumbers}:
     * the set was built again from that reading for each answer checked, hashing every number of the article in the
     * answer's latency (issue 20). Unmodifiable.
     */
    public static Set<BigDecimal> sourceValues(String source) {
        return read(source).values();
    }

    private static Reading read(String source) {
        int slot = (source.hashCode() * 0x9E3779B9) >>> (32 - READ_SLOTS_BITS);
        SourceRead read = READS.get(slot);
        if (read != null && read.source.equals(source)) {
            return read.reading.join();
        }
        SourceRead mine = new SourceRead(source, new CompletableFuture<>());
        READS.set(slot, mine);
        try {
            Reading reading = Reading.of(List.copyOf(extract(source, true)));
            mine.reading.complete(reading);
            return reading;
        } catch (RuntimeException | Error e) {
            READS.compareAndSet(slot, mine, null);
            mine.reading.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * @param text     any text
     * @param isSource true to read generously (see the class comment)
     * @return the numbers in {@code text}, in order of appearance
     */
    public static List<FoundNumber> extract(String text, boolean isSource) {
        String t = normalizeDigits(text == null ? "" : text);
        List<FoundNumber> found = new ArrayList<>();
        boolean[] consumed = new boolean[t.length() + 1];
        String original = text == null ? "" : text; // same length as t: surfaces are taken from it
        // The three scans of the whole text read its characters from one array: through String.charAt (a range
        // check and a coder test per character) they were most of the source reading's time (issue 20).
        char[] chars = t.toCharArray();
        digitNumbers(original, t, chars, isSource, found, consumed);
        englishWords(t, chars, isSource, found, consumed);
        arabicWords(original, t, chars, isSource, found, consumed);
        return found;
    }

    /** Arabic-Indic and Extended Arabic-Indic digits to ASCII; Arabic separators to ASCII ones. */
    static String normalizeDigits(String text) {
        int first = 0;
        while (first < text.length() && !isArabicDigitOrSeparator(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // most articles and outputs: nothing to rewrite
        }
        StringBuilder sb = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') {
                sb.append((char) ('0' + c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                sb.append((char) ('0' + c - '\u06F0'));
            } else if (c == '\u066B') {
                sb.append('.'); // Arabic decimal separator
            } else if (c == '\u066C') {
                sb.append(','); // Arabic thousands separator
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isArabicDigitOrSeparator(char c) {
        return (c >= '\u0660' && c <= '\u066C') || (c >= '\u06F0' && c <= '\u06F9');
    }

    // ---- digits ----

    private static void digitNumbers(String text, String t, char[] chars, boolean isSource, List<FoundNumber> found,
            boolean[] consumed) {
        Matcher m = DIGITS.matcher(t);
        int from = 0;
        while (true) {
            // Jump to the next digit and match there: a match always starts with one, and find() would try the
            // pattern at every position of the article.
            while (from < chars.length && (chars[from] < '0' || chars[from] > '9')) {
                from++;
            }
            if (from >= t.length() || !m.region(from, t.length()).lookingAt()) {
                break;
            }
            from = m.end();
            // without the scale word and the spaces before it
            String number = m.group(1) == null ? m.group() : t.substring(m.start(), m.start(1)).stripTrailing();
            Set<BigDecimal> values = readings(number, isSource);
            if (m.group(1) != null) {
                BigDecimal scale = BigDecimal.valueOf(SCALES_AFTER_DIGITS.get(m.group(1)));
                Set<BigDecimal> scaled = new HashSet<>();
                for (BigDecimal v : values) {
                    scaled.add(canonical(v.multiply(scale)));
                }
                if (isSource) {
                    values.addAll(scaled); // «5 ملايين» also covers a bare "5"
                } else {
                    values = scaled;
                }
            }
            for (int i = m.start(); i < m.end(); i++) {
                consumed[i] = true;
            }
            found.add(new FoundNumber(text.substring(m.start(), m.end()), values, m.start()));
        }
    }


    /** What {@code String.split("[.,]")} compiled again on every number of every article (issue 20). */
    private static final Pattern SEPARATORS = Pattern.compile("[.,]");

    /**
     * The values a digit string may mean: "3,5" is 3.5, "1,234.5" is 1234.5; "1,500" is 1500 in an output
     * (English convention: comma groups thousands, dot is decimal) and 1500 or 1.5 in the source, whose
     * writer may have used either convention.
     */
    static Set<BigDecimal> readings(String number, boolean lenient) {
        Set<BigDecimal> values = new HashSet<>();
        List<Character> separators = new ArrayList<>();
        List<String> groups = new ArrayList<>(List.of(SEPARATORS.split(number)));
        for (char c : number.toCharArray()) {
            if (c == '.' || c == ',') {
                separators.add(c);
            }
        }
        if (separators.isEmpty()) {
            values.add(canonical(new BigDecimal(number)));
            return values;
        }
        boolean allThreeDigitGroups = groups.subList(1, groups.size()).stream().allMatch(g -> g.length() == 3);
        boolean sameSeparator = separators.stream().distinct().count() == 1;
        if (sameSeparator) {
            boolean comma = separators.get(0) == ',';
            if (allThreeDigitGroups && (lenient || comma)) {
                values.add(canonical(new BigDecimal(String.join("", groups)))); // thousands
            }
            if (separators.size() == 1 && (lenient || !comma || !allThreeDigitGroups)) {
                values.add(canonical(new BigDecimal(groups.get(0) + "." + groups.get(1)))); // decimal
            }
        } else {
            // mixed: the last separator is the decimal one ("1,234.5" or "1.234,5")
            String integer = String.join("", groups.subList(0, groups.size() - 1));
            values.add(canonical(new BigDecimal(integer + "." + groups.get(groups.size() - 1))));
        }
        if (values.isEmpty() || groups.get(0).length() > 3) { // "1.2.3", "2020,2021": read each group
            for (String g : groups) {
                values.add(canonical(new BigDecimal(g)));
            }
        }
        return values;
    }

    // ---- English words ----

    private static void englishWords(String t, char[] chars, boolean isSource, List<FoundNumber> found,
            boolean[] consumed) {
        List<int[]> words = latinSpans(chars);
        int i = 0;
        while (i < words.size()) {
            String w = word(t, words.get(i));
            boolean startsRun = !consumed[words.get(i)[0]] && (EN_SMALL.containsKey(w)
                    || (w.equals("a") && i + 1 < words.size() && EN_SCALE.containsKey(word(t, words.get(i + 1)))));
            if (!startsRun) {
                i++;
                continue;
            }
            int j = i;
            long total = 0;
            long current = 0;
            int numberWords = 0;
            while (j < words.size() && !consumed[words.get(j)[0]]) {
                String x = word(t, words.get(j));
                if (j > i && !onlySpacesOrHyphens(t, words.get(j - 1)[1], words.get(j)[0])) {
                    break;
                }
                if (EN_SMALL.containsKey(x)) {
                    current += EN_SMALL.get(x);
                } else if (x.equals("hundred")) {
                    current = Math.max(current, 1) * 100;
                } else if (EN_SCALE.containsKey(x)) {
                    total += Math.max(current, 1) * EN_SCALE.get(x);
                    current = 0;
                } else if (x.equals("a") && j == i) {
                    current = 0;
                } else if (!(x.equals("and") && j + 1 < words.size() && isEnglishNumberWord(word(t, words.get(j + 1))))) {
                    break;
                }
                if (!x.equals("and") && !x.equals("a")) {
                    numberWords++;
                }
                j++;
            }
            if (numberWords == 0) {
                i = j + 1;
                continue;
            }
            String surface = t.substring(words.get(i)[0], words.get(j - 1)[1]);
            boolean loneOne = numberWords == 1 && surface.equalsIgnoreCase("one");
            String next = j < words.size() ? word(t, words.get(j)) : "";
            if (!loneOne || isSource || EN_UNITS.contains(next)) {
                found.add(new FoundNumber(surface, Set.of(canonical(BigDecimal.valueOf(total + current))), words.get(i)[0]));
            }
            i = j;
        }
    }

    /** The {@code [start, end)} spans of the runs of Latin letters. */
    private static List<int[]> latinSpans(char[] t) {
        List<int[]> words = new ArrayList<>();
        for (int k = 0; k < t.length; k++) {
            if (isLatinLetter(t[k])) {
                int start = k;
                while (k + 1 < t.length && isLatinLetter(t[k + 1])) {
                    k++;
                }
                words.add(new int[] {start, k + 1});
            }
        }
        return words;
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code t[from, to)} is not empty and only regex {@code \s} characters or hyphens. */
    private static boolean onlySpacesOrHyphens(String t, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isEnglishNumberWord(String w) {
        return EN_SMALL.containsKey(w) || EN_SCALE.containsKey(w);
    }

    private static String word(String t, int[] span) {
        return t.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    }

    // ---- Arabic words ----

    private static void arabicWords(String text, String t, char[] chars, boolean isSource, List<FoundNumber> found,
            boolean[] consumed) {
        WordSpans words = arabicSpans(chars, consumed); // without digits read already («5 ملايين»)
        int i = 0;
        while (i < words.size) {
            if (!mayBeTableForm(chars, words.start[i], words.end[i])) {
                // In no table, so no number word: only a dual of the source can count («البلدين» = 2).
                if (isSource && isDual(chars, words.start[i], words.end[i])) {
                    found.add(new FoundNumber(text.substring(words.start[i], words.end[i]), Set.of(BigDecimal.valueOf(2L)),
                            words.start[i]));
                }
                i++;
                continue;
            }
            String first = bare(t, words.start[i], words.end[i]);
            if (arabicValue(first, true) == null || PLURAL_SCALES.contains(stripArabicPrefix(first, AR_SCALE_FORMS))) {
                // «آلاف المدنيين» is "thousands of civilians", not a number
                if (isSource) {
                    Long implied = sourceOnlyValue(first);
                    if (implied != null) {
                        found.add(new FoundNumber(text.substring(words.start[i], words.end[i]),
                                Set.of(BigDecimal.valueOf(implied)), words.start[i]));
                    }
                }
                i++;
                continue;
            }
            // a run: «خمسة وعشرين», «ثلاثة آلاف وخمسمائة», «أحد عشر»
            long total = 0;
            long current = 0;
            Set<BigDecimal> parts = new HashSet<>();
            int j = i;
            boolean onlyPronounLike = true;
            while (j < words.size) {
                if (j > i && !onlyWhitespace(t, words.end[j - 1], words.start[j])) {
                    break;
                }
                String w = bare(t, words.start[j], words.end[j]);
                Long scale = AR_SCALE_VALUES.get(w);
                Long value = scale == null ? arabicValue(w, j == i) : null;
                if (scale == null && value == null) {
                    break;
                }
                if (scale != null) {
                    total += Math.max(current, 1) * scale;
                    current = 0;
                    parts.add(BigDecimal.valueOf(scale));
                } else if (value == 10 && current > 0 && current < 10) {
                    current += 10; // «أحد عشر», «خمسة عشر»
                } else if (value == 100 && current > 0 && current < 10) {
                    current *= 100; // «ثلاث مئة»
                } else {
                    current += value;
                    parts.add(BigDecimal.valueOf(value));
                }
                onlyPronounLike &= AR_PRONOUN_LIKE.contains(stripArabicPrefix(w, AR_NUMBER_FORMS));
                j++;
            }
            Set<BigDecimal> values = new HashSet<>();
            values.add(BigDecimal.valueOf(total + current));
            if (isSource) {
                values.addAll(parts); // generous: every word of a compound counts too
            }
            if (isSource || !onlyPronounLike) {
                found.add(new FoundNumber(text.substring(words.start[i], words.end[j - 1]), values, words.start[i]));
            }
            i = j;
        }
    }

    /** The {@code [start, end)} spans of an article's Arabic words, in two growing arrays (not one object per word). */
    private static final class WordSpans {
        int[] start = new int[64];
        int[] end = new int[64];
        int size;

        void add(int from, int to) {
            if (size == start.length) {
                start = Arrays.copyOf(start, size * 2);
                end = Arrays.copyOf(end, size * 2);
            }
            start[size] = from;
            end[size] = to;
            size++;
        }
    }

    /** The runs of Arabic word characters of {@code t} that do not start at a consumed position. */
    private static WordSpans arabicSpans(char[] t, boolean[] consumed) {
        WordSpans words = new WordSpans();
        for (int k = 0; k < t.length; k++) {
            if (isArabicWordChar(t[k])) {
                int start = k;
                while (k + 1 < t.length && isArabicWordChar(t[k + 1])) {
                    k++;
                }
                if (!consumed[start]) {
                    words.add(start, k + 1);
                }
            }
        }
        return words;
    }

    /** False when the word {@code t[from, to)}, without marks, is certainly no form of the three tables. */
    private static boolean mayBeTableForm(char[] t, int from, int to) {
        int h = 0; // String.hashCode of bare(t, from, to), without building it
        for (int k = from; k < to; k++) {
            char c = t[k];
            if (!isArabicMark(c)) {
                h = 31 * h + c;
            }
        }
        h &= (1 << FORM_HASH_BITS) - 1;
        return (FORM_HASHES[h >>> 6] & (1L << h)) != 0;
    }

    /**
     * {@link #sourceOnlyValue}'s dual rule on {@code bare(t, from, to)} without building it: without «ال», at least four
     * letters ending in «تين», «تان» or «ين» but not «يين».
     */
    private static boolean isDual(char[] t, int from, int to) {
        int n = 0; // letters of the bare word, and its last three
        char c1 = 0;
        char c2 = 0;
        char c3 = 0;
        char first = 0;
        char second = 0;
        for (int k = from; k < to; k++) {
            char c = t[k];
            if (isArabicMark(c)) {
                continue;
            }
            if (n == 0) {
                first = c;
            } else if (n == 1) {
                second = c;
            }
            c3 = c2;
            c2 = c1;
            c1 = c;
            n++;
        }
        int length = first == 'ا' && second == 'ل' && n >= 2 ? n - 2 : n;
        if (length < 4) {
            return false;
        }
        return c1 == 'ن' && ((c2 == 'ي' && c3 == 'ت') || (c2 == 'ا' && c3 == 'ت') || (c2 == 'ي' && c3 != 'ي'));
    }

    /** Letters, diacritics and tatweel: a vowelled «خمسُ» is one word (marks are removed before lookup). */
    private static boolean isArabicWordChar(char c) {
        return (c >= '\u0621' && c <= '\u065F') || (c >= '\u0670' && c <= '\u06D3');
    }

    private static boolean isArabicMark(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    private static boolean onlyWhitespace(String t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isWhitespace(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The word without diacritics and tatweel. */
    private static String bare(String t, int from, int to) {
        int k = from;
        while (k < to && !isArabicMark(t.charAt(k))) {
            k++;
        }
        if (k == to) {
            return t.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from).append(t, from, k);
        for (; k < to; k++) {
            if (!isArabicMark(t.charAt(k))) {
                sb.append(t.charAt(k));
            }
        }
        return sb.toString();
    }

    /** @return the value of a number word (with an optional و/ب/ل/ف prefix, or «ال»), or null */
    private static Long arabicValue(String word, boolean firstOfRun) {
        Long scale = AR_SCALE_VALUES.get(word);
        if (scale != null && firstOfRun) {
            return scale; // «مليون شخص»
        }
        return AR_NUMBER_VALUES.get(word);
    }

    private static Long sourceOnlyValue(String word) {
        Long v = AR_SOURCE_ONLY_VALUES.get(word);
        if (v != null) {
            return v;
        }
        // duals are common in news («الوزيرين», «البلدين», «قاعدتين») and read as "the two …"
        String bare = word.startsWith("ال") ? word.substring(2) : word;
        boolean dual = bare.length() >= 4 && (bare.endsWith("تين") || bare.endsWith("تان")
                || (bare.endsWith("ين") && !bare.endsWith("يين")));
        return dual ? 2L : null;
    }

    /** The table word a form stands for (clitic prefix و ب ل ف, «ال» or «لل» removed), or the word itself. */
    private static String stripArabicPrefix(String word, Map<String, String> forms) {
        return forms.getOrDefault(word, word);
    }

    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
