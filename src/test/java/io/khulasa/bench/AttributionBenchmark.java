package io.khulasa.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.khulasa.attribution.ArticleIndex;
import io.khulasa.attribution.Attribution;
import io.khulasa.attribution.SummaryAttribution;
import io.khulasa.attribution.TranslationAlignment;
import io.khulasa.cleaning.ArticleCleaner;
import io.khulasa.cleaning.ArticleInput;
import io.khulasa.cleaning.ArticleRejectedException;

/**
 * Latency of the summary support check (issue 21: ≤ 2 ms p50): the reference article ({@code taif-post-karabakh.txt},
 * 5 KB, cleaned as {@code POST /v1/clean} would) and a 5-sentence summary of it, one of them merging two article
 * sentences and one foreign. Each operation indexes the article and attributes the summary, as one request would.
 * {@code SampleTime} gives the percentiles (p50 is the figure). Run with {@code bench/attribution.sh}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AttributionBenchmark {

    /** Five sentences, as a model would write them about the reference article. */
    static final String SUMMARY = String.join(" ",
            "التقى وزير الدفاع التركي خلوصي آكار نظيره الروسي سيرغي شويغو في موسكو لبحث مرحلة ما بعد الحرب في قره باغ.",
            "وبحث الوزيران إنشاء مركز مراقبة مشترك لوقف إطلاق النار في الإقليم.",
            "وتنص الاتفاقية على نشر قوات حفظ سلام روسية وانسحاب القوات الأرمينية من المناطق المحتلة.",
            "وأكد آكار أن تركيا ستواصل دعم أذربيجان، فيما أشار شويغو إلى أهمية التعاون بين البلدين.",
            "وارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج.");

    final Attribution attribution = new Attribution();
    String article;
    String translation;

    @Setup
    public void load() throws ArticleRejectedException {
        String raw = CleanerBenchmark.read("taif-post-karabakh.txt");
        article = new ArticleCleaner().clean(new ArticleInput(raw, null, null)).text();
        StringBuilder t = new StringBuilder();
        for (String paragraph : article.split("\n")) {
            t.append("An English paragraph of about the same length as its source, with numbers such as 2020. ")
                    .append("x".repeat(Math.max(0, paragraph.length() - 90))).append('\n');
        }
        translation = t.toString();
        SummaryAttribution check = attribution.summary(article, SUMMARY);
        if (check.sentences().size() != 5 || check.unsupportedIndexes().size() != 1) {
            throw new IllegalStateException("the benchmark summary should have 5 sentences, the last one unsupported: "
                    + check.unsupportedIndexes() + " of " + check.sentences().size());
        }
    }

    /** Index the 5 KB article alone: what every summary request reads beside its model call (issue 20). */
    @Benchmark
    public ArticleIndex index() {
        return attribution.index(null, article);
    }

    /** Index the 5 KB article and attribute the 5-sentence summary: what one summary response costs. */
    @Benchmark
    public SummaryAttribution summary() {
        return attribution.summary(article, SUMMARY);
    }

    /** Read the article's paragraphs and align a translation of it paragraph by paragraph. */
    @Benchmark
    public TranslationAlignment translation() {
        return attribution.translation(article, translation);
    }
}
