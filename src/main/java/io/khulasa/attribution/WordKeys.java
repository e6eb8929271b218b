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

    /** Marks an exact key (the reading as it is). */
    static final char EXACT = 0;

    /** @return the exact keys of {@code folded}, then its relaxed keys, then its root keys; no duplicates */
    static List<String> of(String folded) {
        Strings keys = new Strings();
        generate(folded, keys);
        return Arrays.asList(keys.items).subList(0, keys.size);
    }

    /**
     * The keys of {@code folded} as {@link #of} lists them, each as a 64-bit hash with its kind: what the index and
     * the summary check compare. An article has thousands of keys; as strings they were most of a summary request's
     * allocation, and a collision of two 64-bit hashes among them is vanishingly unlikely (about 10⁻¹¹ per article).
     */
    static Hashes hashes(String folded) {
        Hashes keys = new Hashes();
        generate(folded, keys);
        return keys;
    }

    /** Distinct words whose keys are kept across requests: about 4 MB; a day of news uses a few tens of thousands. */
    private static final int CACHE_BITS = 14;
    /**
     * Folded word → its keys, direct-mapped (a new word takes its slot). Arabic news repeats its vocabulary from
     * article to article, and reading a word's keys (its clitic and ending readings, relaxed forms and root, each
     * hashed) was the largest share of the index's time. An entry is filled before it is stored with release
     * semantics and read with acquire semantics ({@link #SLOT}), so readers on any thread may race with a writer and
     * still see a whole entry or none; entries are never changed once stored.
     * <p>
     * An entry is known by the word's 64-bit fingerprint, not by the word: comparing the word took two more reads
     * from main memory (the string, then its characters) on every look-up of a new article's words, where most
     * entries are no longer in the CPU's caches (issue 20's profile over distinct articles: this look-up was 11 % of
     * a summary request). Two words are mistaken for one only when their fingerprints agree on the 50 bits beyond the
     * slot: about 10⁻¹⁵ per look-up, far below the key hashes' own collisions (see {@link #hashes}). The fingerprint is
     * kept in the entry itself, not in a wrapper around it: one read from memory fewer per word.
     */
    private static final Hashes[] CACHE = new Hashes[1 << CACHE_BITS];
    private static final java.lang.invoke.VarHandle SLOT =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(Hashes[].class);

    /**
     * The keys of {@code folded} as {@link #hashes} gives them, with whether it is a content word and its bare keys:
     * read once per distinct word and then shared, so the result must never be modified. A function word, a number
     * or a one-letter word has no keys ({@link Hashes#content} false).
     */
    static Hashes cached(String folded) {
        return cached(folded.toCharArray(), folded.length()); // a few words per summary sentence: the copy is cheap
    }

    /** {@link #cached(String)} of the word {@code letters[0, length)}: no string is made unless the word is new. */
    static Hashes cached(char[] letters, int length) {
        long fingerprint = mix(fnv(FNV_BASIS, letters, 0, length));
        Hashes entry = (Hashes) SLOT.getAcquire(CACHE, slot(fingerprint));
        if (entry != null && entry.fingerprint == fingerprint) {
            return entry;
        }
        return read(new String(letters, 0, length), fingerprint);
    }

    private static int slot(long fingerprint) {
        return (int) (fingerprint >>> (64 - CACHE_BITS));
    }

    /** Numbers the words read into the cache: the article index's word table is keyed by it. */
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS = new java.util.concurrent.atomic.AtomicInteger();

    private static Hashes read(String folded, long fingerprint) {
        Hashes keys = new Hashes();
        keys.fingerprint = fingerprint;
        keys.serial = SERIALS.incrementAndGet(); // only a hash: wraps, and the index compares the entries themselves
        if (isContent(folded)) {
            keys.content = true;
            generate(folded, keys);
            // the word as a name would be written: no «ال», at most a one-letter clitic («وصدام», «لخاشقجي»)
            if (!folded.startsWith("ال")) {
                keys.bare = bareHash(folded, 0);
                if (hasCliticBeforeName(folded)) {
                    keys.bareAfterClitic = bareHash(folded, 1);
                }
            }
        }
        SLOT.setRelease(CACHE, slot(fingerprint), keys); // after every field above is set
        return keys;
    }

    /** Whether a folded word is evidence: not a function word, not a number written in digits (numbers are read apart). */
    static boolean isContent(String folded) {
        if (folded.length() < 2 || isStop(folded)) {
            return false;
        }
        for (int i = 0; i < folded.length(); i++) {
            if (Character.isDigit(folded.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the word may be a name after a one-letter clitic («وصدام», «لخاشقجي»): its bare key without it. */
    static boolean hasCliticBeforeName(String folded) {
        return folded.length() >= 4 && "وفبلك".indexOf(folded.charAt(0)) >= 0 && !folded.startsWith("ال", 1);
    }

    /** The hash of the bare key ({@link #BARE}) of {@code folded} from its letter {@code from} on. */
    static long bareHash(String folded, int from) {
        char[] letters = folded.toCharArray();
        return hash(BARE, letters, from, letters.length);
    }

    /** Receives each key of a word as letters {@code [from, to)} of an array, with its kind. */
    private interface Sink {
        void add(char kind, char[] letters, int from, int to);
    }

    /**
     * Every key of a word, in order: exact, relaxed, root. Each exact reading is a range of the word (a prefix that
     * fits cut from the front, then the longest suffix that fits from the back), so no reading is copied to be read.
     */
    private static void generate(String folded, Sink sink) {
        char[] w = folded.toCharArray();
        int n = w.length;
        // exact readings as ranges [from, to): the word, then without each prefix that fits, each also without a suffix
        int[] from = new int[12];
        int[] to = new int[12];
        int readings = 0;
        // the suffixes the word ends with, read once: which one a reading loses depends only on its length
        long endings = 0;
        for (int s = 0; s < SUFFIXES.length; s++) {
            int len = SUFFIXES[s].length();
            if (n - len >= MIN_STEM && SUFFIXES[s].regionMatches(0, folded, n - len, len)) {
                endings |= 1L << s;
            }
        }
        for (int p = -1; p < PREFIXES.length; p++) {
            int start = p < 0 ? 0 : PREFIXES[p].length();
            // the first letter decides most prefixes: only «و ف ب ل ك ا» open one
            if (p >= 0 && !(n - start >= MIN_STEM && w[0] == PREFIXES[p].charAt(0) && folded.startsWith(PREFIXES[p]))) {
                continue;
            }
            if (readings + 2 > from.length) {
                from = Arrays.copyOf(from, readings * 2);
                to = Arrays.copyOf(to, readings * 2);
            }
            from[readings] = start;
            to[readings++] = n;
            for (long e = endings; e != 0; e &= e - 1) {
                int suffix = SUFFIXES[Long.numberOfTrailingZeros(e)].length();
                if (n - start - suffix >= MIN_STEM) {
                    from[readings] = start;
                    to[readings++] = n - suffix;
                    break; // the longest suffix that fits (the list is longest first)
                }
            }
        }
        for (int i = 0; i < readings; i++) {
            sink.add(EXACT, w, from[i], to[i]);
        }
        for (int i = 0; i < readings; i++) {
            int f = from[i];
            int t = to[i];
            sink.add(RELAXED, w, f, t);
            if (t - f >= MIN_STEM + 1 && "يتنامس".indexOf(w[f]) >= 0) {
                sink.add(RELAXED, w, f + 1, t);
            }
            if (t - f >= MIN_STEM + 2 && w[f] == 'س' && "يتنا".indexOf(w[f + 1]) >= 0) {
                sink.add(RELAXED, w, f + 2, t); // the future: «سنرسل», «سترسل»
            }
        }
        char[] consonants = new char[n];
        for (int i = 0; i < readings; i++) {
            int at = root(w, from[i], to[i], consonants);
            if (at >= 0) {
                sink.add(ROOT, consonants, at, at + 3);
            }
        }
    }

    /** FNV-1a over the kind and the letters, then a final mix (the index probes on the low bits); never 0. */
    static long hash(char kind, char[] letters, int from, int to) {
        long h = mix(fnv((FNV_BASIS ^ kind) * FNV_PRIME, letters, from, to));
        return h == 0 ? 1 : h;
    }

    private static final long FNV_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over {@code letters[from, to)}, from the state {@code h}: a key's hash and a cached word's fingerprint. */
    private static long fnv(long h, char[] letters, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ letters[i]) * FNV_PRIME;
        }
        return h;
    }

    /** A final mix of an FNV-1a state, so that its high bits (a cache's slot) and low bits (the index's) are spread. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Keys as strings (the kind's mark, then the letters), in order, without duplicates. */
    private static final class Strings implements Sink {
        String[] items = new String[16];
        int size;

        @Override
        public void add(char kind, char[] letters, int from, int to) {
            String key = kind == EXACT ? new String(letters, from, to - from) : kind + new String(letters, from, to - from);
            for (int i = 0; i < size; i++) {
                if (items[i].equals(key)) {
                    return;
                }
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = key;
        }
    }

    /** Keys as hashes with their kinds, in order, without duplicates. */
    static final class Hashes implements Sink {
        long[] hash = new long[16];
        char[] kind = new char[16];
        int size;
        /** Set by {@link #cached}: whether the word is evidence at all (no keys otherwise). */
        boolean content;
        /** Set by {@link #cached}: the bare key's hash (0: the word has «ال»), and without a one-letter clitic (0: none). */
        long bare;
        long bareAfterClitic;
        /** Set by {@link #cached}: this reading's number, the hash the article index's word table uses (not an identity). */
        int serial;
        /** Set by {@link #cached}: the word's fingerprint, how the cache knows its entry. */
        long fingerprint;

        @Override
        public void add(char k, char[] letters, int from, int to) {
            long h = hash(k, letters, from, to);
            for (int i = 0; i < size; i++) {
                if (hash[i] == h) {
                    return;
                }
            }
            if (size == hash.length) {
                hash = Arrays.copyOf(hash, size * 2);
                kind = Arrays.copyOf(kind, size * 2);
            }
            hash[size] = h;
            kind[size++] = k;
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
        char[] consonants = new char[reading.length()];
        int at = root(reading.toCharArray(), 0, reading.length(), consonants);
        return at < 0 ? null : new String(consonants, at, 3);
    }

    /** The root of the reading {@code w[from, to)} written into {@code out}: its offset there, or -1 when none. */
    private static int root(char[] w, int from, int to, char[] out) {
        if (to - from < MIN_STEM) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            if (WEAK.indexOf(w[i]) < 0) {
                out[n++] = w[i];
            }
        }
        int at = 0;
        if (n == 5 && out[0] == 'س' && out[1] == 'ت') {
            at = 2;
        } else if (n == 4 && PATTERN_HEAD.indexOf(out[0]) >= 0) {
            at = 1;
        } else if (n == 4 && out[1] == 'ت') {
            out[1] = out[0]; // افتعال: «اجتماع» → جمع
            at = 1;
        }
        return n - at == 3 ? at : -1;
    }
}
