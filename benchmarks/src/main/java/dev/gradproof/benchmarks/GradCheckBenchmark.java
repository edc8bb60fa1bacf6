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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole gradient check through gradcheck's public API, one worker thread (as PyTorch's
 * gradcheck runs) unless {@code -p workers=2} asks for more (gradcheck's default is one per
 * processor), FULL or FAST, on the workloads of the performance issue: the notes' network at
 * three sizes (data {@code x} and targets {@code y} excluded, {@code w1} and {@code w2} checked),
 * tanh over 1,000 elements, and matmul 20x30 @ 30x20 (both operands checked).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class GradCheckBenchmark {

    @Param({"net:4x10x8x3", "net:8x50x20x5", "net:16x100x50x10", "tanh:1000", "matmul:20x30@30x20"})
    String workload;

    @Param({"FULL", "FAST"})
    String mode;

    /** Worker threads of the numerical side ({@code GradCheck.parallelism}). */
    @Param({"1"})
    int workers;

    private GradCheck check;

    @Setup
    public void setUp() {
        check = Workloads.gradCheck(workload)
                .mode(dev.gradproof.gradcheck.model.Mode.valueOf(mode))
                .parallelism(workers);
        GradCheckResult first = check.check();
        System.out.println(workload + " " + mode + ": " + first.verdict() + ", " + first.run().forwardEvaluations()
                + " forward evaluations, " + first.run().backwardPasses() + " backward passes");
    }

    @Benchmark
    public GradCheckResult check() {
        return check.check();
    }
}
