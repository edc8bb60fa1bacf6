package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;

import java.util.List;

/**
 * Fills leaves from a shrinkable pool of values: each new tensor continues where the previous one
 * stopped, wrapping around, so that leaves differ while a shrunk pool (fewer, simpler values)
 * gives simpler leaves.
 */
final class ValuePool {

    private final List<Double> values;
    private int cursor;

    ValuePool(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("ValuePool: no values");
        }
        this.values = values;
    }

    /** The next tensor of the shape, every value multiplied by {@code scale}. */
    Tensor next(Shape shape, double scale) {
        Tensor tensor = TensorArbitrary.fill(shape, values, cursor, scale);
        cursor += tensor.size();
        return tensor;
    }
}
