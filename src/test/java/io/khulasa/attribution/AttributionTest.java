package io.khulasa.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven rules of the summary support check and the paragraph alignment, on a short Arabic article. */
class AttributionTest {

    /** Four paragraphs; the first starts with an emoji (two UTF-16 chars) and a diacritic, to pin offsets. */
    static final String ARTICLE = String.join("\n",
            "🇹🇷 أعلن وزيرُ الدفاع التركي خلوصي آكار أن أنقرة سترسل 120 جنديا إلى قاعدة أغدام. وقال إن المهمة ستستمر خمس سنوات.",
            "وأكد وزير الدفاع الروسي سيرغي شويغو أن موسكو ستنشر 2000 جندي لحفظ السلام في إقليم قره باغ.",
            "وتعرضت مدينة ستيباناكيرت لقصف عنيف خلال الحرب التي استمرت 44 يوما.",
            "وقالت وزارة الخارجية الأرمينية إن الاتفاق يمثل هزيمة مؤلمة لشعبها.");

    private final Attribution attribution = new Attribution();

    static int sentenceStart(String sentence) {
        return ARTICLE.indexOf(sentence);
    }

    static Stream<Arguments> summaries() {
        String akar = "🇹🇷 أعلن وزيرُ الدفاع التركي خلوصي آكار أن أنقرة سترسل 120 جنديا إلى قاعدة أغدام.";
        String shoigu = "وأكد وزير الدفاع الروسي سيرغي شويغو أن موسكو ستنشر 2000 جندي لحفظ السلام في إقليم قره باغ.";
        String war = "وتعرضت مدينة ستيباناكيرت لقصف عنيف خلال الحرب التي استمرت 44 يوما.";
        return Stream.of(
                // {summary sentence, supported?, expected first source (a sentence of ARTICLE) or null, second or null}
                Arguments.of("أرسلت أنقرة ١٢٠ جنديا إلى قاعدة اغدام بحسب وزير الدفاع آكار.", true, akar, null),
                Arguments.of("وزير الدفاع التركي: سنرسل مئة وعشرين جنديا الى أغدام", true, akar, null),
                Arguments.of("الحرب استمرت أربعة وأربعين يوما وتعرضت ستيباناكيرت لقصف عنيف", true, war, null),
                // a paraphrase that merges two article sentences finds both
                Arguments.of("ترسل تركيا 120 جنديا إلى أغدام وتنشر روسيا 2000 جندي لحفظ السلام في قره باغ.", true, null, null),
                // a foreign sentence: nothing of it is in the article
                Arguments.of("ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج.", false, null, null),
                // a changed number
                Arguments.of("وتعرضت مدينة ستيباناكيرت لقصف عنيف خلال الحرب التي استمرت 45 يوما.", false, war, null),
                // a swapped name (a name from another story, where the article has Shoigu)
                Arguments.of("وأكد وزير الدفاع الروسي بنيامين نتنياهو أن موسكو ستنشر 2000 جندي لحفظ السلام في قره باغ.", false,
                        shoigu, null),
                // another verb of reporting for the same claim («يقول» for «وقال»): the verb is no evidence
                Arguments.of("آكار يقول إن المهمة ستستمر خمس سنوات", true, "وقال إن المهمة ستستمر خمس سنوات.", null),
                // a broken plural of the article's word (جنود ← جندي) shares its root: partial credit, still supported
                Arguments.of("أنقرة سترسل جنودا إلى قاعدة أغدام", true, akar, null),
                // a sentence about the summary itself announces topics: supported when it has no foreign number or name
                Arguments.of("فيما يلي لمحة عن مهمة حفظ السلام التي تشارك فيها القوات في إقليم قره باغ.", true, shoigu, null),
                // the same topic words as a teaser and as a plain sentence: the teaser claims only topics (half the bar),
                // the plain sentence claims events the article does not tell
                Arguments.of("هذه لمحة عن المنعطفات الصعبة والتحولات العميقة التي عاشتها المهمة التركية.", true, null, null),
                Arguments.of("المنعطفات الصعبة والتحولات العميقة التي عاشتها المهمة التركية.", false, null, null),
                // ... but a teaser that carries a number the article lacks is a claim like any other
                Arguments.of("فيما يلي لمحة عن مهمة 300 جندي لحفظ السلام في أوكرانيا.", false, null, null),
                // a first name the article has only as a common word («الحرب») with a surname it lacks is a swapped name
                Arguments.of("وأكد وزير الدفاع الروسي حرب ليبرمان أن موسكو ستنشر 2000 جندي لحفظ السلام في قره باغ.", false,
                        shoigu, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("summaries")
    void summarySentences(String sentence, boolean supported, String first, String second) {
        SummaryAttribution result = attribution.summary(ARTICLE, sentence);
        assertThat(result.sentences()).hasSize(1);
        SentenceSupport s = result.sentences().get(0);
        assertThat(s.supported()).as("score %s", s.score()).isEqualTo(supported);
        assertThat(s.score()).isBetween(0.0, 1.0);
        assertThat(s.sources()).hasSizeLessThanOrEqualTo(Attribution.MAX_SOURCES);
        if (first != null) {
            assertThat(s.sources()).isNotEmpty();
            assertThat(s.sources().get(0).text()).isEqualTo(first.endsWith(".") ? first : first);
            assertThat(s.sources().get(0).start()).isEqualTo(sentenceStart(first));
        }
        for (SourceSpan span : s.sources()) {
            assertThat(ARTICLE.substring(span.start(), span.end())).isEqualTo(span.text());
        }
        assertThat(result.warnings()).hasSize(supported ? 0 : 1);
    }

    static Stream<Arguments> roots() {
        return Stream.of(
                // {reading (clitics and one suffix already stripped by WordKeys.of), light root or null}
                Arguments.of("تنظيم", "نظم"), Arguments.of("منظم", "نظم"), // «منظمات»
                Arguments.of("كبير", "كبر"), Arguments.of("كبار", "كبر"), Arguments.of("اكبر", "كبر"),
                Arguments.of("جندي", "جند"), Arguments.of("جنود", "جند"),
                Arguments.of("اجتماع", "جمع"), Arguments.of("استخدام", "خدم"),
                Arguments.of("قاد", null), // «قادة»: a hollow root keeps two consonants, too many words share them
                Arguments.of("مستشفيات", null)); // five consonants: no guess
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("roots")
    void lightRoots(String reading, String root) {
        assertThat(WordKeys.root(reading)).isEqualTo(root);
        if (root != null) {
            assertThat(WordKeys.of(reading)).contains(WordKeys.ROOT + root);
        }
    }

    @Test
    void verbsOfReportingAreNoEvidence() {
        for (String verb : List.of("يقول", "وأكد", "أعلنت", "وصرح", "تشير")) {
            String folded = io.khulasa.glossary.ArabicFolding.words(verb).get(0).folded();
            assertThat(WordKeys.isStop(folded)).as(verb).isTrue();
        }
        assertThat(WordKeys.isStop("نفي")).as("a denial is a claim").isFalse();
    }

    @Test
    void mergedParaphraseFindsBothSentences() {
        SentenceSupport s = attribution.summary(ARTICLE,
                "ترسل تركيا 120 جنديا إلى أغدام وتنشر روسيا 2000 جندي لحفظ السلام في قره باغ.").sentences().get(0);
        assertThat(s.sources()).extracting(SourceSpan::text).contains(
                "🇹🇷 أعلن وزيرُ الدفاع التركي خلوصي آكار أن أنقرة سترسل 120 جنديا إلى قاعدة أغدام.",
                "وأكد وزير الدفاع الروسي سيرغي شويغو أن موسكو ستنشر 2000 جندي لحفظ السلام في إقليم قره باغ.");
    }

    @Test
    void offsetsAreUtf16AndSkipTheEmoji() {
        SentenceSupport s = attribution.summary(ARTICLE, "المهمة التركية ستستمر خمس سنوات.").sentences().get(0);
        SourceSpan first = s.sources().get(0);
        int expected = ARTICLE.indexOf("وقال إن المهمة");
        assertThat(first.start()).isEqualTo(expected);
        // 🇹🇷 is two astral code points = 4 UTF-16 chars: offsets count UTF-16 chars, not code points
        assertThat(ARTICLE.codePointCount(0, first.start())).isEqualTo(expected - 2);
        assertThat(first.text()).isEqualTo("وقال إن المهمة ستستمر خمس سنوات.");
        SourceSpan akar = attribution.summary(ARTICLE, "خلوصي آكار: أنقرة سترسل 120 جنديا إلى أغدام.").sentences().get(0)
                .sources().get(0);
        assertThat(akar.start()).isZero();
        assertThat(akar.text()).contains("وزيرُ"); // the diacritic is kept: folding is for matching only
    }

    @Test
    void oneEntryPerSentenceAndBulletWithTheWarning() {
        String summary = """
                - أرسلت أنقرة 120 جنديا إلى أغدام.
                - ارتفعت أسعار النفط بعد قرار أوبك خفض الإنتاج.
                وتعرضت ستيباناكيرت لقصف عنيف خلال الحرب. واستمرت الحرب 44 يوما.""";
        SummaryAttribution result = attribution.summary(ARTICLE, summary);
        assertThat(result.sentences()).extracting(SentenceSupport::text).containsExactly(
                "أرسلت أنقرة 120 جنديا إلى أغدام.", "ارتفعت أسعار النفط بعد قرار أوبك خفض الإنتاج.",
                "وتعرضت ستيباناكيرت لقصف عنيف خلال الحرب.", "واستمرت الحرب 44 يوما.");
        assertThat(result.unsupportedIndexes()).containsExactly(1);
        assertThat(result.warnings()).containsExactly("unsupported-sentence: 1 of 4 sentences (indexes 1)");
    }

    @Test
    void aNameSwappedWithoutARoleWordIsCaughtByItsNeighbours() {
        String article = "اختفى أثر الصحفي جمال خاشقجي بعد دخوله قنصلية بلاده في إسطنبول الأسبوع الماضي.\n"
                + "وقالت الشرطة التركية إنها تحقق في القضية وإنها تنتظر إذنا بتفتيش المبنى.";
        SentenceSupport faithful = attribution.summary(article, "اختفاء أثر الصحفي جمال خاشقجي بعد دخوله قنصلية بلاده.")
                .sentences().get(0);
        SentenceSupport swapped = attribution.summary(article, "اختفى أثر فلاديمير بوتين بعد دخوله قنصلية بلاده في إسطنبول.")
                .sentences().get(0);
        assertThat(faithful.supported()).isTrue();
        assertThat(swapped.supported()).as("score %s", swapped.score()).isFalse();
        assertThat(swapped.sources().get(0).start()).isZero(); // the closest span is still given
    }

    @Test
    void aModelCitationIsNotTrusted() {
        SentenceSupport s = attribution.summary(ARTICLE, "ارتفعت أسعار النفط بعد قرار أوبك خفض الإنتاج [1].").sentences().get(0);
        assertThat(s.supported()).isFalse();
    }

    @Test
    void emptySummaryHasNoSentences() {
        assertThat(attribution.summary(ARTICLE, "  \n").sentences()).isEmpty();
        assertThat(attribution.summary(ARTICLE, "  \n").warnings()).isEmpty();
    }

    // ---- translations ----

    static final String TRANSLATION = String.join("\n",
            "Turkish Defence Minister Hulusi Akar announced that Ankara would send 120 soldiers to a base in Aghdam. He said the mission would last five years.",
            "Russian Defence Minister Sergei Shoigu said Moscow would deploy 2,000 peacekeepers in Karabakh.",
            "The city of Stepanakert was heavily shelled during the war, which lasted 44 days.",
            "The Armenian Foreign Ministry said the agreement was a painful defeat for its people.");

    @Test
    void translationParagraphsAlignOneToOne() {
        TranslationAlignment a = attribution.translation(ARTICLE, TRANSLATION);
        assertThat(a.paragraphs()).hasSize(4);
        String[] articleParagraphs = ARTICLE.split("\n");
        for (int i = 0; i < 4; i++) {
            assertThat(a.paragraphs().get(i).source().text()).isEqualTo(articleParagraphs[i]);
        }
        assertThat(a.untranslated()).isEmpty();
        assertThat(a.warnings()).isEmpty();
        assertThat(a.paragraphs().get(0).source().start()).isEqualTo(0);
    }

    @Test
    void aMissingParagraphShowsUp() {
        String[] t = TRANSLATION.split("\n");
        TranslationAlignment a = attribution.translation(ARTICLE, String.join("\n\n", t[0], t[1], t[3]));
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.untranslated()).extracting(SourceSpan::text).containsExactly(ARTICLE.split("\n")[2]);
        assertThat(a.paragraphs().get(2).source().text()).isEqualTo(ARTICLE.split("\n")[3]);
        assertThat(a.warnings()).containsExactly("untranslated-paragraph: 1 of 4 article paragraphs (indexes 2)");
    }

    @Test
    void aChangedNumberInAParagraphIsWarned() {
        String changed = TRANSLATION.replace("lasted 44 days", "lasted 45 days");
        TranslationAlignment a = attribution.translation(ARTICLE, changed);
        assertThat(a.paragraphs().get(2).missingNumbers()).containsExactly("45");
        assertThat(a.warnings()).containsExactly("paragraph-number-mismatch: paragraph 2 has numbers not in its source: 45");
    }

    @Test
    void aParagraphSplitInTwoKeepsItsSource() {
        String[] t = TRANSLATION.split("\n");
        String split = String.join("\n", "Turkish Defence Minister Hulusi Akar announced that Ankara would send 120 soldiers to a base in Aghdam.",
                "He said the mission would last five years.", t[1], t[2], t[3]);
        TranslationAlignment a = attribution.translation(ARTICLE, split);
        assertThat(a.paragraphs()).hasSize(5);
        assertThat(a.paragraphs().get(0).source()).isEqualTo(a.paragraphs().get(1).source());
        assertThat(a.paragraphs().get(4).source().text()).isEqualTo(ARTICLE.split("\n")[3]);
        assertThat(a.untranslated()).isEmpty();
    }

    @Test
    void wordKeysFoldCliticsForMatchingOnly() {
        assertThat(WordKeys.of("وبالحكومه")).contains("حكومه", "حكوم");
        assertThat(WordKeys.of("الحكومات")).contains("حكوم");
        assertThat(WordKeys.of("يطالب")).contains("~طالب");
        assertThat(WordKeys.of("تطالب")).contains("~طالب");
        assertThat(WordKeys.isStop("وفي")).isTrue();
        assertThat(List.of(Attribution.withoutBullet("1. نص"), Attribution.withoutBullet("• نص"), Attribution.withoutBullet("2016 نص")))
                .containsExactly("نص", "نص", "2016 نص");
    }

    /** Which words of a summary sentence speak of the article itself (1) rather than of the story (0). */
    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "فيما يلي لمحة عن الاتفاق|1 1 1 0 0",
            "ونستعرض أبرز ما جاء فيه|1 0 0 0 0",
            "إليكم التفاصيل|1 0",
            "واليكم التفاصيل|1 0",
            "نلقي نظرة على الاتفاق|1 1 0 0",
            "هذا المقال يتناول الحرب|1 1 0 0",
            "هذا الاتفاق ينهي الحرب|0 0 0 0",
            "تعرف على الاتفاق|1 1 0",
            "وقعت أذربيجان وأرمينيا اتفاقا|0 0 0 0",
            "في ما يلي|0 0 0" })
    void metaCuesMarkWordsAboutTheArticleItself(String sentence, String expected) {
        boolean[] cues = Attribution.metaCues(io.khulasa.glossary.ArabicFolding.words(sentence));
        StringBuilder found = new StringBuilder();
        for (boolean cue : cues) {
            found.append(found.isEmpty() ? "" : " ").append(cue ? 1 : 0);
        }
        assertThat(found.toString()).isEqualTo(expected);
    }
}
