package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.kit.KitCases.GateCase;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Map;

/**
 * The rules of the gate patterns of the lecture notes: add, mul, max and copy (KIT-3xx).
 *
 * @param <V> the engine's node type
 */
public abstract class GateRules<V> extends ForkRules<V> {

    // ================================================================== gate patterns

    /** The add gate distributes the upstream unchanged to both inputs (summed over broadcast axes). */
    @Verifies(Rule.KIT_301)
    @Property
    public void addGateDistributesTheUpstream(@ForAll("broadcastGates") GateCase gate) {
        Gate run = gate(Ops.ADD, gate);
        for (int k = 0; k < 2; k++) {
            int[] shape = run.input(k).dims();
            double[] expected = Reference.reduce(gate.upstream().toArray(), gate.upstream().dims(), shape);
            double[] magnitude = Reference.reduce(Reference.abs(gate.upstream().toArray()), gate.upstream().dims(), shape);
            // expected = the sum of the n upstream elements broadcast from this one; any summation
            // order is within (n-1) u sum|terms|.
            Check.close("add gate distributes the upstream", run.name(k), run.grad(k), expected, shape,
                    Tolerance.elementwise(2.0 * Math.max(1, Reference.foldCount(gate.upstream().dims(), shape)), magnitude),
                    gate);
        }
    }

    /** The mul gate swaps its inputs: da = upstream * b, db = upstream * a. */
    @Verifies(Rule.KIT_302)
    @Property
    @Requires(ops = Ops.MUL)
    public void mulGateSwapsItsInputs(@ForAll("broadcastGates") GateCase gate) {
        Gate run = gate(Ops.MUL, gate);
        int[] out = gate.upstream().dims();
        for (int k = 0; k < 2; k++) {
            Tensor other = run.input(1 - k);
            int[] shape = run.input(k).dims();
            double[] otherBroadcast = Reference.broadcast(other.toArray(), other.dims(), out);
            double[] g = gate.upstream().toArray();
            double[] expected = Reference.reduce(Reference.zip(g, otherBroadcast, (x, y) -> x * y), out, shape);
            double[] magnitude = Reference.reduce(Reference.zip(g, otherBroadcast, (x, y) -> Math.abs(x * y)), out, shape);
            // one rounded product per term, then a sum of n terms: within (n+1) u sum|terms|.
            Check.close("mul gate swaps its inputs", run.name(k), run.grad(k), expected, shape,
                    Tolerance.elementwise(2.0 * (Reference.foldCount(out, shape) + 1), magnitude), gate);
        }
    }

    /** The max gate routes the upstream, unchanged, to the larger input only. */
    @Verifies(Rule.KIT_303)
    @Property
    @Requires(ops = Ops.MAXIMUM)
    public void maxGateRoutesTheUpstreamToTheWinner(@ForAll("separatedGates") GateCase gate) {
        Gate run = gate(Ops.MAXIMUM, gate);
        double[] a = gate.a().toArray();
        double[] b = gate.b().toArray();
        double[] g = gate.upstream().toArray();
        double[][] expected = {Reference.zip(a, b, (x, y) -> 0), Reference.zip(a, b, (x, y) -> 0)};
        for (int i = 0; i < g.length; i++) {
            expected[a[i] > b[i] ? 0 : 1][i] = g[i];
        }
        for (int k = 0; k < 2; k++) {
            // a and b differ by at least KitCases.MAX_GATE_MARGIN everywhere, so the winner is
            // clear; routing is a multiplication by 1 or 0, which is exact: no error is allowed.
            Check.close("max gate routes the upstream to the winner only", run.name(k), run.grad(k), expected[k],
                    gate.a().dims(), exact(), gate);
        }
    }

    /** The copy gate adds: x read by two branches gets the sum of the upstreams of both uses. */
    @Verifies(Rule.KIT_304)
    @Property
    @Requires(ops = Ops.MUL)
    public void copyGateAddsTheBranchUpstreams(@ForAll("sameShapeTriples") GateCase triple) {
        // x feeds two mul gates with weights p and q: sum(x * p) + sum(x * q); the upstream of the
        // first use of x is p, of the second q, and the copy gate must add them.
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.leaf("x", triple.a());
        int p = b.leaf("p", triple.b());
        int q = b.leaf("q", triple.upstream());
        int first = b.apply(OpCall.of(Ops.SUM), b.apply(OpCall.of(Ops.MUL), x, p));
        int second = b.apply(OpCall.of(Ops.SUM), b.apply(OpCall.of(Ops.MUL), x, q));
        GraphSpec spec = b.build(b.apply(OpCall.of(Ops.ADD), first, second));
        Map<String, DenseArray> grads = gradsByName(spec);
        double[] pv = triple.b().toArray();
        double[] qv = triple.upstream().toArray();
        // p + q is one rounded addition (the products by the upstream 1.0 are exact).
        Check.close("copy gate adds the upstreams", "x", grads.get("x"), Reference.zip(pv, qv, Double::sum),
                triple.a().dims(), Tolerance.elementwise(2, Reference.zip(pv, qv, (u, v) -> Math.abs(u) + Math.abs(v))), spec);
    }
}
