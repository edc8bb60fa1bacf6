package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;

import java.util.Objects;

/**
 * A leaf of a {@link GraphSpec}: a named value that either requires grad (a parameter or an input
 * to differentiate with respect to) or is a constant (data such as a network's {@code x}).
 *
 * @param name         unique within its graph; printed as {@code x0[2,3]}
 * @param value        the leaf's value
 * @param requiresGrad false for a constant
 */
public record LeafNode(String name, Tensor value, boolean requiresGrad) implements Node {

    /** Checks that name and value are present. */
    public LeafNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public Shape shape() {
        return value.shape();
    }
}
