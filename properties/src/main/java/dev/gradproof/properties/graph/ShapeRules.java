package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Shape;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.Arrays;
import java.util.List;

/**
 * The shape each op of {@link Ops} produces from the shapes of its inputs, with the checks that
 * make a {@link GraphSpec} well-formed before any engine sees it.
 */
public final class ShapeRules {

    /** The pseudo-op that cuts a node off the graph (an engine's {@code detach}). */
    public static final String DETACH = "detach";

    private ShapeRules() {
    }

    /**
     * The output shape of {@code call} applied to inputs of the given shapes.
     *
     * @throws IllegalArgumentException naming the op and the shapes when they do not fit
     */
    public static Shape outputShape(OpCall call, List<Shape> in) {
        String op = call.op();
        switch (op) {
            case Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.MAXIMUM, Ops.MINIMUM -> {
                arity(op, in, 2);
                return Shape.broadcast(in.get(0), in.get(1), op);
            }
            case Ops.NEG, Ops.EXP, Ops.LOG, Ops.SQRT, Ops.SQUARE, Ops.ABS, Ops.RECIPROCAL, Ops.ADD_CONSTANT,
                    Ops.MUL_CONSTANT, Ops.POW, Ops.SIGMOID, Ops.TANH, Ops.RELU, Ops.LEAKY_RELU, Ops.ELU, Ops.GELU,
                    Ops.SILU, Ops.NORMAL_CDF, DETACH -> {
                arity(op, in, 1);
                return in.get(0);
            }
            case Ops.SUM -> {
                arity(op, in, 1);
                return Shape.SCALAR;
            }
            case Ops.MEAN -> {
                arity(op, in, 1);
                require(in.get(0).size() > 0, op + ": no elements to average in shape " + in.get(0));
                return Shape.SCALAR;
            }
            case Ops.SUM_AXIS, Ops.MEAN_AXIS -> {
                arity(op, in, 1);
                Shape x = in.get(0);
                requireAxis(op, x, call.axis());
                require(!op.equals(Ops.MEAN_AXIS) || x.dim(call.axis()) > 0,
                        op + ": axis " + call.axis() + " of " + x + " is empty");
                return x.reduce(call.axis(), call.keepDims());
            }
            case Ops.BROADCAST_TO -> {
                arity(op, in, 1);
                Shape target = Shape.of(call.ints());
                require(in.get(0).broadcastsTo(target), op + ": shape " + in.get(0) + " does not broadcast to " + target);
                return target;
            }
            case Ops.RESHAPE -> {
                arity(op, in, 1);
                Shape target = Shape.of(call.ints());
                require(target.size() == in.get(0).size(),
                        op + ": cannot reshape " + in.get(0) + " to " + target);
                return target;
            }
            case Ops.TRANSPOSE -> {
                arity(op, in, 1);
                int[] dims = in.get(0).dims();
                int[] reversed = new int[dims.length];
                for (int i = 0; i < dims.length; i++) {
                    reversed[i] = dims[dims.length - 1 - i];
                }
                return Shape.of(reversed);
            }
            case Ops.MATMUL -> {
                arity(op, in, 2);
                Shape x = in.get(0);
                Shape w = in.get(1);
                require(x.rank() == 2 && w.rank() == 2 && x.dim(1) == w.dim(0),
                        op + ": inner dimensions differ: " + x + " @ " + w);
                return Shape.of(x.dim(0), w.dim(1));
            }
            case Ops.SOFTMAX, Ops.LOG_SOFTMAX -> {
                arity(op, in, 1);
                requireAxis(op, in.get(0), call.axis());
                return in.get(0);
            }
            case Ops.MAXOUT -> {
                arity(op, in, 5);
                return maxoutShape(in);
            }
            case Ops.SOFTMAX_CROSS_ENTROPY, Ops.SVM_HINGE -> {
                arity(op, in, 1);
                checkLabels(op, in.get(0), call.ints());
                return Shape.SCALAR;
            }
            case Ops.SUM_SQUARED_ERROR -> {
                arity(op, in, 2);
                require(in.get(0).equals(in.get(1)),
                        op + ": prediction shape " + in.get(0) + " differs from target shape " + in.get(1));
                return Shape.SCALAR;
            }
            case Ops.L2 -> {
                require(!in.isEmpty(), op + ": no weights given");
                return Shape.SCALAR;
            }
            default -> throw new IllegalArgumentException("unknown op \"" + op + "\"; known: " + Ops.ALL);
        }
    }

    private static Shape maxoutShape(List<Shape> in) {
        Shape x = in.get(0);
        Shape w1 = in.get(1);
        require(x.rank() == 2 && w1.rank() == 2 && w1.dim(0) == x.dim(1),
                "maxout: x " + x + " and w1 " + w1 + " do not multiply");
        Shape bias = Shape.of(w1.dim(1));
        require(in.get(2).equals(bias) && in.get(3).equals(w1) && in.get(4).equals(bias),
                "maxout: expected b1 " + bias + ", w2 " + w1 + ", b2 " + bias + " but got " + in.subList(2, 5));
        return Shape.of(x.dim(0), w1.dim(1));
    }

    private static void checkLabels(String op, Shape scores, int[] labels) {
        require(scores.rank() == 2, op + ": scores must be an [N, C] matrix, got " + scores);
        require(labels.length == scores.dim(0) && labels.length > 0,
                op + ": " + labels.length + " labels for scores " + scores);
        for (int i = 0; i < labels.length; i++) {
            require(labels[i] >= 0 && labels[i] < scores.dim(1),
                    op + ": label " + labels[i] + " at index " + i + " out of range for scores " + scores
                            + " (labels " + Arrays.toString(labels) + ")");
        }
    }

    private static void requireAxis(String op, Shape x, int axis) {
        require(axis >= 0 && axis < x.rank(), op + ": axis " + axis + " is out of range for shape " + x);
    }

    private static void arity(String op, List<Shape> in, int n) {
        require(in.size() == n, op + ": expects " + n + " inputs, got " + in.size());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
