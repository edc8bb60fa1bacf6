package dev.gradproof.benchmarks;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.autograd.kernel.MatMulKernel;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One gradient-descent step of the notes' network, {@code loss = sum((sigmoid(x w1) w2 - y)^2)}:
 * forward, backward for {@code w1} and {@code w2}, update. {@link #autograd()} records the graph
 * and backpropagates through it; {@link #handWritten()} is the notes' numpy step written in flat
 * Java over {@code double[]} (the matmul kernels and plain loops, a fresh array per intermediate as
 * numpy makes), the floor that the autograd step's overhead is measured against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class TrainingStepBenchmark {

    /** The notes' learning rate. */
    static final double LEARNING_RATE = 1e-4;

    @Param({"8x50x20x5", "64x1000x100x10"})
    String net;

    private TwoLayerNet sizes;
    private Variable x;
    private Variable y;
    private Variable w1;
    private Variable w2;
    private double[] flatX;
    private double[] flatY;
    private double[] flatW1;
    private double[] flatW2;

    @Setup
    public void setUp() {
        sizes = TwoLayerNet.parse(net);
        x = Variable.constant("x", sizes.x());
        y = Variable.constant("y", sizes.y());
        w1 = Variable.leaf("w1", sizes.w1());
        w2 = Variable.leaf("w2", sizes.w2());
        flatX = sizes.x().toArray();
        flatY = sizes.y().toArray();
        flatW1 = sizes.w1().toArray();
        flatW2 = sizes.w2().toArray();
    }

    @Benchmark
    public double autograd() {
        Variable loss = TwoLayerNet.loss(x, w1, w2, y);
        List<Variable> grads = Autograd.grad(loss, List.of(w1, w2), false);
        w1 = Variable.leaf("w1", w1.value().minusScaled(grads.get(0).value(), LEARNING_RATE));
        w2 = Variable.leaf("w2", w2.value().minusScaled(grads.get(1).value(), LEARNING_RATE));
        return loss.value().item();
    }

    @Benchmark
    public double handWritten() {
        int n = sizes.n();
        int dIn = sizes.dIn();
        int hid = sizes.hidden();
        int dOut = sizes.dOut();
        double[] xs = flatX;
        double[] ys = flatY;
        double[] h = new double[n * hid];                                   // h = 1 / (1 + np.exp(-x.dot(w1)))
        MatMulKernel.matmul(xs, flatW1, h, n, dIn, hid);
        for (int i = 0; i < h.length; i++) {
            h[i] = 1.0 / (1.0 + Math.exp(-h[i]));
        }
        double[] yPred = new double[n * dOut];                              // y_pred = h.dot(w2)
        MatMulKernel.matmul(h, flatW2, yPred, n, hid, dOut);
        double loss = 0;                                                    // loss = np.square(y_pred - y).sum()
        double[] gradYPred = new double[yPred.length];                      // grad_y_pred = 2.0 * (y_pred - y)
        for (int i = 0; i < yPred.length; i++) {
            double d = yPred[i] - ys[i];
            loss += d * d;
            gradYPred[i] = 2.0 * d;
        }
        double[] gradW2 = new double[hid * dOut];                           // grad_w2 = h.T.dot(grad_y_pred)
        MatMulKernel.matmulTransposedA(h, gradYPred, gradW2, hid, n, dOut);
        double[] gradH = new double[n * hid];                               // grad_h = grad_y_pred.dot(w2.T)
        MatMulKernel.matmulTransposedB(gradYPred, flatW2, gradH, n, dOut, hid);
        double[] gradZ = new double[n * hid];                               // grad_h * h * (1 - h)
        for (int i = 0; i < gradZ.length; i++) {
            gradZ[i] = gradH[i] * h[i] * (1.0 - h[i]);
        }
        double[] gradW1 = new double[dIn * hid];                            // grad_w1 = x.T.dot(grad_h * h * (1 - h))
        MatMulKernel.matmulTransposedA(xs, gradZ, gradW1, dIn, n, hid);
        double[] newW1 = new double[flatW1.length];                         // w1 -= learning_rate * grad_w1
        for (int i = 0; i < newW1.length; i++) {
            newW1[i] = flatW1[i] - LEARNING_RATE * gradW1[i];
        }
        double[] newW2 = new double[flatW2.length];                         // w2 -= learning_rate * grad_w2
        for (int i = 0; i < newW2.length; i++) {
            newW2[i] = flatW2[i] - LEARNING_RATE * gradW2[i];
        }
        flatW1 = newW1;
        flatW2 = newW2;
        return loss;
    }
}
