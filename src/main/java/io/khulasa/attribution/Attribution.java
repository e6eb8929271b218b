package io.khulasa.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.glossary.ArabicFolding;
import io.khulasa.guards.NumberGuard;

/**
 * Links each sentence of a summary to the article sentences that support it, and each paragraph of a translation to
 * the article paragraphs it renders. In-process, no model, thread-safe; one instance serves every request.
 *
 * <p><b>Summaries.</b> A summary sentence is a bag of evidence: its content words (function words dropped; each word
 * matched through its clitic/ending readings, {@link WordKeys}) and its numbers (compared as values, {@link
 * NumberGuard}). Each item weighs its IDF over the article's sentences, so a name or a rare word that the article
 * says once counts far more than «قال». Sources are chosen greedily: the article sentence that covers the most weight,
 * then up to two more, each only if it adds at least {@value #MIN_EXTRA_GAIN} of the weight the earlier ones left
 * uncovered (a paraphrase that merges two article sentences finds both; scattered common words do not add sources).
 * A word with no reading anywhere in the article or title weighs {@value #UNKNOWN_WEIGHT} of the article's rarest
 * words, so claims from elsewhere pull the share down. The score is the covered share of the weight, multiplied by {@value
 * #ABSENT_NUMBER_FACTOR} for every number whose value is nowhere in the article and by {@value #UNKNOWN_NAME_FACTOR}
 * for every unknown word where a name stands (after a role word such as «الرئيس» or «وزير», past its «ال» adjectives:
 * «وزير الخارجية الأمريكي ريكس تيلرسون»), and once more when two or more such words (without «ال») replace other
 * words between two neighbours that stand close together in the first source («اختفاء الصحفي جمال خاشقجي بعد» →
 * «اختفاء فلاديمير بوتين بعد»): a swapped name changes two words of twenty, too few for the share alone.
 * A word that matches only through its light root ({@link WordKeys#root}: broken plurals, derived forms) earns
 * {@value #ROOT_CREDIT} of the credit; an unknown word right after a name-slot word that the article has only as a
 * common word («الصحفي صدام حسين» where the article says «الصدام») counts as a swapped name too. A sentence about the
 * article itself («فيما يلي لمحة عن…», «نستعرض…») claims topics, not events: with no penalty it needs only {@value
 * #META_SHARE} of the threshold.
 * Under {@value #DEFAULT_THRESHOLD} a sentence is unsupported (chosen on the first half of the evaluation set, see
 * docs/traceability.md). A citation the
 * model wrote («[3]») is just more words: nothing in the output is trusted.
 *
 * <p><b>Translations.</b> See {@link ParagraphAligner}.
 */
public final class Attribution {

    /** Below this score a summary sentence is unsupported. */
    public static final double DEFAULT_THRESHOLD = 0.35;
    /** At most this many sources per sentence. */
    public static final int MAX_SOURCES = 3;
    /** A further source must add this share of the sentence's weight. */
    static final double MIN_EXTRA_GAIN = 0.15;
    /** Credit of a relaxed (verb prefix) match, against 1 for an exact one. */
    static final double RELAXED_CREDIT = 0.75;
    /** Credit of a word that only the title has. */
    static final double TITLE_CREDIT = 0.5;
    /** Credit of a root match only ({@link WordKeys#root}: a broken plural, a derived form, or just a word of the same root). */
    static final double ROOT_CREDIT = 0.5;
    static final double ABSENT_NUMBER_FACTOR = 0.35;
    static final double UNKNOWN_NAME_FACTOR = 0.3;
    static final double UNKNOWN_WEIGHT = 0.85;
    /** Share of the threshold that a sentence about the article itself («فيما يلي لمحة…») needs, with no penalty. */
    static final double META_SHARE = 0.5;

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final double threshold;
    private final ParagraphAligner aligner = new ParagraphAligner();

    /** An engine with {@link #DEFAULT_THRESHOLD}. */
    public Attribution() {
        this(DEFAULT_THRESHOLD);
    }

    /** @param threshold the score under which a sentence is unsupported, in [0, 1] */
    public Attribution(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
        }
        this.threshold = threshold;
    }

    /** @return the threshold of this engine */
    public double threshold() {
        return threshold;
    }

    /**
     * Reads an article once, for several outputs of it (a digest's summary and translation).
     *
     * @param title       the cleaned title, or null: evidence for words and numbers, never a span
     * @param cleanedText the cleaned text, exactly as {@code POST /v1/clean} returns it
     */
    public ArticleIndex index(String title, String cleanedText) {
        return new ArticleIndex(title, cleanedText, splitter);
    }

    /** {@link #summary(ArticleIndex, String)} on a cleaned text with no title. */
    public SummaryAttribution summary(String cleanedText, String summary) {
        return summary(index(null, cleanedText), summary);
    }

    /**
     * @param article an indexed article ({@link #index})
     * @param summary the summary as delivered (sentences as {@link SentenceSplitter} finds them; a bullet is a sentence)
     * @return one entry per sentence of the summary, in order, and the unsupported-sentence warning if any
     */
    public SummaryAttribution summary(ArticleIndex article, String summary) {
        List<SentenceSupport> sentences = new ArrayList<>();
        if (summary == null || summary.isBlank()) {
            return SummaryAttribution.of(sentences);
        }
        for (int[] span : ArticleIndex.trimmedSegments(summary, splitter.boundaries(summary))) {
            String sentence = withoutBullet(summary.substring(span[0], span[1]));
            sentences.add(support(article, sentence));
        }
        return SummaryAttribution.of(sentences);
    }

    /** The paragraphs of a cleaned article, all a translation's alignment needs (no sentence index). */
    public ArticleParagraphs paragraphs(String cleanedText) {
        return new ArticleParagraphs(cleanedText);
    }

    /** {@link #translation(ArticleParagraphs, String)} on a cleaned text. */
    public TranslationAlignment translation(String cleanedText, String translation) {
        return translation(paragraphs(cleanedText), translation);
    }

    /**
     * @param article     the article's paragraphs ({@link #paragraphs}, or {@link ArticleIndex#paragraphs})
     * @param translation the whole translation (chunks joined), paragraphs one per line
     * @return one entry per translation paragraph with its source paragraphs, the article paragraphs left out, and the
     *         per-paragraph number warnings
     */
    public TranslationAlignment translation(ArticleParagraphs article, String translation) {
        return aligner.align(article, translation == null ? "" : translation);
    }

    // ---- one summary sentence ----

    /** One item of evidence of a summary sentence: a content word or a number. */
    private static final class Item {
        final int[] exact;
        final int[] relaxed;
        int[] roots = new int[0];
        final Set<BigDecimal> values; // numbers only
        final boolean inTitle;
        final boolean known;
        boolean rootKnown;
        boolean exactKnown;
        final double weight;
        String label = "";
        boolean nameShaped;
        boolean penalized;

        Item(int[] exact, int[] relaxed, Set<BigDecimal> values, boolean inTitle, boolean known, double weight) {
            this.exact = exact;
            this.relaxed = relaxed;
            this.values = values;
            this.inTitle = inTitle;
            this.known = known;
            this.weight = weight;
        }

        /**
         * The credit this item earns in each sentence of the article: 1 where one of its exact keys is, else
         * {@link #RELAXED_CREDIT} for a relaxed key, else {@link #ROOT_CREDIT} for its root; a number earns 1 where
         * one of its values is. Read from the sentences of each key, not by asking every sentence for every key.
         */
        double[] credits(ArticleIndex a) {
            int n = a.sentenceCount();
            double[] credit = new double[n];
            if (values != null) {
                for (int s = 0; s < n; s++) {
                    Set<BigDecimal> there = a.sentenceNumbers.get(s);
                    for (BigDecimal v : values) {
                        if (there.contains(v)) {
                            credit[s] = 1;
                            break;
                        }
                    }
                }
                return credit;
            }
            // the highest credit wins: exact (1) > relaxed > root
            raise(a, credit, roots, ROOT_CREDIT);
            raise(a, credit, relaxed, RELAXED_CREDIT);
            raise(a, credit, exact, 1);
            return credit;
        }

        private static void raise(ArticleIndex a, double[] credit, int[] keys, double value) {
            for (int k : keys) {
                for (int at = a.keyStart[k]; at < a.keyStart[k + 1]; at++) {
                    credit[a.keySentences[at]] = value;
                }
            }
        }
    }

    /**
     * Diagnostics for the evaluation tool: each item of evidence of {@code sentence} (folded word or number values),
     * its weight, whether the article knows it and how much of it the sources cover. Never log its output: it holds
     * the article's words.
     */
    public String explain(ArticleIndex a, String sentence) {
        StringBuilder sb = new StringBuilder();
        support(a, sentence, sb);
        return sb.toString();
    }

    SentenceSupport support(ArticleIndex a, String sentence) {
        return support(a, sentence, null);
    }

    private SentenceSupport support(ArticleIndex a, String sentence, StringBuilder explain) {
        int n = a.sentenceCount();
        List<Item> items = new ArrayList<>();
        List<ArabicFolding.Word> words = ArabicFolding.words(sentence);
        List<NumberGuard.FoundNumber> numbers = NumberGuard.extract(sentence, false);
        // number words («مئة وعشرين») are evidence as numbers, not as words
        boolean[] inNumber = new boolean[sentence.length()];
        int searchFrom = 0;
        for (NumberGuard.FoundNumber number : numbers) {
            int at = sentence.indexOf(number.surface(), searchFrom);
            if (at < 0) {
                at = sentence.indexOf(number.surface());
            }
            if (at >= 0) {
                java.util.Arrays.fill(inNumber, at, at + number.surface().length(), true);
                searchFrom = at + number.surface().length();
            }
        }
        double penalty = 1;
        int afterRole = -1; // words since a role word («الرئيس», «وزير»), while only «ال» words followed it
        boolean commonInNameSlot = false; // the last word stood where a name stands, but the article has it only as a common word
        boolean[] cue = metaCues(words);
        boolean meta = false;
        for (int w = 0; w < words.size(); w++) {
            ArabicFolding.Word word = words.get(w);
            String folded = word.folded();
            if (inNumber[word.start()]) {
                continue;
            }
            boolean nameSlot = afterRole >= 0 && !folded.startsWith("ال");
            afterRole = isRole(folded) ? 0 : afterRole >= 0 && afterRole < 3 && folded.startsWith("ال") ? afterRole + 1 : -1;
            if (cue[w]) {
                meta = true; // words about the article itself («لمحة», «نستعرض») are no evidence either way
                continue;
            }
            if (!ArticleIndex.isContentWord(folded)) {
                continue;
            }
            Item item = wordItem(a, folded, n);
            item.label = folded;
            item.nameShaped = !item.known && !folded.startsWith("ال") && folded.length() >= 3;
            items.add(item);
            if (!item.known) {
                if (nameSlot || (commonInNameSlot && item.nameShaped)) {
                    // a name the article does not have, where a name stands; or the surname after a first name the
                    // article has only as a common word («الصحفي صدام حسين» where the article says «الصدام»)
                    penalty *= UNKNOWN_NAME_FACTOR;
                    item.penalized = true;
                }
            }
            commonInNameSlot = nameSlot && item.exactKnown && !a.hasBare(folded);
        }
        int wordItems = items.size();
        for (NumberGuard.FoundNumber number : numbers) {
            boolean known = false;
            for (BigDecimal v : number.values()) {
                known |= a.numbers.contains(v);
            }
            if (!known) {
                penalty *= ABSENT_NUMBER_FACTOR;
            }
            Item item = new Item(null, null, number.values(), false, known, idf(known ? 1 : 0, n));
            item.label = "#" + number.values();
            items.add(item);
        }
        double total = 0;
        for (Item item : items) {
            total += item.weight;
        }
        if (total == 0) {
            // nothing to check (a heading such as «ملخص:»): supported, no source
            return new SentenceSupport(sentence, true, 1.0, List.of());
        }
        double[][] credit = new double[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            credit[i] = items.get(i).credits(a);
        }
        double[] covered = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).inTitle) {
                covered[i] = TITLE_CREDIT;
            }
        }
        List<Integer> chosen = new ArrayList<>();
        double coveredWeight = weighted(items, covered);
        while (chosen.size() < MAX_SOURCES) {
            int best = -1;
            double bestGain = 0;
            for (int s = 0; s < n; s++) {
                if (chosen.contains(s)) {
                    continue;
                }
                double gain = 0;
                for (int i = 0; i < items.size(); i++) {
                    gain += items.get(i).weight * Math.max(0, credit[i][s] - covered[i]);
                }
                if (gain > bestGain + 1e-9) {
                    best = s;
                    bestGain = gain;
                }
            }
            if (best < 0 || (!chosen.isEmpty() && bestGain < MIN_EXTRA_GAIN * (total - coveredWeight))) {
                break;
            }
            chosen.add(best);
            for (int i = 0; i < items.size(); i++) {
                covered[i] = Math.max(covered[i], credit[i][best]);
            }
            coveredWeight = weighted(items, covered);
        }
        if (!chosen.isEmpty() && substituted(a, chosen.get(0), items.subList(0, wordItems))) {
            penalty *= UNKNOWN_NAME_FACTOR;
        }
        if (explain != null) {
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                explain.append(String.format(java.util.Locale.ROOT, "%s w=%.2f %s cov=%.2f%n", item.label, item.weight,
                        item.known ? "known" : "UNKNOWN", covered[i]));
            }
            explain.append(String.format(java.util.Locale.ROOT, "coverage=%.3f penalty=%.3f sources=%s%n",
                    coveredWeight / total, penalty, chosen));
        }
        double score = Math.min(1, coveredWeight / total) * penalty;
        if (meta && penalty == 1 && score < threshold && score >= META_SHARE * threshold) {
            // a sentence about the article itself («هذه لمحة عن…», «فيما يلي…») announces topics, in the summary's own
            // words: with no number or name the article lacks (penalty 1) it asserts nothing the article could
            // contradict, so half the bar is enough to tie it to the article
            score = threshold;
        }
        score = Math.round(score * 1000) / 1000.0;
        List<SourceSpan> sources = new ArrayList<>(chosen.size());
        for (int s : chosen) {
            sources.add(a.sentence(s));
        }
        return new SentenceSupport(sentence, score >= threshold, score, sources);
    }

    /**
     * Whether the sentence swapped words of its first source for words the article lacks: a run of unknown words
     * without «ال» (a name, mostly) whose neighbours stand close together in the source with other words between them
     * («اختفاء الصحفي جمال خاشقجي بعد» → «اختفاء فلاديمير بوتين بعد»).
     */
    private static boolean substituted(ArticleIndex a, int source, List<Item> words) {
        int[][] sourceKeys = a.sentenceWords[source];
        for (int i = 1; i < words.size() - 1; i++) {
            if (!words.get(i).nameShaped || words.get(i - 1).nameShaped || words.get(i).penalized) {
                continue;
            }
            int j = i;
            while (j + 1 < words.size() && words.get(j + 1).nameShaped) {
                j++;
            }
            if (j + 1 >= words.size() || !words.get(i - 1).known || !words.get(j + 1).known) {
                continue;
            }
            int run = j - i + 1;
            if (run < 2) {
                continue; // one changed word is a paraphrase as often as not; a changed pair of words is a name
            }
            for (int pl = 0; pl < sourceKeys.length; pl++) {
                if (!shares(sourceKeys[pl], words.get(i - 1).exact)) {
                    continue;
                }
                for (int pr = pl + 3; pr <= pl + run + 2 && pr < sourceKeys.length; pr++) {
                    if (shares(sourceKeys[pr], words.get(j + 1).exact)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Folded words of a summary that speak of the article itself, not of the story. */
    private static final Set<String> META_WORDS = Set.of("لمحه", "نستعرض", "اليكم");
    /** The same words with the conjunction «و» written onto them («ونستعرض»). */
    private static final Set<String> META_WORDS_AFTER_WAW = META_WORDS.stream().map(w -> "و" + w)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /**
     * Pairs whose first word speaks of the article with the second: «فيما يلي», «تعرف على», «نلقي نظرة», «هذا التقرير»;
     * by first word, so that a look-up builds no string.
     */
    private static final Map<String, Set<String>> META_PAIRS = Map.of("فيما", Set.of("يلي"),
            "تعرف", Set.of("علي"), "تعرفوا", Set.of("علي"), "نلقي", Set.of("نظره"), "نسلط", Set.of("الضوء"),
            "هذا", Set.of("المقال"), "هذه", Set.of("المقاله"));

    static boolean[] metaCues(List<ArabicFolding.Word> words) {
        boolean[] cue = new boolean[words.size()];
        for (int w = 0; w < words.size(); w++) {
            String f = words.get(w).folded();
            if (META_WORDS.contains(f) || META_WORDS_AFTER_WAW.contains(f)) {
                cue[w] = true;
            }
            Set<String> seconds = META_PAIRS.get(f);
            if (seconds != null && w + 1 < words.size() && seconds.contains(words.get(w + 1).folded())) {
                cue[w] = true;
                cue[w + 1] = true;
            }
        }
        return cue;
    }

    private static boolean shares(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double weighted(List<Item> items, double[] covered) {
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += items.get(i).weight * covered[i];
        }
        return sum;
    }

    private static Item wordItem(ArticleIndex a, String folded, int n) {
        WordKeys.Hashes keys = WordKeys.cached(folded);
        int[] exact = new int[keys.size];
        int[] relaxed = new int[keys.size];
        int[] roots = new int[keys.size];
        int ne = 0;
        int nr = 0;
        int nroot = 0;
        int df = Integer.MAX_VALUE;
        int relaxedDf = Integer.MAX_VALUE;
        int rootDf = Integer.MAX_VALUE;
        boolean inTitle = false;
        for (int k = 0; k < keys.size; k++) {
            int id = a.keyIds.get(keys.hash[k]);
            if (id < 0) {
                continue;
            }
            char kind = keys.kind[k];
            int f = a.documentFrequency[id];
            if (kind == WordKeys.RELAXED) {
                relaxed[nr++] = id;
                if (f > 0) {
                    relaxedDf = Math.min(relaxedDf, f);
                }
            } else if (kind == WordKeys.ROOT) {
                roots[nroot++] = id;
                if (f > 0) {
                    rootDf = Math.min(rootDf, f);
                }
            } else {
                exact[ne++] = id;
                if (f > 0) {
                    df = Math.min(df, f);
                }
                inTitle |= a.titleKeys.get(id);
            }
        }
        int effectiveDf = df != Integer.MAX_VALUE ? df : relaxedDf != Integer.MAX_VALUE ? relaxedDf : 0;
        boolean known = effectiveDf > 0 || inTitle;
        // a word the article has only in another form of its root is not a claim from elsewhere: it weighs as that
        // form does, yet stays unknown for the name checks (a foreign name may share a root by chance)
        double weight = known ? idf(Math.max(effectiveDf, 1), n)
                : rootDf != Integer.MAX_VALUE ? idf(rootDf, n) : UNKNOWN_WEIGHT * idf(1, n);
        Item item = new Item(java.util.Arrays.copyOf(exact, ne), java.util.Arrays.copyOf(relaxed, nr), null, inTitle, known,
                weight);
        item.roots = java.util.Arrays.copyOf(roots, nroot);
        item.rootKnown = rootDf != Integer.MAX_VALUE;
        item.exactKnown = df != Integer.MAX_VALUE;
        return item;
    }

    /** Words after which a name stands (folded; a و / ف / ل prefix is tolerated): «الرئيس التركي رجب طيب أردوغان». */
    private static final Set<String> ROLES = Set.of("الرئيس", "رئيس", "الرئيسه", "رئيسه", "وزير", "الوزير", "وزيره",
            "الوزيره", "الملك", "العاهل", "الامير", "الاميره", "الشيخ", "ولي", "السفير", "الجنرال", "اللواء", "العميد",
            "العقيد", "الدكتور", "المستشار", "المستشاره", "النائب", "المتحدث", "الناطق", "المبعوث", "المبعوثه", "زعيم",
            "الزعيم", "قائد", "القائد", "الامين", "المرشد", "السيد", "السيده", "الصحفي", "الصحفيه", "الكاتب", "الكاتبه",
            "الاعلامي", "الناشط", "الناشطه", "المعارض", "المعارضه", "الحاخام", "البابا", "المدعي", "القاضي", "مراسل",
            "مراسله", "الفنان", "الفنانه", "اللاعب", "المدرب", "الشاعر", "الروائي");

    static boolean isRole(String folded) {
        if (ROLES.contains(folded)) {
            return true;
        }
        char c = folded.isEmpty() ? 0 : folded.charAt(0);
        if ((c == 'و' || c == 'ف' || c == 'ل') && folded.length() > 3) {
            String rest = folded.substring(1);
            return ROLES.contains(rest) || (c == 'ل' && rest.startsWith("ل") && ROLES.contains("ا" + rest));
        }
        return false;
    }

    /** Rarer is heavier; a word the article does not have weighs like one it says once. */
    static double idf(int df, int sentences) {
        return Math.max(0.2, Math.log((sentences + 2.0) / (Math.max(df, 1) + 0.5)));
    }

    /** The sentence without a leading list marker ("- ", "• ", "1. ", "١) "). */
    static String withoutBullet(String sentence) {
        int i = 0;
        while (i < sentence.length() && "-–—•*·▪◦".indexOf(sentence.charAt(i)) >= 0) {
            i++;
        }
        if (i == 0) {
            int d = 0;
            while (d < sentence.length() && Character.isDigit(sentence.charAt(d)) && d < 3) {
                d++;
            }
            if (d > 0 && d < sentence.length() && (sentence.charAt(d) == '.' || sentence.charAt(d) == ')')
                    && d + 1 < sentence.length() && Character.isWhitespace(sentence.charAt(d + 1))) {
                i = d + 1;
            }
        }
        return i == 0 ? sentence : sentence.substring(i).strip();
    }
}
