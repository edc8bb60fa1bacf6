package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Matrices that can be multiplied in a chain, {@code [d0, d1] @ [d1, d2] @ ... @ [dk-1, dk]}.
 *
 * @param dims the dimensions {@code d0 .. dk}, at least two (one matrix)
 */
public record MatMulChain(List<Integer> dims) {

    /** Copies the dimensions. */
    public MatMulChain {
        dims = List.copyOf(dims);
        if (dims.size() < 2) {
            throw new IllegalArgumentException("MatMulChain: needs at least 2 dimensions, got " + dims);
        }
    }

    /** The shapes of the matrices, in order. */
    public List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i + 1 < dims.size(); i++) {
            shapes.add(Shape.of(dims.get(i), dims.get(i + 1)));
        }
        return shapes;
    }

    /** The shape of the product. */
    public Shape result() {
        return Shape.of(dims.get(0), dims.get(dims.size() - 1));
    }

    @Override
    public String toString() {
        return shapes() + " -> " + result();
    }
}
