package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Shape;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.Arrays;
import java.util.List;

/**
 * The shape each op of {@link Ops} produces from the shapes of its inputs (each op's rule is in its
 * {@link OpDeclaration}), with the checks that make a {@link GraphSpec} well-formed before any
 * engine sees it.
 */
public final class ShapeRules {

    /** The pseudo-op that cuts a node off the graph (an engine's {@code detach}). */
    public static final String DETACH = "detach";

    private ShapeRules() {
    }

    /**
     * The output shape of {@code call} applied to inputs of the given shapes: the op's
     * {@link OpDeclaration}, or the input's shape for {@link #DETACH}.
     *
     * @throws IllegalArgumentException naming the op and the shapes when they do not fit
     */
    public static Shape outputShape(OpCall call, List<Shape> in) {
        if (call.op().equals(DETACH)) {
            require(in.size() == 1, DETACH + ": expects 1 input, got " + in.size());
            return in.get(0);
        }
        return OpDeclarations.of(call.op()).outputShape(call, in);
    }

    /** The dimensions reversed (transpose). */
    static Shape reversed(Shape x) {
        int[] dims = x.dims();
        int[] reversed = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            reversed[i] = dims[dims.length - 1 - i];
        }
        return Shape.of(reversed);
    }

    /** Axes {@code dims[0]} and {@code dims[1]} swapped. */
    static Shape swapped(Shape x, int[] dims) {
        require(dims.length == 2, Ops.TRANSPOSE_AXES + ": needs two axes, got " + Arrays.toString(dims));
        requireAxis(Ops.TRANSPOSE_AXES, x, dims[0]);
        requireAxis(Ops.TRANSPOSE_AXES, x, dims[1]);
        int[] out = x.dims();
        out[dims[0]] = x.dim(dims[1]);
        out[dims[1]] = x.dim(dims[0]);
        return Shape.of(out);
    }

    /** {@code [B, m, k] @ [k, n]} or {@code [B, m, k] @ [B, k, n]}, both {@code [B, m, n]}. */
    static Shape batchMatmulShape(Shape x, Shape w) {
        require(x.rank() == 3 && (w.rank() == 2 || w.rank() == 3 && w.dim(0) == x.dim(0))
                        && x.dim(2) == w.dim(w.rank() - 2),
                Ops.BATCH_MATMUL + ": expected [B, m, k] @ [k, n] or [B, k, n], got " + x + " @ " + w);
        return Shape.of(x.dim(0), x.dim(1), w.dim(w.rank() - 1));
    }

    /** {@code [m, k] @ [k, n] = [m, n]}. */
    static Shape matmulShape(Shape x, Shape w) {
        require(x.rank() == 2 && w.rank() == 2 && x.dim(1) == w.dim(0),
                Ops.MATMUL + ": inner dimensions differ: " + x + " @ " + w);
        return Shape.of(x.dim(0), w.dim(1));
    }

    static Shape maxoutShape(List<Shape> in) {
        Shape x = in.get(0);
        Shape w1 = in.get(1);
        require(x.rank() == 2 && w1.rank() == 2 && w1.dim(0) == x.dim(1),
                "maxout: x " + x + " and w1 " + w1 + " do not multiply");
        Shape bias = Shape.of(w1.dim(1));
        require(in.get(2).equals(bias) && in.get(3).equals(w1) && in.get(4).equals(bias),
                "maxout: expected b1 " + bias + ", w2 " + w1 + ", b2 " + bias + " but got " + in.subList(2, 5));
        return Shape.of(x.dim(0), w1.dim(1));
    }

    static void checkLabels(String op, Shape scores, int[] labels) {
        require(scores.rank() == 2, op + ": scores must be an [N, C] matrix, got " + scores);
        require(labels.length == scores.dim(0) && labels.length > 0,
                op + ": " + labels.length + " labels for scores " + scores);
        for (int i = 0; i < labels.length; i++) {
            require(labels[i] >= 0 && labels[i] < scores.dim(1),
                    op + ": label " + labels[i] + " at index " + i + " out of range for scores " + scores
                            + " (labels " + Arrays.toString(labels) + ")");
        }
    }

    static void requireAxis(String op, Shape x, int axis) {
        require(axis >= 0 && axis < x.rank(), op + ": axis " + axis + " is out of range for shape " + x);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
