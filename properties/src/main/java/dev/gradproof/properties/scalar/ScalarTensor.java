package dev.gradproof.properties.scalar;

import java.util.Arrays;
import java.util.List;

/**
 * A tensor of a scalar engine's nodes, row-major: the node type of {@link ScalarAdapter}.
 *
 * @param shape    the dimensions
 * @param elements one scalar node per element
 * @param <S>      the engine's scalar node type
 */
public record ScalarTensor<S>(int[] shape, List<S> elements) {

    /** Copies; the number of elements must fill the shape. */
    public ScalarTensor {
        shape = shape.clone();
        elements = List.copyOf(elements);
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != elements.size()) {
            throw new IllegalArgumentException("ScalarTensor: " + elements.size() + " elements do not fill shape "
                    + Arrays.toString(shape));
        }
    }

    /** A copy of the dimensions. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Element {@code i}, row-major. */
    public S get(int i) {
        return elements.get(i);
    }

    /** The number of elements. */
    public int size() {
        return elements.size();
    }
}
