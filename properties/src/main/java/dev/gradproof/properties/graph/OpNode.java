package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Shape;
import dev.gradproof.properties.engine.OpCall;

import java.util.List;
import java.util.Objects;

/**
 * An op of a {@link GraphSpec} applied to earlier nodes.
 *
 * @param call   the op and its parameters
 * @param inputs indices of the input nodes, each smaller than this node's own index (so every graph
 *               is a DAG in topological order); an index may repeat (a fork: {@code x * x})
 * @param shape  the shape of the result, as {@link ShapeRules} infers it
 */
public record OpNode(OpCall call, List<Integer> inputs, Shape shape) implements Node {

    /** Copies the inputs. */
    public OpNode {
        Objects.requireNonNull(call, "call");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(shape, "shape");
    }

    /** The op's name. */
    public String op() {
        return call.op();
    }
}
