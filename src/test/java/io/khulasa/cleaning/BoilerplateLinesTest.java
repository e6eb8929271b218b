package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rule 4, whole-line boilerplate. Tables: input lines (¶ separated) => expected lines => rules that fired.
 * A body sentence («جملة عادية ...») pads every case so the context looks like an article.
 */
class BoilerplateLinesTest {

    private static final String BODY = "وقال المتحدث إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة القطرية.";
    private final BoilerplateLines rules = new BoilerplateLines();

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.replace("BODY", BODY).split(" ?¶ ?"));
    }

    private void check(String in, String expected, String fired, String title) {
        CleaningLog log = new CleaningLog();
        BoilerplateLines.Result r = rules.apply(lines(in), title, log);
        assertThat(r.lines()).isEqualTo(lines(expected));
        List<String> rulesFired = fired.equals("-") ? List.of() : Arrays.asList(fired.split(","));
        assertThat(log.rules.keySet()).containsExactlyInAnyOrderElementsOf(rulesFired);
        assertThat(log.removedLines).allSatisfy(l -> assertThat(rulesFired).contains(l.rule()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            BODY ¶ اقرأ أيضاً: ترمب يوجه صفعة جديدة لنظام الأسد..! ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ اقرأ أيضا | القوات التركية تنشئ قاعدة جديدة ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ ايضاً ¶ BODY => BODY ¶ ايضاً ¶ BODY => -
            BODY ¶ اقرأ ايضاً: عنوان الخبر المرتبط ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ إقرأ أيضا: عنوان الخبر المرتبط ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ اقرأ أيضًا / عنوان الخبر المرتبط ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ قد يهمك أيضا: عنوان الخبر المرتبط ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ قد يهمك: عنوان الخبر المرتبط ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ شاهد أيضاً: فيديو لحظة انهيار المبنى ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ اقرأ أيضا عنوان بلا فاصل ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ مواضيع ذات صلة ¶ عنوان الخبر المرتبط ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ اقرأ أيضاً: ¶ الاحتلال يقتحم مخيم جنين فجراً ¶ BODY => BODY ¶ BODY => related-link
            BODY ¶ اقرأ أيضا ¶ BODY ¶ BODY => BODY ¶ BODY ¶ BODY => related-link
            BODY ¶ وقال إن على الجميع أن يقرأ أيضاً التقرير => BODY ¶ وقال إن على الجميع أن يقرأ أيضاً التقرير => -
            BODY ¶ شاهد أيضا عشرات الأشخاص الحادث من شرفات منازلهم. => BODY ¶ شاهد أيضا عشرات الأشخاص الحادث من شرفات منازلهم. => -
            BODY ¶ تابعونا على فيسبوك وتويتر ¶ BODY => BODY ¶ BODY => follow-prompt
            BODY ¶ شارك الخبر ¶ BODY => BODY ¶ BODY => follow-prompt
            BODY ¶ لمتابعة آخر الأخبار اشترك في قناتنا على تلغرام => BODY => follow-prompt
            BODY ¶ فيسبوك تويتر واتساب => BODY => follow-prompt
            BODY ¶ تابعوا آخر الأخبار عبر موقعنا => BODY => follow-prompt
            BODY ¶ يتم نشر جزء من الأخبار لمشتركي الخدمة على الموقع. للاشتراك يرجى التواصل مع قسم الاشتراكات. => BODY => follow-prompt
            BODY ¶ للاشتراك في النشرة البريدية اضغط هنا ¶ BODY => BODY ¶ BODY => follow-prompt
            BODY ¶ ودعت الوزارة المواطنين للاشتراك في حملة التطعيم. => BODY ¶ ودعت الوزارة المواطنين للاشتراك في حملة التطعيم. => -
            BODY ¶ وقال إن رسوم الاشتراك سترتفع. للاشتراكات السنوية خصم. => BODY ¶ وقال إن رسوم الاشتراك سترتفع. للاشتراكات السنوية خصم. => -
            BODY ¶ وتابع الوزير قائلاً إن الحكومة ماضية في خططها. => BODY ¶ وتابع الوزير قائلاً إن الحكومة ماضية في خططها. => -
            BODY ¶ مادة إعلانية ¶ BODY => BODY ¶ BODY => advertisement
            BODY ¶ إعلان ¶ BODY => BODY ¶ BODY => advertisement
            BODY ¶ إعلان الحكومة حالة الطوارئ جاء بعد ساعات. => BODY ¶ إعلان الحكومة حالة الطوارئ جاء بعد ساعات. => -
            BODY ¶ ـــــــ ¶ BODY => BODY ¶ BODY => separator-line
            BODY ¶ ***** ¶ BODY => BODY ¶ BODY => separator-line
            BODY ¶ ----- ¶ BODY => BODY ¶ BODY => separator-line
            BODY ¶ • • • => BODY => separator-line
            BODY ¶ 2023 => BODY ¶ 2023 => -
            BODY ¶ المصدر: الجزيرة => BODY => source-line
            BODY ¶ المصدر: وكالات ¶ BODY => BODY ¶ المصدر: وكالات ¶ BODY => -
            BODY ¶ المصدر الأساسي للدخل هو النفط. => BODY ¶ المصدر الأساسي للدخل هو النفط. => -
            BODY ¶ المصدر: رويترز ¶ تابعونا على تلغرام => BODY => source-line,follow-prompt
            طيف بوست – فريق التحرير ¶ BODY => BODY => byline
            الجزيرة نت - خاص ¶ BODY => BODY => byline
            عنب بلدي | محمد حسن ¶ BODY => BODY => byline
            بقلم: أحمد علي ¶ BODY => BODY => byline
            كتب: محمود السيد ¶ BODY => BODY => byline
            دبي، الإمارات العربية المتحدة (CNN) -- ¶ BODY => دبي، الإمارات العربية المتحدة (CNN) -- ¶ BODY => -
            BODY ¶ عنب بلدي | محمد حسن => BODY ¶ عنب بلدي | محمد حسن => -
            كتب الرئيس في تغريدة أن الحرب ستنتهي قريباً ¶ BODY => كتب الرئيس في تغريدة أن الحرب ستنتهي قريباً ¶ BODY => -
            العنوان المكرر للخبر ¶ العنوان المكرر للخبر ¶ BODY => BODY => duplicate-title
            العنوان المكرر للخبر ¶ العنوان المكرر للخبر ¶ الموقع - خاص ¶ BODY => BODY => duplicate-title,byline
            الموقع - خاص ¶ العنوان المكرر للخبر ¶ العنوان المكرر للخبر ¶ BODY => BODY => duplicate-title,byline
            BODY ¶ BODY => BODY ¶ BODY => -
            """)
    void lineRules(String in, String expected, String fired) {
        check(in, expected, fired, null);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            عنوان الخبر ¶ BODY => BODY => duplicate-title
            عنوان الخبر. ¶ BODY => BODY => duplicate-title
            طيف بوست – فريق التحرير ¶ عنوان الخبر ¶ BODY => BODY => duplicate-title,byline
            BODY ¶ عنوان الخبر => BODY ¶ عنوان الخبر => -
            """)
    void knownTitleRemovedFromTop(String in, String expected, String fired) {
        check(in, expected, fired, "عنوان الخبر");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            العنوان ¶ العنوان ¶ BODY => العنوان
            BODY ¶ العنوان ¶ العنوان => -
            """)
    void detectsRepeatedTitle(String in, String title) {
        BoilerplateLines.Result r = rules.apply(lines(in), null, new CleaningLog());
        assertThat(r.detectedTitle()).isEqualTo(title.equals("-") ? null : title);
    }
}
