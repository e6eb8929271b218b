package io.khulasa.attribution;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Matching keys of one folded Arabic word ({@link io.khulasa.glossary.ArabicFolding}: no diacritics or tatweel,
 * أ إ آ ٱ → ا, ى → ي, ة → ه). Arabic writes clitics and endings into the word, so «وبالحكومة», «الحكومات» and
 * «حكومته» are one word of the article to a reader; a word gets every reading it may have instead of one guessed
 * stem, and two words match when they share a key:
 * <ul>
 *   <li>exact keys: the word itself, the word without each clitic prefix that fits (و ف ب ل ك, ال, وال بال فال
 *       كال وبال فبال وكال, لل ولل فلل, وب ول فب فل وك), and each of those without one suffix (ات ون ين ان ها هم هما هن كم نا ه ي ا ت), keeping
 *       at least 3 letters. A wrong reading («وزير» → «زير») costs nothing: it only matches when the other word has
 *       the same reading;</li>
 *   <li>relaxed keys ({@value #RELAXED} + each exact key, and + the key without its first letter when that is
 *       one of the present-tense and participle prefixes ي ت ن ا م س and 3 letters are left), so «يطالب» meets
 *       «تطالب», «طالب» and «المطالب». A relaxed match earns part of the credit of an exact one.</li>
 * </ul>
 */
final class WordKeys {

    /** Marks a relaxed key (never in a folded word). */
    static final char RELAXED = '~';
    /** Marks a root key (never in a folded word). */
    static final char ROOT = '%';
    /** Marks a bare key: the word as written, with no «ال» (never in a folded word). */
    static final char BARE = '^';
    /** Letters that are long vowels or hamza seats in a folded word: patterns, not radicals. */
    private static final String WEAK = "اويءئؤ";
    /** Letters that open derived patterns (مفعول، تفعيل، انفعال، يفعل، استفعال) before the radicals. */
    private static final String PATTERN_HEAD = "متنيا";

    private static final String[] PREFIXES = {"وبال", "فبال", "وكال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل", "وك",
            "و", "ف", "ب", "ل", "ك"};
    private static final String[] SUFFIXES = {"هما", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "ه", "ي", "ا", "ت"};
    private static final int MIN_STEM = 3;

    /**
     * Function words: no evidence either way (folded forms; a و/ف prefix is tolerated). Kept short on purpose: the
     * article's own statistics (IDF) lower every other frequent word.
     */
    private static final Set<String> STOP = Set.of(
            "في", "من", "علي", "الي", "عن", "ان", "انه", "انها", "انهم", "ما", "لا", "لم", "لن", "قد", "كان", "كانت",
            "يكون", "تكون", "هذا", "هذه", "ذلك", "تلك", "هناك", "هنا", "التي", "الذي", "الذين", "اللذين", "اللتين",
            "اللاتي", "هو", "هي", "هم", "هما", "نحن", "انا", "مع", "بين", "بعد", "قبل", "عند", "عندما", "حتي", "او",
            "ام", "ثم", "كما", "اي", "كل", "بعض", "غير", "اذا", "اذ", "لكن", "ليس", "ليست", "عبر", "خلال", "حول",
            "منذ", "ضد", "نحو", "لدي", "امام", "فوق", "تحت", "دون", "الا", "اما", "لقد", "كذلك", "ايضا", "حيث",
            "بينما", "به", "بها", "بهم", "له", "لها", "لهم", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "فيه",
            "فيها", "فيهم", "اليه", "اليها", "وفق", "وفقا", "ضمن", "سوف", "ولا", "اليوم", "امس",
            "عنه", "عنها", "عنهم", "احد", "ممن", "مما", "فيما", "يلي", "الان", "كانوا", "قال", "قالت", "هؤلاء",
            // verbs of reporting: who said it is the claim's frame, not the claim, and summaries swap them freely
            // («قال» ↔ «أكد» ↔ «أعلن» ↔ «يقول»); the speaker and what was said stay evidence
            "يقول", "تقول", "يقولون", "قالوا", "اكد", "اكدت", "يؤكد", "تؤكد", "اعلن", "اعلنت", "يعلن", "تعلن",
            "صرح", "صرحت", "افاد", "افادت", "يفيد", "تفيد", "اوضح", "اوضحت", "يوضح", "توضح", "اضاف", "اضافت",
            "يضيف", "تضيف", "ذكر", "ذكرت", "يذكر", "تذكر", "اشار", "اشارت", "يشير", "تشير",
            "the", "a", "an", "of", "to", "in", "and", "on", "for", "is", "was", "by", "with", "at", "from", "that",
            "it", "as", "be", "are", "were", "has", "have", "had", "this", "which", "its");

    private WordKeys() {
    }

    /** Whether {@code folded} is a function word (possibly after a و / ف conjunction). */
    static boolean isStop(String folded) {
        if (STOP.contains(folded)) {
            return true;
        }
        char c = folded.isEmpty() ? 0 : folded.charAt(0);
        return (c == 'و' || c == 'ف') && folded.length() > 2 && STOP.contains(folded.substring(1));
    }

    /** @return the exact keys of {@code folded}, then its relaxed keys, then its root keys; no duplicates */
    static List<String> of(String folded) {
        // stems need no duplicate check: each prefix that fits leaves a stem of another length
        String[] stems = new String[4];
        int nStems = 0;
        stems[nStems++] = folded;
        for (String p : PREFIXES) {
            if (folded.length() - p.length() >= MIN_STEM && folded.startsWith(p)) {
                if (nStems == stems.length) {
                    stems = Arrays.copyOf(stems, nStems * 2);
                }
                stems[nStems++] = folded.substring(p.length());
            }
        }
        Keys keys = new Keys(nStems * 6 + 2);
        for (int i = 0; i < nStems; i++) {
            String stem = stems[i];
            keys.add(stem);
            for (String s : SUFFIXES) {
                if (stem.length() - s.length() >= MIN_STEM && stem.endsWith(s)) {
                    keys.add(stem.substring(0, stem.length() - s.length()));
                    break; // the longest suffix that fits
                }
            }
        }
        int exact = keys.size;
        for (int i = 0; i < exact; i++) {
            String k = keys.items[i];
            keys.add(RELAXED + k);
            if (k.length() >= MIN_STEM + 1 && "يتنامس".indexOf(k.charAt(0)) >= 0) {
                keys.add(RELAXED + k.substring(1));
            }
            if (k.length() >= MIN_STEM + 2 && k.charAt(0) == 'س' && "يتنا".indexOf(k.charAt(1)) >= 0) {
                keys.add(RELAXED + k.substring(2)); // the future: «سنرسل», «سترسل»
            }
        }
        for (int i = 0; i < exact; i++) {
            String root = root(keys.items[i]);
            if (root != null) {
                keys.add(ROOT + root);
            }
        }
        return Arrays.asList(keys.items).subList(0, keys.size);
    }

    /**
     * Keys in order without duplicates. A word has a dozen or two, so a scan that compares hashes first beats a set
     * (a list's {@code contains} compared every string: a fifth of an article's indexing), and each key's hash is
     * then cached for the index lookups that follow.
     */
    private static final class Keys {
        String[] items;
        int size;

        Keys(int capacity) {
            items = new String[capacity];
        }

        void add(String key) {
            int h = key.hashCode();
            for (int i = 0; i < size; i++) {
                if (items[i].hashCode() == h && items[i].equals(key)) {
                    return;
                }
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = key;
        }
    }

    /**
     * A light root of one reading: its consonants (long vowels and hamza seats dropped), less one pattern letter
     * (م ت ن ي ا) or «است» in front when more than three are left; null unless exactly three are left. Broken plurals
     * and derived forms share it with their singular («تنظيم» / «منظمات» / «نظم» → نظم, «كبير» / «كبار» / «أكبر» → كبر),
     * and so do unrelated words of the same root, hence only part of the credit. Hollow and defective roots (two
     * consonants left) get none: too many words would share them.
     */
    static String root(String reading) {
        if (reading.length() < MIN_STEM) {
            return null;
        }
        char[] c = new char[reading.length()];
        int n = 0;
        for (int i = 0; i < reading.length(); i++) {
            char ch = reading.charAt(i);
            if (WEAK.indexOf(ch) < 0) {
                c[n++] = ch;
            }
        }
        int from = 0;
        if (n == 5 && c[0] == 'س' && c[1] == 'ت') {
            from = 2;
        } else if (n == 4 && PATTERN_HEAD.indexOf(c[0]) >= 0) {
            from = 1;
        } else if (n == 4 && c[1] == 'ت') {
            c[1] = c[0]; // افتعال: «اجتماع» → جمع
            from = 1;
        }
        return n - from == 3 ? new String(c, from, 3) : null;
    }
}
