package dev.gradproof.properties.kit;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.LeafNode;

/**
 * Runs one gradient check of a generated graph in FAST and in SAMPLED mode and fails with
 * gradcheck's message and the graph unless every element passed or was reported as a kink.
 */
public final class GradcheckVerdicts {

    private GradcheckVerdicts() {
    }

    /**
     * Runs {@code check} (inputs set) in FAST and SAMPLED mode with {@code seed}, on one thread and
     * without recording (a property runs thousands of them; jqwik reports the property itself).
     *
     * @throws AssertionError naming the mode, the graph and gradcheck's table of worst elements
     */
    public static void assertPassesOrKinks(GradCheck check, long seed, GraphSpec graph) {
        assertEachMode(check, seed, graph, GradCheckResult::passed);
    }

    /**
     * As {@link #assertPassesOrKinks}, at a point that may sit exactly on kinks (all-zero leaves make
     * every ReLU tie): a check is also accepted when it is INCONCLUSIVE only because every element or
     * direction crossed a kink its branch records name, so nothing could be compared; never a FAIL.
     */
    public static void assertNeverFailsAtKinks(GradCheck check, long seed, GraphSpec graph) {
        assertEachMode(check, seed, graph, result -> result.passed()
                || result.verdict() == CheckVerdict.INCONCLUSIVE
                && result.statistics().kinks() == result.statistics().checked()
                && result.reasons().stream().allMatch(r -> r.startsWith("nothing was compared")));
    }

    private static void assertEachMode(GradCheck check, long seed, GraphSpec graph,
                                       java.util.function.Predicate<GradCheckResult> accepted) {
        for (Mode mode : new Mode[] {Mode.FAST, Mode.SAMPLED}) {
            // the kit reports an engine's crash itself (its rule, the graph's size): gradcheck passes it on
            GradCheckResult result = check.mode(mode).seed(seed).parallelism(1).propagateCrashes(true).record(false)
                    .check();
            if (!accepted.test(result)) {
                throw new AssertionError("gradcheck " + mode + " " + (result.verdict() == CheckVerdict.INCONCLUSIVE
                        ? "could not verify (INCONCLUSIVE, not a pass)" : "failed") + " in graph (" + graph.size()
                        + " nodes): " + graph + "\n"
                        + result.failureMessage() + "\nat the leaves\n" + leafValues(graph));
            }
        }
    }

    /** Every leaf of the graph with its value, one per line: what a replay needs. */
    static String leafValues(GraphSpec graph) {
        StringBuilder text = new StringBuilder();
        for (int i : graph.leafIndices()) {
            LeafNode leaf = graph.leaf(i);
            text.append("  ").append(leaf.name()).append(leaf.shape()).append(leaf.requiresGrad() ? "" : " (constant)")
                    .append(" = ").append(leaf.value()).append('\n');
        }
        return text.toString();
    }
}
