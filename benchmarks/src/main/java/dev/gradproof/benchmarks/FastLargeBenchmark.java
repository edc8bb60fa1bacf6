package dev.gradproof.benchmarks;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
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

/**
 * FAST on tanh over 10,000,000 elements in a 512 MB heap: whether the checker runs within a few
 * copies of its input, and how long one check takes (single shots: one check is seconds long).
 * An {@code OutOfMemoryError} here is a result, reported by JMH as the benchmark's failure: the
 * checker records one thrown inside the function as a failed check (a FUNCTION_COMPLETES finding)
 * within milliseconds, so a check that does not pass is thrown, not timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector", "-Xmx512m"})
public class FastLargeBenchmark {

    /** Elements of the input. */
    static final int SIZE = 10_000_000;

    private GradCheck check;

    @Setup
    public void setUp() {
        check = Workloads.gradCheck("tanh:" + SIZE).mode(dev.gradproof.gradcheck.model.Mode.FAST).parallelism(1);
    }

    @Benchmark
    public GradCheckResult fastTanh() {
        GradCheckResult result = check.check();
        if (!result.passed()) {
            throw new IllegalStateException("FAST on " + SIZE + " elements did not pass: " + result.failureMessage());
        }
        return result;
    }
}
