package dev.gradproof.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
     */
    public static List<Variable> topologicalOrder(List<Variable> outputs) {
        List<Variable> order = new ArrayList<>();
        Map<Variable, Boolean> visited = new IdentityHashMap<>();
        Deque<Variable> stack = new ArrayDeque<>();
        Deque<Integer> nextParent = new ArrayDeque<>();
        for (Variable output : outputs) {
            if (!output.requiresGrad() || visited.containsKey(output)) {
                continue;
            }
            visited.put(output, Boolean.TRUE);
            stack.push(output);
            nextParent.push(0);
            while (!stack.isEmpty()) {
                Variable node = stack.peek();
                int i = nextParent.pop();
                List<Variable> parents = node.parents();
                if (i < parents.size()) {
                    nextParent.push(i + 1);
                    Variable parent = parents.get(i);
                    if (parent.requiresGrad() && !visited.containsKey(parent)) {
                        visited.put(parent, Boolean.TRUE);
                        stack.push(parent);
                        nextParent.push(0);
                    }
                } else {
                    stack.pop();
                    order.add(node);
                }
            }
        }
        return order;
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
