package io.khulasa.chunking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names and terms of an article that every chunk translation must spell the same way (they are
 * sent with each chunk as a "keep these consistent" list).
 *
 * <p>Sources, all deterministic:
 * <ol>
 *   <li>short quoted spans ({@code “…”}, {@code ”…”}, {@code "…"}, {@code «…»}): Arabic news sites quote
 *       names of people and places this way;</li>
 *   <li>capitalised Latin words and acronyms ({@code NATO}, {@code Human Rights Watch});</li>
 *   <li>multi-word sequences after a role word ({@code الرئيس}, {@code وزير}, {@code رئيس وزراء} ...), after
 *       skipping «ال» adjectives such as «التركي» or «الدفاع», kept only if the sequence occurs at least
 *       twice in the article.</li>
 * </ol>
 * The list is ordered by first occurrence, deduplicated (ignoring diacritics and tatweel), capped, and a
 * single word that is part of a longer found name («آكار» in «خلوصي آكار») is dropped as redundant.
 */
public final class NameListExtractor {

    private static final int MAX_QUOTED_WORDS = 5;
    private static final int MAX_QUOTED_CHARS = 40;

    private static final Pattern QUOTED = Pattern.compile("[“”\"«]([^“”\"«»\\n]{1," + MAX_QUOTED_CHARS + "})[”“\"»]");
    private static final Pattern LATIN_NAME = Pattern.compile(
            "\\b(?:[A-Z][a-zA-Z]+|[A-Z]{2,})(?:[ -](?:[A-Z][a-zA-Z]+|[A-Z]{2,}|of|al|bin|de|von|van))*\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}ـ]+");

    /** Role words (without the prefixes و/ب/ل/ف/لل/ول, which are tolerated). */
    private static final Set<String> ROLE_WORDS = Set.of(
            "الرئيس", "رئيس", "الرئيسة", "رئيسة", "وزير", "الوزير", "وزيرة", "الوزيرة", "وزراء", "الملك",
            "الأمير", "الشيخ", "السفير", "الجنرال", "اللواء", "العميد", "العقيد", "الدكتور", "المستشار",
            "النائب", "المتحدث", "الناطق", "المبعوث", "زعيم", "الزعيم", "قائد", "القائد", "الأمين", "المرشد",
            "المستشارة", "السيد", "السيدة", "الرئيسين", "المبعوثة");

    /** Words that end a name candidate (prepositions, conjunctions, common verbs of reporting). */
    private static final Set<String> STOP_WORDS = Set.of(
            "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "إن", "ان", "انه", "أنه", "إنه", "خلال", "بعد",
            "قبل", "عند", "حول", "بين", "و", "أو", "ثم", "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "ذكر",
            "ذكرت", "أشار", "أضاف", "لم", "لن", "قد", "كما", "التي", "الذي", "هذا", "هذه", "ذلك", "يوم", "أمس",
            "وقعا", "ناقشا", "بحث", "بحثا", "باسم", "العام");

    private final int maxNames;

    /** @param maxNames the most names returned */
    public NameListExtractor(int maxNames) {
        if (maxNames < 1) {
            throw new IllegalArgumentException("maxNames must be >= 1");
        }
        this.maxNames = maxNames;
    }

    /** @return the names, ordered by first occurrence, deduplicated, at most {@code maxNames} */
    public List<String> extract(String article) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        quoted(article, byKey);
        latin(article, byKey);
        afterRoleWords(article, byKey);

        List<Candidate> ordered = new ArrayList<>(byKey.values());
        ordered.sort(Comparator.comparingInt(Candidate::offset));
        List<String> names = new ArrayList<>();
        for (Candidate c : ordered) {
            if (!isPartOfLongerName(c, ordered) && names.size() < maxNames) {
                names.add(c.name());
            }
        }
        return names;
    }

    private record Candidate(String name, String key, int offset) {}

    private static void quoted(String article, Map<String, Candidate> out) {
        Matcher m = QUOTED.matcher(article);
        while (m.find()) {
            String inner = m.group(1);
            if (Character.isWhitespace(inner.charAt(0)) || Character.isWhitespace(inner.charAt(inner.length() - 1))) {
                continue; // a closing quote paired with the next opening one: quotes hug their content
            }
            String name = trimPunctuation(inner);
            if (!name.isEmpty() && name.codePoints().anyMatch(Character::isLetter)
                    && name.split("\\s+").length <= MAX_QUOTED_WORDS) {
                add(out, name, m.start(1));
            }
        }
    }

    private static void latin(String article, Map<String, Candidate> out) {
        Matcher m = LATIN_NAME.matcher(article);
        while (m.find()) {
            add(out, m.group(), m.start());
        }
    }

    private static void afterRoleWords(String article, Map<String, Candidate> out) {
        List<int[]> words = new ArrayList<>(); // [start, end]
        Matcher m = WORD.matcher(article);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < words.size(); i++) {
            if (!ROLE_WORDS.contains(stripPrefixes(text(article, words.get(i))))) {
                continue;
            }
            int k = i + 1;
            // skip adjectives/fields after the role: «التركي», «الدفاع», «وزراء أرمينيا» is handled as a name
            while (k < words.size() && k - i <= 3 && text(article, words.get(k)).startsWith("ال")
                    && onlySpaceBetween(article, words.get(k - 1), words.get(k))) {
                k++;
            }
            if (k >= words.size() || !onlySpaceBetween(article, words.get(k - 1), words.get(k))) {
                continue; // punctuation or a quote follows: quoted names are found elsewhere
            }
            // longest repeated sequence of 3 or 2 words starting at k
            for (int n = 3; n >= 2; n--) {
                if (k + n > words.size() || !isNameRun(article, words, k, n)) {
                    continue;
                }
                String name = article.substring(words.get(k)[0], words.get(k + n - 1)[1]);
                if (occurrences(article, name) >= 2) {
                    add(out, name, words.get(k)[0]);
                    break;
                }
            }
        }
    }

    private static boolean isNameRun(String article, List<int[]> words, int from, int n) {
        for (int j = from; j < from + n; j++) {
            String w = text(article, words.get(j));
            if (STOP_WORDS.contains(w) || ROLE_WORDS.contains(stripPrefixes(w)) || Character.isDigit(w.charAt(0))) {
                return false;
            }
            if (j > from && !onlySpaceBetween(article, words.get(j - 1), words.get(j))) {
                return false;
            }
        }
        return !text(article, words.get(from)).startsWith("ال");
    }

    private static boolean onlySpaceBetween(String article, int[] a, int[] b) {
        return article.substring(a[1], b[0]).isBlank();
    }

    private static String text(String article, int[] word) {
        return article.substring(word[0], word[1]);
    }

    private static String stripPrefixes(String word) {
        for (String prefix : new String[] {"ول", "وب", "لل", "و", "ب", "ل", "ف"}) {
            if (word.startsWith(prefix) && word.length() > prefix.length() + 3) {
                String rest = word.substring(prefix.length());
                if (prefix.equals("لل")) {
                    rest = "ال" + rest;
                }
                if (ROLE_WORDS.contains(rest)) {
                    return rest;
                }
            }
        }
        return word;
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }

    private static void add(Map<String, Candidate> out, String name, int offset) {
        String key = key(name);
        if (!key.isEmpty()) {
            out.putIfAbsent(key, new Candidate(name, key, offset));
        }
    }

    /** Comparison key: no diacritics, no tatweel, single spaces, lower case. */
    private static String key(String name) {
        return name.replaceAll("[\\u064B-\\u065F\\u0670\\u0640]", "")
                .replaceAll("[\\s-]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isPartOfLongerName(Candidate c, List<Candidate> all) {
        if (c.key().contains(" ")) {
            return false;
        }
        for (Candidate other : all) {
            if (other != c && (" " + other.key() + " ").contains(" " + c.key() + " ")) {
                return true;
            }
        }
        return false;
    }

    private static String trimPunctuation(String s) {
        return s.strip().replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
    }
}
