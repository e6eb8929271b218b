package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text rules for the short blocks of a page: what each is, and the sentences that must stay article text. */
class PageFurnitureTest {

    @ParameterizedTest(name = "[{index}] {0} => {1}")
    @CsvSource(delimiterString = " => ", nullValues = "none", textBlock = """
            الإثنين، 13 مايو 2024 06:00 ص => dateline
            الثلاثاء 14 ماي 2024 - 10:00 => dateline
            نشر في: 13-05-2024 | 06:00 => dateline
            آخر تحديث: الإثنين، 13 مايو/أيار 2024، 06:00 GMT => dateline
            13 أيار/مايو 2024 => dateline
            الاثنين - 5 ذو القعدة 1445 هـ - 13 مايو 2024 مـ => dateline
            منذ ساعتين => dateline
            القاهرة - الإثنين 13 مايو 2024 => dateline
            13/5/2024 => dateline
            كتب أحمد سمير => byline
            كتب - محمد نصار: => byline
            بقلم: سارة الخطيب => byline
            بواسطة ليلى حداد => byline
            Author, زينب مصطفى => byline
            العربية.نت - يوسف المرزوقي => byline
            أبوظبي - سكاي نيوز عربية => byline
            الخرطوم / منى عبد الرحمن: => byline
            عدن/ الأناضول => byline
            تلفزيون المشرق | الأربعاء 29 نوفمبر 2026 => dateline
            الاتفاق | وقع الطرفان اتفاقا جديدا في 29 نوفمبر 2026 بعد مفاوضات. => none
            الطرفان/ وقعا اتفاقا جديدا لإنهاء الحرب في البلاد بعد سنوات. => none
            التالي => pager
            الخبر السابق => pager
            المقال التالي => pager
            © 2013 Cable News Network. A Time Warner Company. All Rights Reserved. => copyright
            جميع الحقوق محفوظة لليوم السابع © 2024 => copyright
            حقوق النشر محفوظة 2024 => copyright
            صدر الصورة، Getty Images => image-credit
            التعليق على الصورة، => image-credit
            تصوير: أحمد سمير => image-credit
            Getty Images => image-credit
            التعليقات المنشورة لا تعبر عن رأي الموقع وإنما تعبر عن رأي أصحابها. => comments
            الآراء الواردة في المقال لا تعكس بالضرورة رأي الموقع => disclaimer
            المقالات المنشورة تعبر عن آراء كتابها ولا تعبر بالضرورة عن رأي الصحيفة. => disclaimer
            المقال يعبر عن رأي كاتبه => disclaimer
            وقال المتحدث إن هذه التصريحات لا تعكس موقف الحكومة الرسمي. => none
            وأكد أن البيان لا يعبر عن رأي الأغلبية في البرلمان. => none
            في الولاية اليوم الاثنين. => none
            وقال الوزير إن الاجتماع سيعقد الإثنين 13 مايو 2024 في القاهرة بحضور الوفود. => none
            كتب الرئيس في تغريدة على حسابه أن الاتفاق سيوقع قريبا. => none
            التالي في جدول الأعمال هو ملف المياه. => none
            مصر - السودان: اتفاق جديد على تقاسم مياه النيل يثير جدلا واسعا في البلدين. => none
            الصورة تظهر حجم الدمار الذي لحق بالمباني => none
            رويترز => none
            عاجل => none
            """)
    void rule(String text, String rule) {
        assertThat(PageFurniture.rule(text)).isEqualTo(rule);
    }

    @ParameterizedTest(name = "[{index}] {0} => {1}")
    @CsvSource(delimiterString = " => ", nullValues = "none", textBlock = """
            اقرأ أيضاً => RELATED
            إقرأ أيضا: => RELATED
            اقرأ أيضاً: شركة صينية تطلق نموذجاً ينافس النماذج الأمريكية => RELATED
            الموضوعات المتعلقة => RELATED
            قصص مقترحة => RELATED
            مواضيع ذات صلة => RELATED
            أخبار ذات صلة => RELATED
            المزيد من سياسة => RELATED
            اخترنا لك => RELATED
            من نفس القسم => RELATED
            أخبار من نفس القسم => RELATED
            في القسم نفسه => RELATED
            من نفس المنطلق قررت الحكومة تأجيل الانتخابات. => none
            الأكثر قراءة => MOST_READ
            الأكثر مشاهدة => MOST_READ
            آخر الأخبار => MOST_READ
            الوسوم => TAGS
            الوسوم: غزة، مصر => TAGS
            كلمات مفتاحية => TAGS
            التعليقات => COMMENTS
            شارك برأيك => COMMENTS
            أضف تعليقك => COMMENTS
            وقال إن على الجميع أن يقرأ أيضاً التقرير الكامل قبل الحكم عليه. => none
            الأكثر تضررا من الأزمة هم سكان المناطق الريفية في الجنوب. => none
            تعليقات الوزير أثارت جدلا واسعا في البرلمان أمس. => none
            """)
    void marker(String text, String marker) {
        PageFurniture.Marker m = PageFurniture.marker(text);
        assertThat(m == null ? null : m.name()).isEqualTo(marker);
    }

    @ParameterizedTest
    @ValueSource(strings = {"صدر الصورة، Getty Images", "(رويترز)", "AFP", "أ ف ب", "تصوير: سارة العلي",
            "© WFP/Mariama Ali", "Getty Images / AFP", "الأناضول"})
    void creditsInAFigure(String text) {
        assertThat(PageFurniture.isCredit(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"فرق الإنقاذ تجلي السكان من المناطق التي غمرتها السيول",
            "وزير الخارجية الأمريكي خلال مؤتمر صحفي في واشنطن", "ناخبون أمام أحد مراكز الاقتراع في دمشق."})
    void captionsAreNotCredits(String text) {
        assertThat(PageFurniture.isCredit(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            اقـــرأ  أيضاً => اقرا ايضا
            الإثنين‏ => الاثنين
            مَدرسة => مدرسه
            Getty IMAGES => getty images
            """)
    void keyFoldsOnlyForMatching(String text, String key) {
        assertThat(PageFurniture.key(text)).isEqualTo(key);
    }
}
