package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** End-to-end: fixtures against their hand-checked cleaned output, titles, report, rejections. */
class ArticleCleanerTest {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    static final List<String> DIRTY = Fixtures.DIRTY;

    @ParameterizedTest
    @FieldSource("DIRTY")
    void fixtureMatchesGoldenOutput(String name) {
        CleanedArticle out = cleaner.clean(Fixtures.input(name));
        assertThat(out.text()).isEqualTo(Fixtures.expected(name));
    }

    @Test
    void referenceArticleEndToEnd() {
        CleanedArticle out = cleaner.clean(Fixtures.input("taif-post-karabakh.txt"));
        assertThat(out.title())
                .isEqualTo("محادثات روسية تركية جديدة بشأن سوريا وحديث عن حل للملف السوري على غرار ما جرى في “قره باغ”");
        assertThat(out.text()).isEqualTo(Fixtures.expected("taif-post-karabakh.txt"));
        CleaningReport r = out.report();
        assertThat(r.removedLines()).extracting(RemovedLine::rule).containsExactly(
                "duplicate-title", "duplicate-title", "byline", "related-link", "related-link");
        assertThat(r.removedLines()).filteredOn(l -> l.rule().equals("byline")).extracting(RemovedLine::line)
                .containsExactly("طيف بوست – فريق التحرير");
        assertThat(r.repairedWords()).extracting(RepairedWord::from, RepairedWord::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("الصـ.ـراع", "الصراع"),
                org.assertj.core.groups.Tuple.tuple("والصـ.ـراع", "والصراع"),
                org.assertj.core.groups.Tuple.tuple("لقـ.ـضية", "لقضية"),
                org.assertj.core.groups.Tuple.tuple("إطـ.ـلاق", "إطلاق"),
                org.assertj.core.groups.Tuple.tuple("النـ.ـار", "النار"),
                org.assertj.core.groups.Tuple.tuple("النـ.ـصر", "النصر"),
                org.assertj.core.groups.Tuple.tuple("المـ.ــؤلم", "المؤلم"));
        assertThat(r.repairedWords()).extracting(RepairedWord::rule).containsOnly("split-word");
        assertThat(r.rules()).containsEntry("split-word", 7).containsEntry("related-link", 2)
                .containsEntry("duplicate-title", 2).containsEntry("byline", 1);
        assertThat(r.source()).isNull();
        assertThat(r.charsIn()).isEqualTo(Fixtures.read("taif-post-karabakh.txt").codePointCount(0,
                Fixtures.read("taif-post-karabakh.txt").length()));
        assertThat(r.charsOut()).isEqualTo(out.text().length());
    }

    @Test
    void pastedArticleWithEveryKindOfJunk() {
        CleanedArticle out = cleaner.clean(Fixtures.input("gaza-aid.txt"));
        assertThat(out.title()).isEqualTo("الأمم المتحدة: دخول 130 شاحنة مساعدات إلى غزة عبر رفح");
        CleaningReport r = out.report();
        assertThat(r.source()).isEqualTo("وكالات");
        assertThat(r.rules()).containsKeys("duplicate-title", "byline", "related-link", "advertisement",
                "separator-line", "follow-prompt", "source-line", "split-word", "tatweel", "format-characters",
                "space-characters", "whitespace");
        assertThat(r.removedLines()).extracting(RemovedLine::rule, RemovedLine::line).contains(
                org.assertj.core.groups.Tuple.tuple("byline", "سكاي نيوز عربية - خاص"),
                org.assertj.core.groups.Tuple.tuple("related-link", "إقرأ أيضا"),
                org.assertj.core.groups.Tuple.tuple("related-link", "منظمة الصحة العالمية تحذر من انتشار الأوبئة في غزة"),
                org.assertj.core.groups.Tuple.tuple("advertisement", "مادة إعلانية"),
                org.assertj.core.groups.Tuple.tuple("source-line", "المصدر: وكالات"));
        assertThat(r.repairedWords()).extracting(RepairedWord::from, RepairedWord::to).contains(
                org.assertj.core.groups.Tuple.tuple("لإنـ،ـقاذ", "لإنقاذ"),
                org.assertj.core.groups.Tuple.tuple("الحكـ*ـومة", "الحكومة"),
                org.assertj.core.groups.Tuple.tuple("مساعــدات", "مساعدات"));
    }

    @Test
    void htmlPageTitleFromH1AndBoilerplateReported() {
        CleanedArticle out = cleaner.clean(Fixtures.input("oil-prices.html"));
        assertThat(out.title()).isEqualTo("النفط يرتفع بعد تمديد أوبك+ خفض الإنتاج");
        assertThat(out.report().rules()).containsKey("html-boilerplate").containsKey("duplicate-title");
        assertThat(out.report().removedLines()).extracting(RemovedLine::line)
                .anyMatch(l -> l.contains("الذهب يتراجع")).anyMatch(l -> l.contains("سارة الخطيب"));
        assertThat(out.text()).doesNotContain("googletag", "الرئيسية", "فيسبوك", "جميع الحقوق", "اشترك");
    }

    @Test
    void wordpressPageTitleFromOgTitleWithoutSiteSuffix() {
        CleanedArticle out = cleaner.clean(Fixtures.input("tech-ai-wordpress.html"));
        assertThat(out.title()).isEqualTo("شركة سعودية تطلق نموذجاً لغوياً عربياً جديداً");
        assertThat(out.report().removedLines()).extracting(RemovedLine::rule).contains("related-link",
                "follow-prompt", "html-boilerplate");
        assertThat(out.report().repairedWords()).extracting(RepairedWord::to).containsExactly("لغوياً", "الترجمة");
    }

    @Test
    void mojibakeArticleIsRepaired() {
        CleanedArticle out = cleaner.clean(Fixtures.input("syria-elections-mojibake.txt"));
        assertThat(out.report().rules()).containsKey("mojibake");
        assertThat(out.text()).startsWith("دمشق – أعلنت");
    }

    @Test
    void givenTitleIsCleanedAndRemovedFromTheTopOfTheBody() {
        String body = "العنـ.ـوان الرئيسي للخبر\n" + Fixtures.read("src/oil-prices.clean.txt");
        CleanedArticle out = cleaner.clean(new ArticleInput(body, null, " العنـ.ـوان\u200B الرئيسي للخبر "));
        assertThat(out.title()).isEqualTo("العنوان الرئيسي للخبر");
        assertThat(out.text()).isEqualTo(Fixtures.read("src/oil-prices.clean.txt").strip());
        assertThat(out.report().removedLines()).containsExactly(
                new RemovedLine("duplicate-title", "العنوان الرئيسي للخبر"));
    }

    @Test
    void givenTitleNotInBodyLeavesBodyAlone() {
        String body = Fixtures.read("src/tech-ai.clean.txt");
        CleanedArticle out = cleaner.clean(new ArticleInput(body, null, "عنوان آخر"));
        assertThat(out.title()).isEqualTo("عنوان آخر");
        assertThat(out.text()).isEqualTo(body.strip());
        assertThat(out.report().removedLines()).isEmpty();
    }

    @Test
    void plainTextWithoutRepeatedTitleHasNoTitle() {
        CleanedArticle out = cleaner.clean(Fixtures.text(Fixtures.read("src/tech-ai.clean.txt")));
        assertThat(out.title()).isNull();
        assertThat(out.report().rules()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Breaking news: the central bank raised interest rates by half a point on Tuesday, citing inflation.",
            "مرحبا بكم",
            "ــــــــ\n*****\n-----",
            "Oil prices rose on Wednesday after OPEC+ extended its output cuts into next year, traders said. النفط يرتفع",
            "   ",
            ""})
    void rejectsTextWithoutAnArabicArticle(String text) {
        assertThatThrownBy(() -> cleaner.clean(Fixtures.text(text)))
                .isInstanceOfSatisfying(ArticleRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("no-arabic-text"));
    }

    @Test
    void rejectsHtmlWithOnlyScripts() {
        String html = "<html><head><script>var a = 'نص عربي طويل جدا داخل سكربت لا يجب أن يظهر أبدا';</script>"
                + "<style>body{}</style></head><body><script>track()</script><nav>الرئيسية أخبار رياضة اقتصاد"
                + "</nav></body></html>";
        assertThatThrownBy(() -> cleaner.clean(Fixtures.html(html)))
                .isInstanceOfSatisfying(ArticleRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("no-arabic-text"));
    }

    @Test
    void rejectsUnrepairableMojibake() {
        // UTF-8 read as cp1256, then a byte lost (replaced by U+FFFD) on the way.
        String text = "ط§ظ„ط³ظˆط±ظٹط© ط§ظ„ظ…ط¹ط§ط±ط¶ط© ط§ظ�ظ„ط¬ظ†ط© ط§ظ„ظ‚ط¶ط§ط¦ظٹط© ط§ظ„ط¹ظ„ظٹط§ ظ„ظ„ط§ظ†طھط®ط§ط¨ط§طھ";
        assertThatThrownBy(() -> cleaner.clean(Fixtures.text(text)))
                .isInstanceOfSatisfying(ArticleRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("mojibake-unrepairable"));
    }

    @Test
    void rejectsInputWithBothOrNeitherTextAndHtml() {
        assertThatThrownBy(() -> cleaner.clean(new ArticleInput("a", "b", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cleaner.clean(new ArticleInput(null, null, "t")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneInstanceIsSafeToShareBetweenThreads() throws Exception {
        List<ArticleInput> inputs = Fixtures.DIRTY.stream().map(Fixtures::input).toList();
        List<String> expected = Fixtures.DIRTY.stream().map(Fixtures::expected).toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < inputs.size(); i++) {
                    int k = i;
                    results.add(pool.submit(() -> cleaner.clean(inputs.get(k)).text().equals(expected.get(k))));
                }
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        }
    }

    @Test
    void reportListsAreImmutable() {
        CleaningReport r = cleaner.clean(Fixtures.input("taif-post-karabakh.txt")).report();
        assertThatThrownBy(() -> r.removedLines().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
