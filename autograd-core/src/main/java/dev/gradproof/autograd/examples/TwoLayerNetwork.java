package dev.gradproof.autograd.examples;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.autograd.nn.GradientDescent;
import dev.gradproof.autograd.nn.Parameter;

import java.io.PrintStream;
import java.util.List;
import java.util.Random;

/**
 * The notes' 20-line two-layer network, with the hand-written backward pass replaced by the
 * autograd:
 *
 * <pre>
 * N, D_in, H, D_out = 64, 1000, 100, 10
 * x, y = randn(N, D_in), randn(N, D_out)
 * w1, w2 = randn(D_in, H), randn(H, D_out)
 * for t in range(2000):
 *     h = 1 / (1 + np.exp(-x.dot(w1)))
 *     y_pred = h.dot(w2)
 *     loss = np.square(y_pred - y).sum()
 *     ... backward ...
 *     w1 -= 1e-4 * grad_w1
 *     w2 -= 1e-4 * grad_w2
 * </pre>
 *
 * <p>Run it with {@code mvn -q -pl autograd-core compile exec:java}; arguments
 * {@code [steps] [seed]} (default 2000 steps, seed 0).
 */
public final class TwoLayerNetwork {

    /** Batch size, input, hidden and output dimensions, and learning rate of the notes. */
    public static final int N = 64;
    /** Input dimension. */
    public static final int D_IN = 1000;
    /** Hidden dimension. */
    public static final int H = 100;
    /** Output dimension. */
    public static final int D_OUT = 10;
    /** Learning rate. */
    public static final double LEARNING_RATE = 1e-4;

    private final Tensor x;
    private final Tensor y;
    private final Parameter w1;
    private final Parameter w2;
    private final GradientDescent descent = new GradientDescent(LEARNING_RATE);

    /** The network of the notes with data and weights drawn from {@code seed}. */
    public TwoLayerNetwork(long seed) {
        this(seed, N, D_IN, H, D_OUT);
    }

    /** The same network with other sizes, for quick tests. */
    public TwoLayerNetwork(long seed, int n, int dIn, int h, int dOut) {
        Random random = new Random(seed);
        x = Tensor.randn(random, n, dIn);
        y = Tensor.randn(random, n, dOut);
        w1 = new Parameter("w1", Tensor.randn(random, dIn, h));
        w2 = new Parameter("w2", Tensor.randn(random, h, dOut));
    }

    /** The loss of the current weights: {@code sum((sigmoid(x w1) w2 - y)^2)}. */
    public Variable loss() {
        Variable h = Variable.constant("x", x).matmul(w1.variable()).sigmoid();
        Variable yPred = h.matmul(w2.variable());
        return Losses.sumSquaredError(yPred, Variable.constant("y", y));
    }

    /** One step of gradient descent; returns the loss before the step. */
    public double step() {
        Variable loss = loss();
        loss.backward();
        descent.step(List.of(w1, w2));
        return loss.value().item();
    }

    /** The data. */
    public Tensor x() {
        return x;
    }

    /** The targets. */
    public Tensor y() {
        return y;
    }

    /** The first layer's weights. */
    public Parameter w1() {
        return w1;
    }

    /** The second layer's weights. */
    public Parameter w2() {
        return w2;
    }

    /**
     * Trains for {@code steps} steps, printing the loss every {@code every} steps and at the end.
     *
     * @return the loss before each step
     */
    public double[] train(int steps, int every, PrintStream out) {
        double[] losses = new double[steps];
        for (int t = 0; t < steps; t++) {
            losses[t] = step();
            if (t % every == 0 || t == steps - 1) {
                out.printf("step %4d  loss %.6e%n", t, losses[t]);
            }
        }
        return losses;
    }

    /** Runs the notes' network: {@code [steps] [seed]}. */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0L;
        System.out.printf("Two-layer network of the notes: N=%d D_in=%d H=%d D_out=%d, sigmoid, "
                + "squared error, learning rate %.0e, %d steps, seed %d%n", N, D_IN, H, D_OUT, LEARNING_RATE, steps, seed);
        long start = System.nanoTime();
        double[] losses = new TwoLayerNetwork(seed).train(steps, 100, System.out);
        System.out.printf("loss fell from %.6e to %.6e in %.1f s%n", losses[0], losses[steps - 1],
                (System.nanoTime() - start) / 1e9);
    }
}
