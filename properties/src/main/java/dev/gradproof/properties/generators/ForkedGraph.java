package dev.gradproof.properties.generators;

import dev.gradproof.properties.graph.GraphSpec;

import java.util.List;

/**
 * Several random graphs (branches) over the same leaves, and the graph of their sum: every leaf a
 * branch reads is a fork of the whole. Branch {@code i} is the whole graph with its output moved
 * to that branch's result, so the leaves, their names and their order are the same in all.
 *
 * @param whole          the sum of the branches
 * @param branchOutputs  the node of each branch's (scalar) result in {@code whole}
 */
public record ForkedGraph(GraphSpec whole, List<Integer> branchOutputs) {

    /** Copies the outputs. */
    public ForkedGraph {
        branchOutputs = List.copyOf(branchOutputs);
    }

    /** The number of branches. */
    public int branchCount() {
        return branchOutputs.size();
    }

    /** Branch {@code i} alone: the whole graph with its output set to the branch's result. */
    public GraphSpec branch(int i) {
        return whole.withOutput(branchOutputs.get(i));
    }

    @Override
    public String toString() {
        return branchCount() + " branches: " + whole;
    }
}
