package io.khulasa.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.khulasa.chunking.TokenEstimator;
import io.khulasa.guards.EchoGuard;
import io.khulasa.guards.NumberGuard;
import io.khulasa.guards.ReferenceOutputs;

/**
 * The output guards' and the token count's work on one request, on the reference article (5 KB) and its reference
 * summary and translation: what a summary request (number guard) and a translation request (number and echo guards)
 * check, and the article's token count every request takes. Run with {@code bench/guards.sh} ({@code -prof gc}: bytes
 * allocated per operation beside the time); a before/after runs it on both checkouts, back to back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class GuardsBenchmark {

    private final String source = ReferenceOutputs.SOURCE;
    private final NumberGuard numbers = new NumberGuard();
    private final EchoGuard echo = new EchoGuard();
    private final TokenEstimator tokens = new TokenEstimator();

    /** The number guard on a summary: every number of the answer looked up among the article's. */
    @Benchmark
    public List<String> numbersSummary() {
        return numbers.missingNumbers(source, ReferenceOutputs.SUMMARY);
    }

    /** The echo guard on a translation: the answer's 4-grams looked for in the article. */
    @Benchmark
    public Object echoTranslation() {
        return echo.check(source, ReferenceOutputs.TRANSLATION);
    }

    /** The article's token count, as the planner takes it (the segment cache warm, as in the service). */
    @Benchmark
    public int tokenCount() {
        return tokens.count(source);
    }
}
