package dev.gradproof.benchmarks;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
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
 * Backward alone (each graph is recorded once): a scalar chain {@code y = y * 1.0} of
 * {@code length} nodes, whose time should grow linearly with the length, and a 1,000-node diamond
 * graph, {@code a = 0.5 a + tanh(a)} 333 times, where every node is reached by two paths.
 *
 * <p>The forks, like every fork of this suite but the 512 MB ones, run in a heap fixed at 2 GB
 * ({@code -Xms2g -Xmx2g}, as JMH advises): a heap that starts small and grows while the benchmark
 * runs collects far more often, with the million-node graph and a pass's working arrays live, on the
 * long chain than on the short one, so its collections rather than backward itself set the ratio
 * of the two (about 13 instead of 10.5 with the JVM's default initial heap).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class BackwardBenchmark {

    /** The chain, recorded once per trial. */
    @State(Scope.Benchmark)
    public static class Chain {
        @Param({"100000", "1000000"})
        int length;

        Variable input;
        Variable output;

        @Setup
        public void setUp() {
            input = Variable.scalar("x", 0.5);
            Variable y = input;
            for (int i = 0; i < length; i++) {
                y = y.mul(1.0);
            }
            output = y;
        }
    }

    /** The diamond, recorded once per trial. */
    @State(Scope.Benchmark)
    public static class Diamond {
        Variable input;
        Variable output;

        @Setup
        public void setUp() {
            input = Variable.leaf("x", Tensor.scalar(0.5));
            Variable a = input;
            for (int i = 0; i < 333; i++) {
                a = a.mul(0.5).add(a.tanh());
            }
            output = a;
        }
    }

    @Benchmark
    public Variable chain(Chain chain) {
        return Autograd.grad(chain.output, chain.input, false);
    }

    @Benchmark
    public Variable diamond(Diamond diamond) {
        return Autograd.grad(diamond.output, diamond.input, false);
    }
}
