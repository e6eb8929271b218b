package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTML extraction: what becomes a line, what is dropped, where the title comes from. */
class HtmlExtractorTest {

    private static final String P1 = "<p>أعلنت وزارة الصحة، الأحد، تسجيل 12 إصابة جديدة بالفيروس في العاصمة.</p>";
    private static final String P2 = "<p>وقال المتحدث باسم الوزارة إن الوضع تحت السيطرة وإن الفرق الطبية تعمل على مدار الساعة.</p>";
    private static final String P3 = "<p>ودعت الوزارة المواطنين إلى الالتزام بإجراءات الوقاية وتجنب التجمعات الكبيرة.</p>";
    private static final String L1 = "أعلنت وزارة الصحة، الأحد، تسجيل 12 إصابة جديدة بالفيروس في العاصمة.";
    private static final String L2 = "وقال المتحدث باسم الوزارة إن الوضع تحت السيطرة وإن الفرق الطبية تعمل على مدار الساعة.";
    private static final String L3 = "ودعت الوزارة المواطنين إلى الالتزام بإجراءات الوقاية وتجنب التجمعات الكبيرة.";

    private final ArticleCleaner cleaner = new ArticleCleaner();

    private CleanedArticle clean(String html) {
        return cleaner.clean(Fixtures.html(html.replace("P1", P1).replace("P2", P2).replace("P3", P3)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            <html><head><title>الصحة تسجل إصابات جديدة - الجزيرة نت</title></head><body>P1 P2</body></html> => الصحة تسجل إصابات جديدة
            <html><head><title>الصحة تسجل إصابات جديدة | سكاي نيوز عربية</title></head><body>P1 P2</body></html> => الصحة تسجل إصابات جديدة
            <html><head><meta property="og:title" content="الصحة تسجل إصابات جديدة – عنب بلدي"><title>x</title></head><body>P1 P2</body></html> => الصحة تسجل إصابات جديدة
            <html><head><title>وزير الصحة: الوضع تحت السيطرة</title></head><body>P1 P2</body></html> => وزير الصحة: الوضع تحت السيطرة
            <html><head><title>موقع</title></head><body><h1>الصحة تسجل 12 إصابة</h1>P1 P2</body></html> => الصحة تسجل 12 إصابة
            <html><body><article><h1>عنوان داخل المقال</h1>P1</article><h1>عنوان آخر</h1>P2</body></html> => عنوان داخل المقال
            <html><head><title>العنـ.ـوان المـــزخرف - موقع</title></head><body>P1 P2</body></html> => العنوان المزخرف
            """)
    void title(String html, String title) {
        assertThat(clean(html).title()).isEqualTo(title);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            <body>P1<script>var x = "نص عربي داخل سكربت";</script>P2</body> => L1¶L2
            <body><nav><a>الرئيسية</a><a>سياسة</a></nav>P1 P2</body> => L1¶L2
            <body>P1<aside><p>الأكثر قراءة اليوم في الموقع</p></aside>P2</body> => L1¶L2
            <body>P1<div class="share-buttons"><a>فيسبوك</a></div>P2</body> => L1¶L2
            <body>P1<div class="related-articles"><a>خبر ذو صلة بالموضوع</a></div>P2</body> => L1¶L2
            <body>P1<div id="author-box">محرر الأخبار المحلية</div>P2</body> => L1¶L2
            <body>P1<div class="adSlot">إعلان تجاري مدفوع</div>P2</body> => L1¶L2
            <body>P1<section role="complementary">محتوى جانبي عن الطقس</section>P2</body> => L1¶L2
            <body>P1<form><p>اشترك في النشرة البريدية</p></form>P2</body> => L1¶L2
            <body>P1<div hidden>نص مخفي عن القارئ تماما</div>P2</body> => L1¶L2
            <body><div class="post-body has-sidebar">P1 P2 P3</div></body> => L1¶L2¶L3
            <body><h2>عنوان فرعي للخبر</h2>P1<br>P2</body> => عنوان فرعي للخبر¶L1¶L2
            <body><p>السطر الأول من الفقرة<br>السطر الثاني منها</p>P1</body> => السطر الأول من الفقرة¶السطر الثاني منها¶L1
            <body><p>كلمة<b>مهمة</b> و<a href="#">رابط</a> في   النص</p>P1</body> => كلمةمهمة ورابط في النص¶L1
            <body><p>رمز &amp; كيان&nbsp;HTML</p>P1</body> => رمز & كيان HTML¶L1
            <body><ul><li>النقطة الأولى</li><li>النقطة الثانية</li></ul>P1</body> => النقطة الأولى¶النقطة الثانية¶L1
            <body><header class="site-header"><a class="logo">الموقع</a></header><main>P1 P2</main></body> => L1¶L2
            <body><div itemprop="articleBody">P1 P2</div><div>تعليقات القراء</div></body> => L1¶L2
            """)
    void body(String html, String lines) {
        String expected = lines.replace("L1", L1).replace("L2", L2).replace("L3", L3).replace("¶", "\n");
        assertThat(clean(html).text()).isEqualTo(expected);
    }
}
