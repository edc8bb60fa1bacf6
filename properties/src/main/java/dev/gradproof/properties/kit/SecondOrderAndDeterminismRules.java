package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphSpec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;
import java.util.Random;

/**
 * The rules of second derivatives and of determinism (KIT-6xx, KIT-7xx).
 *
 * @param <V> the engine's node type
 */
public abstract class SecondOrderAndDeterminismRules<V> extends AccumulationRules<V> {

    // ================================================================== second order

    /** Hessian-vector products from differentiable gradients match finite differences of the gradient. */
    @Verifies(Rule.KIT_601)
    @Property
    @Requires(ops = Ops.MUL, capabilities = Capability.SECOND_ORDER, float64 = true)
    public void hessianVectorProductsMatchFiniteDifferences(@ForAll("smoothGraphs") GraphSpec graph,
                                                           @ForAll("pools") List<Double> direction) {
        SecondOrder.check("Hessian-vector product matches finite differences", adapter(), graph, direction);
    }

    // ================================================================== determinism

    /**
     * One seed gives the same graph and the same values and gradients: bitwise, or within the
     * engine's declared {@link Capabilities#determinismTolerance()} (relative to the array's size).
     */
    @Verifies(Rule.KIT_701)
    @Property
    public void oneSeedGivesTheSameGradients(@ForAll long seed) {
        Arbitrary<GraphSpec> arbitrary = graphsAndNetworks();
        GraphSpec first = arbitrary.generator(1000).next(new Random(seed)).value();
        GraphSpec second = arbitrary.generator(1000).next(new Random(seed)).value();
        if (!first.equals(second)) {
            throw Check.failure("determinism", "seed " + seed + " generated two different graphs:\n  " + second, first);
        }
        Evaluation<V> one = first.evaluate(adapter()).backward();
        Evaluation<V> two = second.evaluate(adapter()).backward();
        double tolerance = declared().determinismTolerance();
        String invariant = "determinism (seed " + seed + (tolerance > 0 ? ", declared tolerance " + tolerance : "") + ")";
        sameInBothRuns(invariant, "the output", one.outputValue(), two.outputValue(), tolerance, first);
        for (int leaf : first.gradLeafIndices()) {
            sameInBothRuns(invariant, "gradient of " + first.leaf(leaf).name(), one.grad(leaf), two.grad(leaf),
                    tolerance, first);
        }
    }
}
