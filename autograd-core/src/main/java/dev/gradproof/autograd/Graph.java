package dev.gradproof.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
        try (Walk walk = new Walk()) {
            return walk.over(outputs).order();
        }
    }

    /**
     * One depth-first walk over the graph behind some outputs: the topological order, and each
     * node's position in it, kept until the walk is closed.
     *
     * <p>A node is marked visited, and its position stored, in the node itself (fields this walk
     * sets by compare-and-set and clears on closing), not in hash maps: on a graph of a million
     * nodes each hash-map access is a cache miss, which made a walk several times slower per node
     * than on a graph that fits in the cache. A node that a concurrent walk holds is tracked in a
     * map of this walk's own, so walks over shared nodes never see each other's marks.
     */
    static final class Walk implements AutoCloseable {

        /** Walk numbers, from 1 (0 marks no walk). */
        private static final AtomicLong WALKS = new AtomicLong();

        private final long token = WALKS.incrementAndGet();
        private final List<Variable> order = new ArrayList<>();
        /** Nodes another walk held when this one reached them, with their position (-1 until known). */
        private final Map<Variable, Integer> heldElsewhere = new IdentityHashMap<>();
        /** The depth-first path: empty once the walk is done, the nodes not yet placed if it failed midway. */
        private final DepthFirst path = new DepthFirst();

        /**
         * Walks the graph behind {@code outputs}; call once, inside the try-with-resources that
         * closes the walk.
         */
        Walk over(List<Variable> outputs) {
            for (Variable output : outputs) {
                if (!output.requiresGrad() || !firstVisit(output)) {
                    continue;
                }
                path.push(output);
                while (!path.isEmpty()) {
                    Variable node = path.top();
                    List<Variable> parents = node.parents();
                    int i = path.nextParent();
                    if (i < parents.size()) {
                        Variable parent = parents.get(i);
                        if (parent.requiresGrad() && firstVisit(parent)) {
                            path.push(parent);
                        }
                    } else {
                        path.pop();
                        place(node, order.size());
                        order.add(node);
                    }
                }
            }
            return this;
        }

        /** The nodes, parents before children. */
        List<Variable> order() {
            return order;
        }

        /** The position of {@code node} in {@link #order()}, or -1 if the walk did not reach it. */
        int indexOf(Variable node) {
            Integer held = heldElsewhere.isEmpty() ? null : heldElsewhere.get(node);
            if (held != null) {
                return held;
            }
            return node.isMarkedBy(token) ? node.walkIndex() : -1;
        }

        /**
         * Clears this walk's marks: on the nodes of its order, and on those still on its path when
         * it failed midway (out of memory); other walks' marks stay.
         */
        @Override
        public void close() {
            order.forEach(node -> node.unmark(token));
            path.forEach(node -> node.unmark(token));
        }

        /**
         * True the first time this walk reaches {@code node}, false on every later time. A free node
         * is marked with this walk's number; a node that another walk holds goes into
         * {@link #heldElsewhere} and stays there for this walk, even if the other walk frees it.
         */
        private boolean firstVisit(Variable node) {
            if (node.isMarkedBy(token) || !heldElsewhere.isEmpty() && heldElsewhere.containsKey(node)) {
                return false;
            }
            if (!node.markVisited(token)) {
                heldElsewhere.put(node, -1);
            }
            return true;
        }

        /** Records the position of {@code node}: in the node if this walk marked it, else in {@link #heldElsewhere}. */
        private void place(Variable node, int index) {
            if (heldElsewhere.isEmpty() || heldElsewhere.replace(node, index) == null) {
                node.walkIndex(index);
            }
        }
    }

    /**
     * The path of a depth-first walk: the nodes from the output down to the current one, each with
     * the index of the next parent to visit, in two arrays that double when full. (A deque of nodes
     * and one of boxed indices held two objects per level; on a chain of a million nodes, those
     * were megabytes that a garbage collection in the middle of a walk had to copy.)
     */
    private static final class DepthFirst {
        private Variable[] nodes = new Variable[16];
        private int[] next = new int[16];
        private int size;

        void push(Variable node) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, 2 * size);
                next = Arrays.copyOf(next, 2 * size);
            }
            nodes[size] = node;
            next[size] = 0;
            size++;
        }

        boolean isEmpty() {
            return size == 0;
        }

        Variable top() {
            return nodes[size - 1];
        }

        /** The index of the top node's next parent to visit, advancing it. */
        int nextParent() {
            return next[size - 1]++;
        }

        void pop() {
            nodes[--size] = null;
        }

        void forEach(Consumer<Variable> action) {
            for (int i = 0; i < size; i++) {
                action.accept(nodes[i]);
            }
        }
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
