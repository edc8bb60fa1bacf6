package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;

import java.util.List;

/**
 * Two or more shapes that broadcast together under numpy's rules, such as {@code [2, 3]},
 * {@code [3]} and {@code []}.
 *
 * @param shapes the shapes, at least two
 */
public record BroadcastShapes(List<Shape> shapes) {

    /** Copies the shapes and checks that they broadcast. */
    public BroadcastShapes {
        shapes = List.copyOf(shapes);
        broadcast(shapes);
    }

    /** Shape {@code i}. */
    public Shape get(int i) {
        return shapes.get(i);
    }

    /** The shape they broadcast to. */
    public Shape result() {
        return broadcast(shapes);
    }

    private static Shape broadcast(List<Shape> shapes) {
        Shape result = shapes.get(0);
        for (Shape s : shapes.subList(1, shapes.size())) {
            result = Shape.broadcast(result, s, "BroadcastShapes");
        }
        return result;
    }

    @Override
    public String toString() {
        return shapes + " -> " + result();
    }
}
