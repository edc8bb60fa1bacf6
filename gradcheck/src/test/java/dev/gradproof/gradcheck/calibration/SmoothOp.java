package dev.gradproof.gradcheck.calibration;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Correct, smooth autograd-core functions with seeded samplers of valid inputs: the population
 * over which the tolerance model is calibrated (no false alarms) and its sensitivity measured.
 *
 * @param name     for tables
 * @param function the function
 * @param sampler  inputs at a random point (names, tensors)
 */
public record SmoothOp(String name, Function<List<Variable>, Variable> function,
                       Function<Random, List<Named>> sampler) {

    /** A named input tensor. */
    public record Named(String name, Tensor value) {
    }

    /** The catalogue used by the calibration. */
    public static List<SmoothOp> all() {
        return List.of(
                unary("sigmoid", Variable::sigmoid, -6, 6),
                unary("tanh", Variable::tanh, -3, 3),
                unary("exp", Variable::exp, -5, 5),
                unary("log", Variable::log, 0.05, 20),
                unary("sqrt", Variable::sqrt, 0.05, 20),
                unary("square", Variable::square, -10, 10),
                unary("pow3", v -> v.pow(3), -4, 4),
                unary("reciprocal", Variable::reciprocal, 0.2, 5),
                unary("normalCdf", Variable::normalCdf, -4, 4),
                unary("gelu", Variable::gelu, -4, 4),
                unary("silu", Variable::silu, -6, 6),
                unary("elu(alpha=1)", Variable::elu, -3, 3),
                new SmoothOp("mul", v -> v.get(0).mul(v.get(1)).sum(),
                        r -> List.of(named("a", r, -3, 3, 3, 4), named("b", r, -3, 3, 3, 4))),
                new SmoothOp("div", v -> v.get(0).div(v.get(1)).sum(),
                        r -> List.of(named("a", r, -3, 3, 3, 4), named("b", r, 0.5, 3, 3, 4))),
                new SmoothOp("broadcast add*mul", v -> v.get(0).add(v.get(1)).mul(v.get(0)).sum(),
                        r -> List.of(named("a", r, -2, 2, 3, 4), named("row", r, -2, 2, 4))),
                new SmoothOp("matmul (vector output)", v -> v.get(0).matmul(v.get(1)),
                        r -> List.of(named("a", r, -2, 2, 2, 3), named("b", r, -2, 2, 3, 2))),
                new SmoothOp("softmax (vector output)", v -> v.get(0).softmax(1),
                        r -> List.of(named("s", r, -4, 4, 2, 5))),
                new SmoothOp("logSoftmax (large output)", v -> v.get(0).logSoftmax(1),
                        r -> List.of(named("s", r, -4, 4, 4, 6))),
                new SmoothOp("softmaxCrossEntropy", v -> Losses.softmaxCrossEntropy(v.get(0), new int[] {0, 2, 1}),
                        r -> List.of(named("scores", r, -4, 4, 3, 4))),
                new SmoothOp("mean of tanh(x w)", v -> v.get(0).matmul(v.get(1)).tanh().mean(),
                        r -> List.of(named("x", r, -2, 2, 4, 3), named("w", r, -1, 1, 3, 5))),
                new SmoothOp("notes' network (sigmoid, SSE)",
                        v -> Losses.sumSquaredError(v.get(0).matmul(v.get(1)).sigmoid().matmul(v.get(2)), v.get(3)),
                        r -> List.of(named("x", r, -2, 2, 4, 5), named("w1", r, -1, 1, 5, 3),
                                named("w2", r, -1, 1, 3, 2), named("y", r, -2, 2, 4, 2))));
    }

    static SmoothOp unary(String name, Function<Variable, Variable> op, double lo, double hi) {
        return new SmoothOp(name, v -> op.apply(v.get(0)).sum(), r -> List.of(named("x", r, lo, hi, 2, 3)));
    }

    static Named named(String name, Random random, double lo, double hi, int... shape) {
        return new Named(name, Tensor.uniform(random, lo, hi, shape));
    }
}
