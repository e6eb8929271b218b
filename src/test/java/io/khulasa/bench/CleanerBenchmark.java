package io.khulasa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.khulasa.cleaning.ArticleCleaner;
import io.khulasa.cleaning.ArticleInput;
import io.khulasa.cleaning.ArticleRejectedException;

/**
 * Throughput of {@link ArticleCleaner} on the realistic fixture articles and on adversarial inputs at two sizes
 * (256 KiB and 1 MiB: equal bytes/s at both sizes shows linear time). The {@code bytes} secondary metric is
 * UTF-8 input bytes per second; {@code bench/cleaner.sh} prints it as MB/s. Run with {@code bench/cleaner.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CleanerBenchmark {

    private static final String[] FIXTURES = {"taif-post-karabakh.txt", "gaza-aid.txt", "oil-prices.html",
            "syria-elections-mojibake.txt", "tech-ai-pdf.txt", "tech-ai-wordpress.html"};

    /** Counts input bytes per operation, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /** The realistic set: every dirty fixture article (text, HTML, mojibake, PDF paste). */
    @State(Scope.Benchmark)
    public static class Articles {
        final ArticleCleaner cleaner = new ArticleCleaner();
        final List<ArticleInput> inputs = new ArrayList<>();
        long utf8Bytes;

        @Setup
        public void load() {
            for (String name : FIXTURES) {
                String content = read(name);
                inputs.add(input(name, content));
                utf8Bytes += content.getBytes(StandardCharsets.UTF_8).length;
            }
        }
    }

    /** One fixture article at a time: which kind of dirt costs what. */
    @State(Scope.Benchmark)
    public static class OneArticle {
        @Param({"taif-post-karabakh.txt", "gaza-aid.txt", "oil-prices.html", "syria-elections-mojibake.txt",
                "tech-ai-pdf.txt"})
        public String name;

        final ArticleCleaner cleaner = new ArticleCleaner();
        ArticleInput input;
        long utf8Bytes;

        @Setup
        public void load() {
            String content = read(name);
            input = input(name, content);
            utf8Bytes = content.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** Adversarial inputs: correctness is covered by CleanerPropertiesTest, speed here. */
    @State(Scope.Benchmark)
    public static class Adversarial {
        @Param({"tatweel-dot-tatweel", "dots", "tatweel", "split-words-one-line", "letters-split", "mojibake"})
        public String kind;

        @Param({"262144", "1048576"})
        public int chars;

        final ArticleCleaner cleaner = new ArticleCleaner();
        ArticleInput input;
        long utf8Bytes;

        @Setup
        public void build() {
            String unit = switch (kind) {
                case "tatweel-dot-tatweel" -> "ـ.ـ";
                case "dots" -> ".";
                case "tatweel" -> "ـ";
                case "split-words-one-line" -> "الصـ.ـراع في إطـ.ـلاق النـ.ـار العـــربية 3.5 د. أحمد ";
                case "letters-split" -> "بـ.ـ";
                case "mojibake" -> "ط§ظ„ط³ظˆط±ظٹط© ";
                default -> throw new IllegalArgumentException(kind);
            };
            // letters-split ends on a letter so that the last «ـ.ـ» sits between two letters too
            String text = unit.repeat(chars / unit.length()) + (kind.equals("letters-split") ? "ب" : "");
            input = new ArticleInput(text, null, null);
            utf8Bytes = text.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    // The article benchmarks run the HTML path (jsoup), which needs ~10 s of JIT warm-up on this machine before it
    // reaches its steady state; the adversarial inputs (256 KiB–1 MiB per op) get there within a few iterations.
    @Benchmark
    @Warmup(iterations = 15, time = 1)
    @Measurement(iterations = 5, time = 1)
    public void articles(Articles state, Bytes bytes, Blackhole bh) {
        for (ArticleInput input : state.inputs) {
            bh.consume(state.cleaner.clean(input));
        }
        bytes.bytes += state.utf8Bytes;
    }

    @Benchmark
    @Warmup(iterations = 15, time = 1)
    @Measurement(iterations = 5, time = 1)
    public void article(OneArticle state, Bytes bytes, Blackhole bh) {
        bh.consume(state.cleaner.clean(state.input));
        bytes.bytes += state.utf8Bytes;
    }

    @Benchmark
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public void adversarial(Adversarial state, Bytes bytes, Blackhole bh) {
        try {
            bh.consume(state.cleaner.clean(state.input));
        } catch (ArticleRejectedException expected) {
            bh.consume(expected.code()); // junk-only inputs are rejected; the scan still ran in full
        }
        bytes.bytes += state.utf8Bytes;
    }

    static String read(String name) {
        try (InputStream in = CleanerBenchmark.class.getResourceAsStream("/articles/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArticleInput input(String name, String content) {
        return name.endsWith(".html") ? new ArticleInput(null, content, null) : new ArticleInput(content, null, null);
    }
}
