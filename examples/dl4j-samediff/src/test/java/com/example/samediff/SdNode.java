package com.example.samediff;

import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of a graph the kit describes for SameDiff, which is define-then-run: the kit's calls only
 * record what to build (a leaf, a constant, or an op on earlier nodes); {@link SameDiffGraph} builds
 * the SameDiff graph of a node and runs it when a value or gradients are asked for. A leaf keeps the
 * gradients SameDiff computed for it at the last backward.
 */
final class SdNode {

    private static final AtomicLong IDS = new AtomicLong();

    enum Kind { LEAF, CONSTANT, OP, DETACHED }

    final long id = IDS.incrementAndGet();
    final Kind kind;
    final DenseArray value;
    final OpCall call;
    final List<SdNode> inputs;
    private DenseArray computed;
    private DenseArray grad;

    private SdNode(Kind kind, DenseArray value, OpCall call, List<SdNode> inputs) {
        this.kind = kind;
        this.value = value;
        this.call = call;
        this.inputs = List.copyOf(inputs);
        this.computed = value;
    }

    static SdNode leaf(DenseArray value) {
        return new SdNode(Kind.LEAF, value, null, List.of());
    }

    static SdNode constant(DenseArray value) {
        return new SdNode(Kind.CONSTANT, value, null, List.of());
    }

    static SdNode op(OpCall call, List<SdNode> inputs) {
        return new SdNode(Kind.OP, null, call, inputs);
    }

    /** SameDiff's stopGradient of {@code input}. */
    static SdNode detached(SdNode input) {
        return new SdNode(Kind.DETACHED, null, null, List.of(input));
    }

    /** A unique SameDiff variable name for this node. */
    String variableName() {
        return (kind == Kind.OP ? "op" : kind.name().toLowerCase()) + id;
    }

    /** The value, computed once (leaves and constants hold theirs). */
    DenseArray value() {
        if (computed == null) {
            computed = SameDiffGraph.value(this);
        }
        return computed;
    }

    /** The gradient of the last backward, zeros of the node's shape before any. */
    DenseArray grad() {
        return grad != null ? grad : DenseArray.zeros(value().shape());
    }

    /** Keeps a value computed in the run of another node's graph. */
    void cache(DenseArray computedValue) {
        if (computed == null) {
            computed = computedValue;
        }
    }

    void setGrad(DenseArray gradient) {
        this.grad = gradient;
    }
}
