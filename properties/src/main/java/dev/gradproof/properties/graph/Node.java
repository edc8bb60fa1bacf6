package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Shape;

/** A node of a {@link GraphSpec}: a leaf holding a value, or an op applied to earlier nodes. */
public sealed interface Node permits LeafNode, OpNode {

    /** The shape of the node's value. */
    Shape shape();
}
