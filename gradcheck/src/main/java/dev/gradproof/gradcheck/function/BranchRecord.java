package dev.gradproof.gradcheck.function;

import java.util.Arrays;
import java.util.List;

/**
 * Which piece of its piecewise definition every kinked op took in one evaluation, together with a
 * fingerprint of the graph's structure. Two evaluations whose records differ straddle a kink (or
 * took different paths through the function's control flow), so a finite difference across them is
 * not a derivative.
 */
public final class BranchRecord {

    /** The kink name reported when the graph itself changed between two evaluations. */
    public static final String STRUCTURE_CHANGED = "graph structure";

    private final int nodes;
    private final int structureHash;
    private final String[] ops;
    private final int[][] branches;

    /**
     * @param nodes         the number of nodes in the graph
     * @param structureHash a hash of the ops in forward order
     * @param ops           the kinked ops (those with a kink), in forward order, by their description
     * @param branches      the branch codes of each, per output element
     */
    public BranchRecord(int nodes, int structureHash, List<String> ops, List<int[]> branches) {
        if (ops.size() != branches.size()) {
            throw new IllegalArgumentException("branch record: " + ops.size() + " ops but " + branches.size()
                    + " branch arrays");
        }
        this.nodes = nodes;
        this.structureHash = structureHash;
        this.ops = ops.toArray(new String[0]);
        this.branches = branches.toArray(new int[0][]);
    }

    /** The kinked ops, in forward order. */
    public List<String> ops() {
        return List.of(ops);
    }

    /**
     * The first difference from another record: null when they agree, {@link #STRUCTURE_CHANGED}
     * when the graphs differ, otherwise the description of the first kinked op whose branches differ
     * ({@code "relu"}, {@code "svmHinge/relu"}).
     */
    public String firstDifference(BranchRecord other) {
        if (other == null) {
            return null;
        }
        if (nodes != other.nodes || structureHash != other.structureHash || !Arrays.equals(ops, other.ops)) {
            return STRUCTURE_CHANGED;
        }
        for (int i = 0; i < ops.length; i++) {
            if (!Arrays.equals(branches[i], other.branches[i])) {
                return ops[i];
            }
        }
        return null;
    }
}
