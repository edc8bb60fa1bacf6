package dev.gradproof.autograd.nn;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

/**
 * A learnable tensor: a named slot holding the current leaf {@link Variable}.
 *
 * <p>Variables are immutable graph nodes, so an update does not write into a value that a recorded
 * graph might still read; {@link #set(Tensor)} puts a fresh leaf in the slot instead. Build each
 * forward pass from {@link #variable()} after the last update.
 */
public final class Parameter {

    private final String name;
    private Variable variable;

    /** A parameter with an initial value. */
    public Parameter(String name, Tensor initial) {
        this.name = name;
        this.variable = Variable.leaf(name, initial);
    }

    /** The name, e.g. {@code "layer1.W"}. */
    public String name() {
        return name;
    }

    /** The current leaf, to build a forward pass with. */
    public Variable variable() {
        return variable;
    }

    /** The current value. */
    public Tensor value() {
        return variable.value();
    }

    /** The gradient accumulated into the current leaf. */
    public Tensor grad() {
        return variable.grad();
    }

    /**
     * Replaces the value with a new leaf (whose gradient starts at zero).
     *
     * @throws IllegalArgumentException naming both shapes if the shape would change
     */
    public void set(Tensor value) {
        if (!value.shape().equals(variable.shape())) {
            throw new IllegalArgumentException("parameter " + name + ": new value has shape "
                    + value.shape() + " but the parameter has shape " + variable.shape());
        }
        variable = Variable.leaf(name, value);
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        variable.zeroGrad();
    }

    @Override
    public String toString() {
        return name + variable.shape();
    }
}
