package io.khulasa.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.khulasa.chunking.TokenEstimator;
import io.khulasa.chunking.TokenEstimatorBefore;
import io.khulasa.guards.EchoGuard;
import io.khulasa.guards.EchoGuardBefore;
import io.khulasa.guards.NumberGuard;
import io.khulasa.guards.NumberGuardBefore;
import io.khulasa.guards.ReferenceOutputs;

/**
 * The output guards' and the token count's work on one request, before and after the cuts of issue 20 in one JMH run: {@code impl=before}
 * runs the frozen copies ({@link NumberGuardBefore}, {@link EchoGuardBefore}, {@link TokenEstimatorBefore}: the code
 * as of 271d3c8), {@code impl=after} the current classes, on the reference article (5 KB) and its reference summary
 * and translation — what a summary request (number guard) and a translation request (number and echo guards) check,
 * and the article's token count every request takes. Run with
 * {@code bench/guards.sh} ({@code -prof gc}: bytes allocated per operation beside the time).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class GuardsBenchmark {

    @Param({"before", "after"})
    public String impl;

    private final String source = ReferenceOutputs.SOURCE;
    private final NumberGuard numbers = new NumberGuard();
    private final NumberGuardBefore numbersBefore = new NumberGuardBefore();
    private final EchoGuard echo = new EchoGuard();
    private final EchoGuardBefore echoBefore = new EchoGuardBefore();
    private final TokenEstimator tokens = new TokenEstimator();
    private final TokenEstimatorBefore tokensBefore = new TokenEstimatorBefore();

    /** The number guard on a summary: every number of the answer looked up among the article's. */
    @Benchmark
    public List<String> numbersSummary() {
        return "before".equals(impl) ? numbersBefore.missingNumbers(source, ReferenceOutputs.SUMMARY)
                : numbers.missingNumbers(source, ReferenceOutputs.SUMMARY);
    }

    /** The echo guard on a translation: the answer's 4-grams looked for in the article. */
    @Benchmark
    public Object echoTranslation() {
        return "before".equals(impl) ? echoBefore.check(source, ReferenceOutputs.TRANSLATION)
                : echo.check(source, ReferenceOutputs.TRANSLATION);
    }

    /** The article's token count, as the planner takes it (the segment cache warm, as in the service). */
    @Benchmark
    public int tokenCount() {
        return "before".equals(impl) ? tokensBefore.count(source) : tokens.count(source);
    }
}
