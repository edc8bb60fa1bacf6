package dev.gradproof.benchmarks;

import dev.gradproof.gradcheck.engine.DetectionConfidence;
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
 * FAST's confidence statement alone ({@link DetectionConfidence#minDetectable}), for the shapes of the
 * gradcheck workloads: 4 directions over d checked elements and m outputs (m = 1 for a scalar loss).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class FastConfidenceBenchmark {

    /** d x m: the net at (16,100,50,10), tanh over 1,000, matmul 20x30 @ 30x20, tanh over 10,000,000. */
    @Param({"5500x1", "1000x1000", "1200x400", "10000000x10000000"})
    String shape;

    private int d;
    private int m;
    private final double[] taus = {1.1e-9, 2.3e-9, 1.7e-9, 0.9e-9};

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        d = Integer.parseInt(parts[0]);
        m = Integer.parseInt(parts[1]);
    }

    @Benchmark
    public double statement() {
        return DetectionConfidence.minDetectable(d, m, taus, 0.99);
    }
}
