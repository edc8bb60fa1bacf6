package dev.gradproof.properties.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One op to apply, by name, with its parameters; see {@link Ops} for which op reads which field.
 * Fields an op does not read are zero, false or empty.
 *
 * @param op       the op's name, one of {@link Ops}
 * @param scalar   a constant: the c of addConstant, the a of mulConstant, an exponent, a slope, an
 *                 alpha or a lambda
 * @param axis     the axis of a reduction or a softmax (non-negative)
 * @param keepDims whether a reduction along an axis keeps it with size 1
 * @param ints     target dimensions (reshape, broadcastTo) or class labels (the losses)
 */
public record OpCall(String op, double scalar, int axis, boolean keepDims, int[] ints) {

    /** Copies {@code ints}. */
    public OpCall {
        Objects.requireNonNull(op, "op");
        ints = ints.clone();
    }

    /** An op without parameters. */
    public static OpCall of(String op) {
        return new OpCall(op, 0.0, 0, false, new int[0]);
    }

    /** An op with one constant. */
    public static OpCall withScalar(String op, double scalar) {
        return new OpCall(op, scalar, 0, false, new int[0]);
    }

    /** A reduction or softmax along {@code axis}. */
    public static OpCall alongAxis(String op, int axis, boolean keepDims) {
        return new OpCall(op, 0.0, axis, keepDims, new int[0]);
    }

    /** An op with dimensions or labels. */
    public static OpCall withInts(String op, int... ints) {
        return new OpCall(op, 0.0, 0, false, ints);
    }

    /** A copy of {@link #ints}. */
    @Override
    public int[] ints() {
        return ints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpCall other && op.equals(other.op)
                && Double.doubleToLongBits(scalar) == Double.doubleToLongBits(other.scalar)
                && axis == other.axis && keepDims == other.keepDims && Arrays.equals(ints, other.ints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, scalar, axis, keepDims, Arrays.hashCode(ints));
    }

    @Override
    public String toString() {
        return op + "(scalar=" + scalar + ", axis=" + axis + ", keepDims=" + keepDims
                + ", ints=" + Arrays.toString(ints) + ")";
    }
}
