package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule 2, split-word repair, through the character pipeline (so tatweel runs after it, as in production). */
class SplitWordRepairTest {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    private String clean(String s, CleaningLog log) {
        return cleaner.cleanCharacters(s, log);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            الصـ.ـراع => الصراع
            المـ.ــؤلم => المؤلم
            إطـ.ـلاق النـ.ـار => إطلاق النار
            الاحتـ..ـلال => الاحتلال
            بــيـ,ــع => بيع
            فـ.ـلـ.ـسـ.ـطـ.ـيـ.ـن => فلسطين
            حـ*ـماس => حماس
            لإنـ،ـقاذ => لإنقاذ
            ســ.ـكـِلـ.ــيـ.ـف => سكِليف
            لقـ.ـضية إقليم => لقضية إقليم
            الجيـ_ـش => الجيش
            الاقتـ-ـصاد => الاقتصاد
            الـ.ـمعارضة => المعارضة
            قـ•ـصف => قصف
            الحـ·ـرب => الحرب
            تـ...ـفجير => تفجير
            الصـ.ـراع، => الصراع،
            (الصـ.ـراع) => (الصراع)
            “النـ.ـصر” => “النصر”
            الانـ.ـتخابات الـرئاسية => الانتخابات الرئاسية
            اغتـ.ـيال => اغتيال
            المـ.ـقـ.ـاومة => المقاومة
            قـ.ـتـ.ـلى => قتلى
            الصـ/ـواريخ => الصواريخ
            داعـ|ـش => داعش
            الـمـ.ـسـ.ـلـحـة => المسلحة
            الـقـ.ـصـ.ـف الإسـ.ـرائيلي => القصف الإسرائيلي
            شـُهـ.ـداء => شُهداء
            """)
    void repairsSplitWords(String in, String expected) {
        CleaningLog log = new CleaningLog();
        assertThat(clean(in, log)).isEqualTo(expected);
        assertThat(log.rules).containsKey(RuleNames.SPLIT_WORD);
        assertThat(log.repairedWords).extracting(RepairedWord::rule).contains(RuleNames.SPLIT_WORD);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ارتفع بنسبة 3.5 بالمئة
            نزح 1.5 مليون شخص
            قال د. أحمد المنصوري
            أ.د. محمد علي
            في القرن الخامس ق.م
            ص.ب 123 الرياض
            في عام 1445 هـ.
            نقلاً عن موقع العربية.نت
            خاشقجي.. السعودية تعترف
            قال لـCNN إن
            الدول الـ16 الأعضاء
            نحو الـ 130 ألف نازح
            وصفها بـ"أعلى" مستوى
            www.aljazeera.net
            الساعة 09:30 صباحاً
            في 2023/11/29
            القوات الأمريكية U.S. Army
            ـ.ـ
            كلمة.
            الـ.ـ16
            """)
    void neverTouches(String in) {
        CleaningLog log = new CleaningLog();
        assertThat(clean(in, log)).isEqualTo(in);
        assertThat(log.repairedWords).isEmpty();
        assertThat(log.flagged).isEmpty();
    }

    @ParameterizedTest(name = "{0} flagged as {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            نص.وهذا => dot-between-words
            قال إن الاتفاق.وأضاف أن => dot-between-words
            خاشقجي..السعودية => dot-between-words
            الـ....ـصراع => split-word
            """)
    void flagsWithoutChanging(String in, String rule) {
        CleaningLog log = new CleaningLog();
        assertThat(clean(in, log)).isEqualTo(in);
        assertThat(log.flagged).extracting(FlaggedToken::rule).containsExactly(rule);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            المـ.ــؤلم، => المـ.ــؤلم|المؤلم
            “الصـ.ـراع” => الصـ.ـراع|الصراع
            بــيـ,ــع => بــيـ,ــع|بيع
            """)
    void reportsTheWholeWordWithoutSurroundingPunctuation(String in, String fromTo) {
        CleaningLog log = new CleaningLog();
        clean(in, log);
        String[] ft = fromTo.split("\\|");
        assertThat(log.repairedWords).containsExactly(new RepairedWord(RuleNames.SPLIT_WORD, ft[0], ft[1]));
    }
}
