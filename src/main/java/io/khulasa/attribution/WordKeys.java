package io.khulasa.attribution;

import java.util.ArrayList;
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

    /** @return the exact keys of {@code folded}, then its relaxed keys; no duplicates */
    static List<String> of(String folded) {
        List<String> stems = new ArrayList<>(4);
        stems.add(folded);
        for (String p : PREFIXES) {
            if (folded.length() - p.length() >= MIN_STEM && folded.startsWith(p)) {
                addOnce(stems, folded.substring(p.length()));
            }
        }
        List<String> keys = new ArrayList<>(stems.size() * 2 + 4);
        for (String stem : stems) {
            addOnce(keys, stem);
            for (String s : SUFFIXES) {
                if (stem.length() - s.length() >= MIN_STEM && stem.endsWith(s)) {
                    addOnce(keys, stem.substring(0, stem.length() - s.length()));
                    break; // the longest suffix that fits
                }
            }
        }
        int exact = keys.size();
        for (int i = 0; i < exact; i++) {
            String k = keys.get(i);
            addOnce(keys, RELAXED + k);
            if (k.length() >= MIN_STEM + 1 && "يتنامس".indexOf(k.charAt(0)) >= 0) {
                addOnce(keys, RELAXED + k.substring(1));
            }
            if (k.length() >= MIN_STEM + 2 && k.charAt(0) == 'س' && "يتنا".indexOf(k.charAt(1)) >= 0) {
                addOnce(keys, RELAXED + k.substring(2)); // the future: «سنرسل», «سترسل»
            }
        }
        return keys;
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }
}
