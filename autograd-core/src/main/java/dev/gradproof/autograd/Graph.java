package dev.gradproof.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Walks the recorded computational graph behind some outputs.
 *
 * <p>The walk is iterative (an explicit stack, never recursion), so a chain of a million nodes
 * costs memory proportional to the chain and never overflows the thread's stack.
 */
public final class Graph {

    private Graph() {
    }

    /**
     * Every node that requires grad and that the outputs depend on, parents before children (the
     * order of the forward pass); each node once, also where paths fork and join.
     *
     * <p>A node is marked visited in the node itself (a field this walk sets and clears), not in a
     * hash set: on a graph of a million nodes a hash set costs a cache miss per node, which made
     * the walk several times slower per node than on a graph that fits in the cache. A node that
     * a concurrent walk has marked is tracked in a set of this walk's own, so walks over shared
     * nodes never see each other's marks.
     */
    public static List<Variable> topologicalOrder(List<Variable> outputs) {
        Object walk = new Object();
        List<Variable> order = new ArrayList<>();
        Set<Variable> markedElsewhere = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Variable> stack = new ArrayDeque<>();
        Deque<Integer> nextParent = new ArrayDeque<>();
        try {
            for (Variable output : outputs) {
                if (!output.requiresGrad() || !firstVisit(output, walk, markedElsewhere)) {
                    continue;
                }
                stack.push(output);
                nextParent.push(0);
                while (!stack.isEmpty()) {
                    Variable node = stack.peek();
                    int i = nextParent.pop();
                    List<Variable> parents = node.parents();
                    if (i < parents.size()) {
                        nextParent.push(i + 1);
                        Variable parent = parents.get(i);
                        if (parent.requiresGrad() && firstVisit(parent, walk, markedElsewhere)) {
                            stack.push(parent);
                            nextParent.push(0);
                        }
                    } else {
                        stack.pop();
                        order.add(node);
                    }
                }
            }
        } finally {
            order.forEach(node -> node.unmark(walk));
            stack.forEach(node -> node.unmark(walk));
        }
        return order;
    }

    /** True the first time {@code walk} reaches {@code node}, false on every later time. */
    private static boolean firstVisit(Variable node, Object walk, Set<Variable> markedElsewhere) {
        if (node.isMarkedBy(walk) || !markedElsewhere.isEmpty() && markedElsewhere.contains(node)) {
            return false;
        }
        // a node another walk held may be free by now: the set is checked first, so it stays there
        return node.markVisited(walk) || markedElsewhere.add(node);
    }

    /**
     * The ops with kinks in the graph behind {@code output}, in forward order, for a checker that
     * compares branch records between evaluations of one function.
     */
    public static List<KinkedOp> kinkedOps(Variable output) {
        List<KinkedOp> kinked = new ArrayList<>();
        for (Variable node : topologicalOrder(List.of(output))) {
            node.creator().filter(KinkedOp.class::isInstance)
                    .ifPresent(op -> kinked.add((KinkedOp) op));
        }
        return Collections.unmodifiableList(kinked);
    }
}
