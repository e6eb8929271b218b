package io.khulasa.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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

/**
 * Throughput of {@link ArticleCleaner} on whole pages ({@link BigPage}) of 1 MiB and 5 MiB: the same MB/s at both
 * sizes shows linear time. The {@code bytes} secondary metric is UTF-8 input bytes per second ({@code bench/html-page.sh}
 * prints it as MB/s, and runs it with {@code -prof gc} for the bytes allocated per page).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HtmlPageBenchmark {

    /** One page, built once. */
    @State(Scope.Benchmark)
    public static class Page {
        @Param({"1048576", "5242880"})
        public int bytes;

        final ArticleCleaner cleaner = new ArticleCleaner();
        ArticleInput input;
        long utf8Bytes;

        @Setup
        public void build() {
            String html = BigPage.build(bytes);
            input = new ArticleInput(null, html, null);
            utf8Bytes = html.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    @Benchmark
    @Warmup(iterations = 8, time = 1)
    @Measurement(iterations = 5, time = 2)
    public void page(Page state, CleanerBenchmark.Bytes bytes, Blackhole bh) {
        bh.consume(state.cleaner.clean(state.input));
        bytes.bytes += state.utf8Bytes;
    }
}
