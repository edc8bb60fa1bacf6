package dev.gradproof.gradcheck.catalogue;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sample's computation described without autograd-core, so that any engine can replay it: one op
 * by the contract kit's name ({@code dev.gradproof.properties.engine.Ops}), its parameters as the
 * kit's {@code OpCall} reads them, and which of the sample's inputs it is applied to. The runner of
 * the catalogue against any engine ({@code dev.gradproof.properties.kit.OpCatalogueContract}) turns
 * it into an {@code OpCall}; a test there replays every call through autograd-core's adapter and
 * requires the catalogue's own value bitwise, so the description cannot drift from the sample.
 *
 * @param op       the kit's op name: {@code "leakyRelu"} for the specs {@code leakyRelu} and
 *                 {@code leakyRelu(slope)}, {@code "softmaxCrossEntropy(sum)"} for a loss summed
 * @param scalar   the constant of addConstant and mulConstant, an exponent, a slope, an alpha, a lambda
 * @param axis     the axis of an axis reduction or a softmax, as the catalogue gives it (negative
 *                 counts from the end; the runner makes it non-negative)
 * @param keepDims whether an axis reduction keeps the axis
 * @param ints     target dimensions (reshape, broadcastTo), the two axes of transposeAxes, or class labels
 * @param operands per argument of the op, the index of the sample's input it takes: {@code {0, 1}}
 *                 for {@code a op b}, {@code {0, 0}} for a fork such as {@code x + x}
 */
public record SampleCall(String op, double scalar, int axis, boolean keepDims, int[] ints, int[] operands) {

    /**
     * Checks and copies the arrays.
     *
     * @throws IllegalArgumentException for a blank op or an operand below 0
     */
    public SampleCall {
        Objects.requireNonNull(op, "op");
        if (op.isBlank()) {
            throw new IllegalArgumentException("SampleCall: the op is blank");
        }
        ints = ints.clone();
        operands = operands.clone();
        for (int k = 0; k < operands.length; k++) {
            if (operands[k] < 0) {
                throw new IllegalArgumentException("SampleCall " + op + ": operand " + k + " is input " + operands[k]);
            }
        }
    }

    /** {@code op} on the first {@code arity} inputs, in order, without parameters. */
    public static SampleCall of(String op, int arity) {
        return new SampleCall(op, 0, 0, false, new int[0], firstInputs(arity));
    }

    /** A unary op with a constant. */
    public static SampleCall withScalar(String op, double scalar) {
        return new SampleCall(op, scalar, 0, false, new int[0], firstInputs(1));
    }

    /** A variadic op with a constant over the first {@code arity} inputs ({@code l2}). */
    public static SampleCall withScalar(String op, double scalar, int arity) {
        return new SampleCall(op, scalar, 0, false, new int[0], firstInputs(arity));
    }

    /** A unary reduction or softmax along {@code axis}. */
    public static SampleCall alongAxis(String op, int axis, boolean keepDims) {
        return new SampleCall(op, 0, axis, keepDims, new int[0], firstInputs(1));
    }

    /** A unary op with dimensions, axes or labels. */
    public static SampleCall withInts(String op, int... ints) {
        return new SampleCall(op, 0, 0, false, ints, firstInputs(1));
    }

    /** This call applied to other inputs: {@code onInputs(0, 0)} makes the fork {@code op(x, x)}. */
    public SampleCall onInputs(int... inputs) {
        return new SampleCall(op, scalar, axis, keepDims, ints, inputs);
    }

    private static int[] firstInputs(int arity) {
        int[] inputs = new int[arity];
        for (int k = 0; k < arity; k++) {
            inputs[k] = k;
        }
        return inputs;
    }

    /** A copy of the ints. */
    @Override
    public int[] ints() {
        return ints.clone();
    }

    /** A copy of the operands. */
    @Override
    public int[] operands() {
        return operands.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleCall other && op.equals(other.op)
                && Double.doubleToLongBits(scalar) == Double.doubleToLongBits(other.scalar) && axis == other.axis
                && keepDims == other.keepDims && Arrays.equals(ints, other.ints) && Arrays.equals(operands, other.operands);
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, scalar, axis, keepDims, Arrays.hashCode(ints), Arrays.hashCode(operands));
    }

    /** {@code sumAxis(axis=1, keepDims=true) of inputs [0]}: the op and the parameters it was given. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(op).append('(');
        String sep = "";
        if (scalar != 0) {
            text.append("scalar=").append(scalar);
            sep = ", ";
        }
        if (axis != 0 || keepDims) {
            text.append(sep).append("axis=").append(axis).append(", keepDims=").append(keepDims);
            sep = ", ";
        }
        if (ints.length > 0) {
            text.append(sep).append("ints=").append(Arrays.toString(ints));
        }
        return text.append(") of inputs ").append(Arrays.toString(operands)).toString();
    }
}
