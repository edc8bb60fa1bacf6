package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.DenseArray;

/** Conversions between gradproof's {@link Tensor} and the engine-neutral {@link DenseArray}. */
public final class DenseArrays {

    private DenseArrays() {
    }

    /** The tensor's elements and shape. */
    public static DenseArray of(Tensor tensor) {
        return new DenseArray(tensor.toArray(), tensor.dims());
    }

    /** A tensor with the array's elements and shape. */
    public static Tensor toTensor(DenseArray array) {
        return Tensor.of(array.data(), array.shape());
    }
}
