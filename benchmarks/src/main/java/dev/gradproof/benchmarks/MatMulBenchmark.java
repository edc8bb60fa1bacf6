package dev.gradproof.benchmarks;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.kernel.MatMulKernel;
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
 * {@code Tensor.matmul} of two {@code n x n} matrices: GFLOP/s = {@code 2 n^3 / time}. Forked with
 * the Vector API by default; pass {@code -jvmArgs -Xmx2g} to measure the scalar fallback and
 * {@code -jvmArgsAppend -XX:ActiveProcessorCount=1} for one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class MatMulBenchmark {

    @Param({"64", "128", "256", "512"})
    int n;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        a = Tensor.randn(11, n, n);
        b = Tensor.randn(12, n, n);
        System.out.println("matmul kernel: " + MatMulKernel.kernelName() + ", processors "
                + Runtime.getRuntime().availableProcessors());
    }

    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
