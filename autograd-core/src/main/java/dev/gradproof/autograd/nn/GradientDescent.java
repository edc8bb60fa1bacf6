package dev.gradproof.autograd.nn;

import java.util.List;

/** Plain gradient descent, {@code w = w - learningRate * w.grad}, as in the notes. */
public final class GradientDescent {

    private final double learningRate;

    /** Gradient descent with a fixed learning rate. */
    public GradientDescent(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("gradient descent: learning rate must be positive and finite, got "
                    + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** The learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Moves every parameter against its gradient; the new values start with zero gradients. */
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            p.set(p.value().minusScaled(p.grad(), learningRate));
        }
    }
}
