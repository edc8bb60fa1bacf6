package dev.gradproof.properties.kit;

import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.graph.DenseArrays;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.Node;
import dev.gradproof.properties.graph.OpNode;
import dev.gradproof.properties.graph.ShapeRules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Rule#KIT_901}: the engine's forward value of every op node against autograd-core's value of
 * the same op on the engine's own input values. Gradient checks cannot see a wrong forward whose
 * gradient matches it (a GELU with a misplaced bracket, a cross-entropy with the wrong sign, a
 * log-softmax of -Infinity at large logits); this can.
 *
 * <p>The stated tolerance: each element within {@link #FLOAT64_RELATIVE} (float64 engines) or
 * {@link #FLOAT32_RELATIVE} (float32 engines) of the node's scale, the largest of 1, the expected
 * node's magnitude and the product of its inputs' magnitudes (each at least 1): the rounding of a
 * correct engine stays orders of magnitude below it, a wrong formula does not.
 */
final class ForwardValues {

    /** The relative tolerance of forward values for float64 engines. */
    static final double FLOAT64_RELATIVE = 1e-9;
    /** The relative tolerance of forward values for float32 engines. */
    static final double FLOAT32_RELATIVE = 1e-4;

    private static final AutogradCoreAdapter REFERENCE = new AutogradCoreAdapter();

    private ForwardValues() {
    }

    static <V> void check(GraphSpec graph, AutogradAdapter<V> engine) {
        Evaluation<V> run = graph.evaluate(engine);
        double relative = relative(engine.declared().precision());
        boolean[] live = graph.reachable();
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.node(i);
            if (!live[i] || !(node instanceof OpNode op) || op.op().equals(ShapeRules.DETACH)) {
                continue;
            }
            List<DenseArray> inputs = new ArrayList<>();
            for (int input : op.inputs()) {
                inputs.add(run.value(input));
            }
            DenseArray actual = run.value(i);
            String what = op.op() + " (node " + i + ")";
            Check.shape("forward value", "the value of " + what, actual, node.shape().dims(), graph);
            for (int k = 0; k < inputs.size(); k++) {
                Check.shape("forward value", "input " + k + " of " + what, inputs.get(k),
                        graph.node(op.inputs().get(k)).shape().dims(), graph);
            }
            DenseArray expected = reference(op, inputs);
            double bound = bound(relative, expected, inputs);
            Check.closeUnscaled("forward value matches autograd-core's on the engine's inputs (relative " + relative + ")",
                    "the value of " + what, actual, expected.data(), node.shape().dims(), bound, graph);
        }
    }

    /** The stated relative tolerance for an engine of this precision. */
    static double relative(Capabilities.Precision precision) {
        return precision == Capabilities.Precision.FLOAT32 ? FLOAT32_RELATIVE : FLOAT64_RELATIVE;
    }

    /**
     * The largest difference allowed in any element of an op's value: {@code relative} times the
     * largest of 1, the expected value's magnitude and the product of the inputs' magnitudes (each
     * at least 1).
     */
    static double bound(double relative, DenseArray expected, List<DenseArray> inputs) {
        double scale = Math.max(1, Tolerance.maxAbs(expected.data()));
        double product = 1;
        for (DenseArray input : inputs) {
            product *= Math.max(1, Tolerance.maxAbs(input.data()));
        }
        return relative * Math.max(scale, product);
    }

    /** autograd-core's value of the op on these inputs. */
    private static DenseArray reference(OpNode op, List<DenseArray> inputs) {
        GraphSpec.Builder b = GraphSpec.builder();
        int[] leaves = new int[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            leaves[k] = b.leaf("in" + k, DenseArrays.toTensor(inputs.get(k)));
        }
        GraphSpec one = b.build(b.apply(op.call(), leaves));
        return one.evaluate(REFERENCE).outputValue();
    }
}
