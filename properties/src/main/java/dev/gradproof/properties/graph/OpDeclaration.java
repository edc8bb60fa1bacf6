package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.List;
import java.util.function.Predicate;

/**
 * Everything the kit knows of one op, in one place (as PyTorch's OpInfo or tinygrad's function
 * classes): its name, arity, parameter and the kit's values for it, its role, whether it is smooth,
 * which input must be positive, its output shape, the range of its values, how it prints and its
 * reference in autograd-core. {@link OpDeclarations} lists one per name of {@link Ops}; the shape
 * checks, the interval arithmetic of the generators, the printer and the autograd-core adapter all
 * read it, so that adding an op means adding its declaration (and its autograd-core method and
 * catalogue spec), not editing a switch in each.
 *
 * @param op            the name, one of {@link Ops}
 * @param arity         the number of inputs; {@link #VARIADIC} for any number (at least one)
 * @param parameter     which field of {@link OpCall} the op reads
 * @param defaults      the kit's values of a {@link Parameter#SCALAR} parameter (empty otherwise);
 *                      an engine may declare its own domain instead
 * @param role          an activation or a loss of the notes, or neither
 * @param smooth        whether every derivative is continuous on the generated domains (for second order)
 * @param positiveInput which calls need a positive input (log, sqrt, 1/x, a fractional or negative power)
 * @param shape         the output shape from the input shapes, checked (arity is checked before)
 * @param interval      a range containing every value, from the ranges and shapes of the inputs
 * @param printer       the expression, from the call and the operands' texts
 * @param infix         whether the expression is infix (an operand of another infix op gets parentheses)
 * @param reference     the op in autograd-core: the reference for values and gradients
 */
public record OpDeclaration(String op, int arity, Parameter parameter, double[] defaults, Role role, boolean smooth,
                            Predicate<OpCall> positiveInput, ShapeRule shape, IntervalRule interval, Printer printer,
                            boolean infix, Reference reference) {

    /** The arity of an op that takes any number of inputs ({@link Ops#L2}). */
    public static final int VARIADIC = -1;

    /** Which field of {@link OpCall} an op reads. */
    public enum Parameter {
        /** None. */
        NONE,
        /** {@code scalar}: a constant, exponent, slope, alpha or lambda. */
        SCALAR,
        /** {@code axis} and {@code keepDims}. */
        AXIS,
        /** {@code ints}: target dimensions. */
        DIMS,
        /** {@code ints}: class labels. */
        LABELS
    }

    /** The op's part in the notes. */
    public enum Role {
        /** An activation function. */
        ACTIVATION,
        /** A loss. */
        LOSS,
        /** Neither. */
        OTHER
    }

    /** The output shape of a call on inputs of these shapes. */
    @FunctionalInterface
    public interface ShapeRule {
        /** @throws IllegalArgumentException naming the op and the shapes when they do not fit */
        Shape apply(OpCall call, List<Shape> in);
    }

    /** A range containing every value of a call, from its inputs' ranges and shapes. */
    @FunctionalInterface
    public interface IntervalRule {
        Interval apply(OpCall call, List<Interval> in, List<Shape> shapes);
    }

    /** The expression of a call, from its operands' texts (already parenthesised where needed). */
    @FunctionalInterface
    public interface Printer {
        String print(OpCall call, List<String> operands);
    }

    /** The call applied in autograd-core. */
    @FunctionalInterface
    public interface Reference {
        Variable apply(OpCall call, List<Variable> in);
    }

    /** Copies the defaults. */
    public OpDeclaration {
        defaults = defaults.clone();
    }

    /** A copy of the kit's parameter values. */
    @Override
    public double[] defaults() {
        return defaults.clone();
    }

    /**
     * The output shape of {@code call} on inputs of these shapes, arity first.
     *
     * @throws IllegalArgumentException naming the op and the shapes when they do not fit
     */
    public Shape outputShape(OpCall call, List<Shape> in) {
        if (arity == VARIADIC ? in.isEmpty() : in.size() != arity) {
            throw new IllegalArgumentException(op + ": expects " + (arity == VARIADIC ? "at least 1" : arity)
                    + " inputs, got " + in.size());
        }
        return shape.apply(call, in);
    }

    /** Whether {@code call} needs a positive input. */
    public boolean needsPositiveInput(OpCall call) {
        return positiveInput.test(call);
    }
}
