package dev.gradproof.properties.scalar;

import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.List;
import java.util.Set;

/**
 * What a scalar autograd engine (micrograd style: a node holds one number) supplies to the kit:
 * scalar ops only. {@link ScalarAdapter} builds the kit's tensors from it element by element
 * (broadcasting, sums, axes, matrix products), so that a scalar engine needs no tensor code.
 *
 * @param <S> the engine's scalar node type
 */
public interface ScalarEngine<S> {

    /** A short name for reports. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The scalar ops the engine implements, by the names of {@link Ops}: elementwise ones only
     * ({@link ScalarAdapter#ELEMENTWISE}); must include {@link Ops#ADD}.
     */
    Set<String> ops();

    /** A leaf that requires grad. */
    S leaf(double value);

    /**
     * Applies a scalar op: one input for unary ops (and the parameterised ones, whose parameter is
     * {@code call.scalar()}), two for add, sub, mul, div, maximum, minimum.
     */
    S apply(OpCall call, List<S> inputs);

    /** Backpropagates from {@code output}, with its gradient seeded to 1. */
    void backward(S output);

    /** The node's value. */
    double value(S node);

    /** The gradient accumulated into the node (0 if none flowed). */
    double grad(S node);

    /** {@link Capability#CONSTANTS} and {@link Capability#ZERO_GRAD} if implemented; none by default. */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /** A constant, if {@link Capability#CONSTANTS} is declared. */
    default S constant(double value) {
        throw new UnsupportedOperationException(name() + " does not declare constants");
    }

    /** Forgets the node's gradient, if {@link Capability#ZERO_GRAD} is declared. */
    default void zeroGrad(S node) {
        throw new UnsupportedOperationException(name() + " does not declare zeroGrad");
    }

    /**
     * What else the engine supports: repeated-backward semantics, precision, parameter domains. The
     * rank and broadcasting are the kit's (it builds the tensors), so they need not be declared.
     */
    default Capabilities declared() {
        return Capabilities.numpyStyle();
    }

    /** Faults its authors know of. */
    default List<KnownFault> knownFaults() {
        return List.of();
    }
}
