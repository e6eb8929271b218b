package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
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

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            <article>P1<h3>اقرأ أيضاً</h3><ul><li><a href="/1">خبر أول مرتبط بالموضوع</a></li><li><a href="/2">خبر ثان مرتبط</a></li></ul>P2</article> => L1¶L2
            <article>P1<p><strong>اقرأ أيضاً</strong></p><p><a href="/1">خبر أول مرتبط</a></p><p><a href="/2">خبر ثان</a></p>P2</article> => L1¶L2
            <article>P1<section><h2>قصص مقترحة</h2><ul><li><h3><a href="/1">قصة مقترحة</a></h3><time>13 مايو 2024</time></li><li><h3><a href="/2">قصة أخرى</a></h3></li></ul></section>P2</article> => L1¶L2
            <article><div class="crumbs"><a href="/">الرئيسية</a> <a href="/n">أخبار عاجلة</a></div><h1>عنوان</h1>P1 P2</article> => L1¶L2
            <article><h1>عنوان</h1><span>كتب أحمد سمير</span><span>الإثنين، 13 مايو 2024 06:00 ص</span>P1 P2</article> => L1¶L2
            <article><h1>عنوان</h1><div><span>أبوظبي - سكاي نيوز عربية</span> <span>نشر في: 13-05-2024 | 06:00</span></div>P1 P2</article> => L1¶L2
            <article>P1<figure><img src="x.jpg"><p><span class="sr-only">صدر الصورة، </span><span>Getty Images</span></p><figcaption><span class="sr-only">التعليق على الصورة، </span>السكان يغادرون الحي</figcaption></figure>P2</article> => L1¶L2
            <article>P1<figure><img src="x.jpg"><figcaption>السكان يغادرون الحي <span class="credit">(رويترز)</span></figcaption></figure>P2</article> => L1¶L2
            <article>P1<div class="wp-caption"><img src="x.jpg"><p class="wp-caption-text">لقطة شاشة من المقطع المتداول</p></div>P2</article> => L1¶L2
            <article>P1<blockquote class="twitter-tweet"><p>نرحب بكل خطوة نحو السلام</p>— حساب (@acc) <a href="/s/1">November 29, 2026</a></blockquote>P2</article> => L1¶L2
            <article>P1<blockquote><p>نص المنشور المقتبس كما نشر في الحساب</p></blockquote>P2</article> => L1¶نص المنشور المقتبس كما نشر في الحساب¶L2
            <article>P1<div class="read-more"><div>اقرأ المزيد</div><div><a href="/1">عنوان خبر آخر</a><div>ملخص الخبر الآخر في سطر واحد طويل نسبيا يشرح ما جرى في مكان آخر من العالم</div></div></div>P2</article> => L1¶L2
            <article>P1 P2<div>الآراء الواردة في المقال لا تعكس بالضرورة رأي الموقع</div></article> => L1¶L2
            <div><div class="story">P1 P2</div><div><h2>من نفس القسم</h2><div><h3><a href="/n/1">عنوان خبر آخر</a></h3><p>أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف، وتشمل الخطة قروضا ميسرة وبذورا محسنة.</p></div><div><h3><a href="/n/2">عنوان خبر ثالث</a></h3><p>افتتح وزير الثقافة معرضا للفنون التشكيلية يضم أعمال أكثر من خمسين فنانا من مختلف الدول العربية.</p></div></div></div> => L1¶L2
            <article><section><h2><a href="#a">القسم الأول من التقرير</a></h2>P1</section>P2</article> => L1¶L2
            <article>P1<blockquote class="pull-quote"><p>جملة مكررة من النص</p></blockquote>P2</article> => L1¶L2
            <article><div class="head"><div><span>الحكم:</span> <span>مضلل</span></div><div>خاص</div><h1>عنوان</h1></div>P1 P2</article> => L1¶L2
            <article>P1 P2<div><a href="/p">الخبر السابق<br>عنوان الخبر السابق</a> <a href="/n">الخبر التالي<br>عنوان الخبر التالي</a></div></article> => L1¶L2
            <article>P1 P2<div><span>الوسوم</span> <a href="/t/1">غزة</a> <a href="/t/2">مصر</a></div></article> => L1¶L2
            <article>P1 P2<div><h3>شارك برأيك</h3><p>التعليقات المنشورة لا تعبر عن رأي الموقع وإنما عن رأي أصحابها.</p></div></article> => L1¶L2
            <article>P1 P2<div><h3>التعليقات</h3><p>مقال رائع ومفيد جدا وشكرا لكم على هذه التغطية الشاملة للحدث المهم.</p></div></article> => L1¶L2
            <article>P1 P2<p>© 2013 Cable News Network. A Time Warner Company. All Rights Reserved.</p></article> => L1¶L2
            <div><div class="story">P1 P2 P3</div><div><h2>الأكثر قراءة</h2><ol><li><a href="/1">خبر أول</a></li><li><a href="/2">خبر ثان</a></li><li><a href="/3">خبر ثالث</a></li></ol></div></div> => L1¶L2¶L3
            <div><div class="story">P1 P2 P3</div><ul><li><a href="/1">خبر أول في القائمة</a></li><li><a href="/2">خبر ثان في القائمة</a></li></ul></div> => L1¶L2¶L3
            <main><p style="display:none">نص مخفي لا يراه القارئ أبدا</p>P1 P2</main> => L1¶L2
            <main><p aria-hidden="true">نص مخفي لا يراه القارئ أبدا</p>P1 P2</main> => L1¶L2
            """)
    void pageFurniture(String html, String lines) {
        String expected = lines.replace("L1", L1).replace("L2", L2).replace("L3", L3).replace("¶", "\n");
        assertThat(clean(html).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            <html><head><title>CNN Arabic</title><meta property="og:title" content="الصحة تسجل إصابات جديدة"><meta property="og:site_name" content="CNN Arabic"></head><body><div id="hdr"><h1><a href="/">CNN</a></h1></div><h2>الصحة تسجل إصابات جديدة</h2>P1 P2</body></html> => الصحة تسجل إصابات جديدة
            <html><head><meta property="og:site_name" content="نافذة الأخبار"><meta property="og:title" content="الصحة تسجل إصابات جديدة"></head><body><h1>نافذة الأخبار</h1><h3>الصحة تسجل إصابات جديدة</h3>P1 P2</body></html> => الصحة تسجل إصابات جديدة
            <html><head><title>المؤتمر اليوم - الصحة تسجل إصابات جديدة في العاصمة</title></head><body><font><b>الصحة تسجل إصابات جديدة في العاصمة</b></font><br>P1 P2</body></html> => الصحة تسجل إصابات جديدة في العاصمة
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "الصحة تسجل إصابات جديدة"}</script></head><body>P1 P2</body></html> => الصحة تسجل إصابات جديدة
            <html><head><meta property="og:title" content="عنوان المشاركة على الشبكات"></head><body><header><h1>اسم الموقع</h1></header><article><h1>الصحة تسجل إصابات جديدة</h1>P1 P2</article></body></html> => الصحة تسجل إصابات جديدة
            """)
    void headline(String html, String title) {
        assertThat(clean(html).title()).isEqualTo(title);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", nullValues = "none", textBlock = """
            <html><head><meta property="og:site_name" content="الجزيرة نت"></head><body><h1>عنوان الخبر</h1>P1 P2</body></html> => الجزيرة نت
            <html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "عنوان الخبر", "publisher": {"@type": "Organization", "name": "عنب بلدي"}}]}</script></head><body>P1 P2</body></html> => عنب بلدي
            <html><head><title>الصحة تسجل إصابات جديدة - سكاي نيوز عربية</title></head><body>P1 P2</body></html> => سكاي نيوز عربية
            <html><head><meta name="application-name" content="البوابة"></head><body>P1 P2</body></html> => البوابة
            <html><head><title>وزير الصحة: الوضع تحت السيطرة</title></head><body>P1 P2</body></html> => none
            <body>P1 P2</body> => none
            """)
    void siteName(String html, String site) {
        CleanedArticle out = clean(html);
        assertThat(out.report().siteName()).isEqualTo(site);
        if (site != null) {
            assertThat(out.title()).isNotEqualTo(site);
        }
    }

    @Test
    void theBareSiteNameIsNeverTheTitle() {
        CleanedArticle out = clean("<html><head><title>CNN</title><meta property=\"og:site_name\" content=\"CNN\">"
                + "</head><body><h1>CNN</h1>P1 P2</body></html>");
        assertThat(out.report().siteName()).isEqualTo("CNN");
        assertThat(out.title()).isNull();
    }

    @Test
    void everyRemovedVisibleBlockIsOneReportedLineAndScriptsStylesHiddenAreNot() {
        CleanedArticle out = clean("<html><head><style>.x{color:red}</style><script>var s = 'نص سكربت';</script></head>"
                + "<body><nav><a>الرئيسية</a> <a>سياسة</a></nav><article><h1>عنوان الخبر</h1>"
                + "<div class=\"share\"><a>فيسبوك</a> <a>تويتر</a></div>P1<p hidden>نص مخفي</p>"
                + "<span class=\"visually-hidden\">تسمية مخفية</span>P2</article>"
                + "<aside><h3>الأكثر قراءة</h3><ul><li><a>خبر</a></li></ul></aside>"
                + "<footer>© 2024 الموقع. جميع الحقوق محفوظة</footer></body></html>");
        assertThat(out.report().removedLines()).extracting(RemovedLine::rule, RemovedLine::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("navigation", "الرئيسية سياسة"),
                org.assertj.core.groups.Tuple.tuple("duplicate-title", "عنوان الخبر"),
                org.assertj.core.groups.Tuple.tuple("html-boilerplate", "فيسبوك تويتر"),
                org.assertj.core.groups.Tuple.tuple("sidebar", "الأكثر قراءة خبر"),
                org.assertj.core.groups.Tuple.tuple("page-footer", "© 2024 الموقع. جميع الحقوق محفوظة"));
        assertThat(out.report().rules()).containsEntry("hidden-element", 2);
        assertThat(out.report().removedLines()).extracting(RemovedLine::line)
                .noneMatch(l -> l.contains("سكربت") || l.contains("مخفي") || l.contains("color"));
    }

    @Test
    void reportedLinesAreCutAt200CharactersAndAt200Entries() {
        StringBuilder html = new StringBuilder("<body><article>P1 P2 P3");
        for (int i = 0; i < 450; i++) {
            html.append("<div class=\"ad-slot\">إعلان رقم ").append(i).append(' ').append("نص ".repeat(i % 100))
                    .append("</div>");
        }
        CleanedArticle out = clean(html.append("</article></body>").toString());
        assertThat(out.text()).isEqualTo(String.join("\n", L1, L2, L3));
        assertThat(out.report().removedLines()).hasSize(200)
                .allSatisfy(l -> assertThat(l.line().length()).isLessThanOrEqualTo(200));
        assertThat(out.report().removedLines()).anySatisfy(l -> assertThat(l.line()).hasSize(200).endsWith("…"));
        assertThat(out.report().rules()).containsEntry("html-boilerplate", 450);
    }

    @Test
    void pageTextStaysDisplaySafe() {
        String p = "<p>قالَ الوزيرُ إنّ عدد المستفيدين بلغ ١٢٠٠ أسرة في إربد وآلاف الأسر في مدينة الرمادي، مؤكداً "
                + "أن المساعدات ستستمر حتى نهاية عام ٢٠٢٤.</p>";
        CleanedArticle out = clean("<html><body><article><h1>عنوان</h1>" + p + P1 + "</article></body></html>");
        assertThat(out.text()).startsWith("قالَ الوزيرُ إنّ عدد المستفيدين بلغ ١٢٠٠ أسرة في إربد وآلاف")
                .contains("مؤكداً").contains("٢٠٢٤");
    }

    @Test
    void aPageThatRendersItsStoryWithScriptsFallsBackToTheJsonLdArticleBody() {
        String body = L1 + "\\n" + L2 + "\\n" + L3 + "\\n" + L1;
        CleanedArticle out = clean("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                + "\"headline\": \"الصحة تسجل إصابات جديدة\", \"articleBody\": \"" + body + "\"}</script></head>"
                + "<body><div id=\"app\"><h1>الصحة تسجل إصابات جديدة</h1><p>جار التحميل…</p></div></body></html>");
        assertThat(out.title()).isEqualTo("الصحة تسجل إصابات جديدة");
        assertThat(out.text()).isEqualTo(String.join("\n", L1, L2, L3, L1));
        assertThat(out.report().removedLines()).extracting(RemovedLine::rule).contains("outside-article");
    }

    @Test
    void malformedJsonLdAndUnclosedMarkupAreTolerated() {
        CleanedArticle out = clean("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArt"
                + "</script></head><body><article><h1>عنوان<p>" + L1 + "<p>" + L2 + "<div><span>" + L3);
        assertThat(out.text()).contains(L1, L2, L3);
    }

    @Test
    void cssInJsScreenReaderLabelsAreHidden() {
        CleanedArticle out = clean("<html><head><style>.bbc-1lz3zh0{clip-path:inset(100%);clip:rect(1px,1px,1px,1px);"
                + "height:1px;overflow:hidden;position:absolute;width:1px;margin:0}@media (max-width:600px){.bbc-9{display:"
                + "none}}</style></head><body><main><h1>عنوان</h1><p><span class=\"bbc-1lz3zh0\">Author, </span>"
                + "<span>بي بي سي</span></p><p class=\"bbc-9\">" + L1 + "</p>P2</main></body></html>");
        assertThat(out.text()).doesNotContain("Author").contains(L1, L2);
        assertThat(Map.copyOf(out.report().rules())).containsEntry("hidden-element", 1);
    }
}
