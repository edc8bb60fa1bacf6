package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.generators.ForkedGraph;
import dev.gradproof.properties.generators.GradArbitraries;
import dev.gradproof.properties.generators.GraphArbitrary;
import dev.gradproof.properties.generators.NetworkArbitrary;
import dev.gradproof.properties.generators.NetworkSpec;
import dev.gradproof.properties.generators.TensorArbitrary;
import dev.gradproof.properties.graph.DenseArrays;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.properties.graph.GraphFunction;
import dev.gradproof.properties.graph.GraphRewrites;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.Identity;
import dev.gradproof.properties.graph.LeafNode;
import dev.gradproof.properties.graph.OpNode;
import dev.gradproof.properties.kit.KitCases.GateCase;
import dev.gradproof.properties.kit.KitCases.LayerCase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The contract of reverse-mode automatic differentiation as a compatibility kit: extend this class
 * with an adapter to your engine and every invariant below runs against it as a jqwik property,
 * over random graphs made only of the ops the engine declares.
 *
 * <pre>{@code
 * class MyEngineContractProperties extends AutogradContract<MyNode> {
 *     @Override
 *     protected AutogradAdapter<MyNode> engine() {
 *         return new MyEngineAdapter();
 *     }
 * }
 * }</pre>
 *
 * <p>The invariants: gradients have their variables' shapes (under broadcasting and reductions)
 * and are finite; fork accumulation (a variable used by k branches gets the sum of the branch
 * gradients; f + f has twice f's gradient; a shared node equals the graph with the node
 * duplicated); the gate patterns (add distributes, mul swaps, max routes to the winner, copy
 * adds); linearity in the upstream; two graphs of one function have one gradient (the
 * {@link Identity identities}, and ReLU and Leaky ReLU as Maxout); scaling a linear layer's input
 * scales its weight gradient; repeated backward accumulates and zeroGrad resets; constants,
 * detached nodes and unused leaves get no gradient; Hessian-vector products match finite
 * differences of the gradient; one seed gives bitwise the same gradients; and every declared op
 * occurs in the generated graphs. An invariant that needs an op or capability the engine does not
 * declare ({@link Requires}) is skipped with the reason, never passed.
 *
 * <p>Every failure names the invariant, the variable and the worst elements, and prints the graph;
 * jqwik shrinks it to a small one and prints the seed that replays it.
 *
 * @param <V> the engine's node type
 */
public abstract class AutogradContract<V> {

    /**
     * The least share of generated graphs in which each declared op must occur, in percent, for
     * engines of up to {@value #OPS_AT_FULL_COVERAGE} ops; with more ops each occurs less often, and the
     * share asked for is {@code MIN_OP_COVERAGE_PERCENT * OPS_AT_FULL_COVERAGE / ops}, so that the
     * check holds at the documented 100 tries for any declared op set.
     */
    public static final double MIN_OP_COVERAGE_PERCENT = 2.0;
    /** The number of ops up to which {@link #MIN_OP_COVERAGE_PERCENT} is asked for in full. */
    public static final int OPS_AT_FULL_COVERAGE = 12;
    /** The system property that sets the depth of {@link Rule#KIT_902}. */
    public static final String DEPTH_PROPERTY = "gradproof.kit.depth";
    /** The default depth of {@link Rule#KIT_902}'s chains and diamonds. */
    public static final int DEFAULT_DEPTH = 100_000;

    private AutogradAdapter<V> engine;

    /** The engine under test. Called once per property instance. */
    protected abstract AutogradAdapter<V> engine();

    /** The engine, made once. */
    protected final AutogradAdapter<V> adapter() {
        if (engine == null) {
            engine = engine();
            if (!engine.ops().containsAll(Ops.REQUIRED)) {
                throw new IllegalStateException(engine.name() + " declares " + engine.ops()
                        + " but the contract needs at least " + Ops.REQUIRED);
            }
        }
        return engine;
    }

    private Set<String> ops() {
        return adapter().ops();
    }

    /** What the engine declares beyond its ops. */
    private Capabilities declared() {
        return adapter().declared();
    }

    /**
     * Whether this run's failures are expected: true only for suites that run deliberately broken
     * engines; a report says failures were recorded "on purpose" only for such runs.
     */
    protected boolean failuresExpected() {
        return false;
    }

    /**
     * The depth of the chains and diamonds of {@link Rule#KIT_902}: the system property
     * {@value #DEPTH_PROPERTY} if set, else {@value #DEFAULT_DEPTH}. Override for a fixed depth.
     */
    protected int deepGraphDepth() {
        return Integer.getInteger(DEPTH_PROPERTY, DEFAULT_DEPTH);
    }

    /** True when generated networks fit the engine: their ops, rank 2 and a bias broadcast numpy's way. */
    boolean runsNetworks() {
        return NetworkArbitrary.supports(ops()) && declared().maxRank() >= 2
                && declared().broadcasting() == Capabilities.Broadcasting.NUMPY;
    }

    // ================================================================== generators

    /** Random graphs over the engine's ops. */
    @Provide
    public Arbitrary<GraphSpec> graphs() {
        return graphArbitrary();
    }

    private GraphArbitrary graphArbitrary() {
        return GradArbitraries.graphs().ops(ops().stream().filter(Ops.ALL::contains).toList()).capabilities(declared());
    }

    /** Random networks over the engine's ops (it must declare matmul, add and a loss). */
    @Provide
    public Arbitrary<NetworkSpec> networks() {
        return GradArbitraries.networks().ops(ops()).capabilities(declared());
    }

    /** Random graphs and, if the engine can run them, random networks as graphs (one in four). */
    @Provide
    public Arbitrary<GraphSpec> graphsAndNetworks() {
        if (!runsNetworks()) {
            return graphs().map(this::runnable);
        }
        Arbitrary<GraphSpec> networkGraphs = networks().map(NetworkSpec::graph);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, graphs()),
                net.jqwik.api.Tuple.of(1, networkGraphs)).map(this::runnable);
    }

    /** Branches over shared leaves. */
    @Provide
    public Arbitrary<ForkedGraph> forkedGraphs() {
        return graphArbitrary().forked(2, 4);
    }

    /** Graphs whose output is a tensor, not reduced to a scalar. */
    @Provide
    public Arbitrary<GraphSpec> tensorGraphs() {
        return graphArbitrary().tensorOutput();
    }

    /** Graphs of smooth ops only. */
    @Provide
    public Arbitrary<GraphSpec> smoothGraphs() {
        return graphArbitrary().smoothOnly();
    }

    /** Pools of values for upstreams and directions. */
    @Provide
    public Arbitrary<List<Double>> pools() {
        return KitCases.pool();
    }

    @Provide
    Arbitrary<GateCase> broadcastGates() {
        return KitCases.broadcastGates(declared());
    }

    @Provide
    Arbitrary<GateCase> separatedGates() {
        return KitCases.separatedGates(declared());
    }

    @Provide
    Arbitrary<GateCase> sameShapeTriples() {
        return KitCases.sameShapeTriples(declared());
    }

    /** Tensors within the declared rank and dimensions. */
    @Provide
    Arbitrary<Tensor> tensors() {
        return KitCases.tensors(declared());
    }

    @Provide
    Arbitrary<LayerCase> layers() {
        return KitCases.layers();
    }

    // ================================================================== shapes

    /** The gradient of every variable has exactly the variable's shape, and is finite. */
    @Verifies(Rule.KIT_101)
    @Property
    public void gradientsHaveTheShapesOfTheirVariables(@ForAll("graphsAndNetworks") GraphSpec graph) {
        Evaluation<V> run = graph.evaluate(adapter()).backward();
        for (int leaf : graph.gradLeafIndices()) {
            LeafNode node = graph.leaf(leaf);
            DenseArray grad = run.grad(leaf);
            Check.shape("gradient shape", node.name(), grad, node.shape().dims(), graph);
            Check.finite("gradient shape", "gradient of " + node.name(), grad, graph);
        }
    }

    /**
     * Random graphs and random networks pass gradcheck, in FAST and in SAMPLED mode: every checked
     * element passes or is reported as a kink, never as a failure. The engine is seen as foreign
     * code (its value and gradient over plain arrays, see {@link EngineFunction}), so kinks are found
     * by gradcheck's one-sided heuristic, and the graph is checked at a {@link GenericPoint generic
     * point} near the generated one. Results are not recorded one by one (thousands of tries); the failing one is
     * printed with gradcheck's table, seed, replay line and the leaves' values, and shrunk by jqwik.
     */
    @Verifies(Rule.KIT_102)
    @Property
    @Requires(float64 = true)
    public void graphsAndNetworksPassGradcheck(@ForAll("graphsAndNetworks") GraphSpec generated,
                                               @ForAll("gradcheckSeeds") long seed) {
        GraphSpec graph = GenericPoint.near(generated, seed);
        EngineFunction function = new EngineFunction(graph, adapter());
        GradCheck check = GradCheck.of(function);
        GraphFunction f = function.graph();
        List<String> names = f.names();
        List<int[]> shapes = f.shapes();
        List<double[]> point = f.point();
        for (int i = 0; i < names.size(); i++) {
            check.input(names.get(i), point.get(i), shapes.get(i));
        }
        GradcheckVerdicts.assertPassesOrKinks(check, seed, graph);
    }

    /** Seeds for gradcheck's own random choices (FAST directions, SAMPLED elements). */
    @Provide
    public Arbitrary<Long> gradcheckSeeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }

    // ================================================================== forks

    /** A variable used by k branches receives the sum of the k branch gradients. */
    @Verifies(Rule.KIT_201)
    @Property
    public void forksAccumulateTheBranchGradients(@ForAll("forkedGraphs") ForkedGraph forked) {
        GraphSpec whole = forked.whole();
        Map<String, DenseArray> total = gradsByName(whole);
        List<Map<String, DenseArray>> branches = new ArrayList<>();
        for (int i = 0; i < forked.branchCount(); i++) {
            branches.add(gradsByName(forked.branch(i)));
        }
        for (Map.Entry<String, DenseArray> e : total.entrySet()) {
            double[] sum = new double[e.getValue().size()];
            double[] magnitude = new double[sum.length];
            for (Map<String, DenseArray> branch : branches) {
                double[] g = branch.get(e.getKey()).data();
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += g[j];
                    magnitude[j] += Math.abs(g[j]);
                }
            }
            // The whole graph passes upstream 1.0 unchanged into each branch (add gates), so the
            // leaf receives exactly the contributions it receives in the branches, only added in
            // another order; reordering a sum of m terms moves it by at most (m-1) u sum|terms|.
            // With at most ~100 contributions per leaf, 128 u sum|g_branch| bounds it, plus the
            // floor for branches whose own contributions cancel.
            Check.close("fork accumulation", e.getKey(), e.getValue(), sum, e.getValue().shape(),
                    Tolerance.elementwise(128, magnitude).plus(Tolerance.normwise(1e-13, Tolerance.FLOOR)), forked);
        }
    }

    /** f(x) + f(x) has twice f's gradient, with the node shared and with f computed twice. */
    @Verifies(Rule.KIT_202)
    @Property
    public void twiceTheGraphHasTwiceTheGradient(@ForAll("graphs") GraphSpec graph) {
        Map<String, DenseArray> expected = doubled(gradsByName(graph));
        for (GraphSpec twice : List.of(GraphRewrites.sumWithItself(graph), GraphRewrites.sumWithCopy(graph))) {
            // Shared: the upstream 2 = 1 + 1 scales every product along the way by a power of
            // two, which is exact. Computed twice: the same contributions added in another
            // order, as in fork accumulation.
            compare("f + f gives twice the gradient of f (f + f: " + twice + ")", expected, gradsByName(twice),
                    Tolerance.normwise(1e-12, Tolerance.FLOOR), graph);
        }
    }

    /** A graph with a shared node equals the same graph with the node duplicated for each use. */
    @Verifies(Rule.KIT_203)
    @Property
    public void aSharedNodeEqualsTheNodeDuplicated(@ForAll("graphs") GraphSpec graph) {
        List<Integer> forks = graph.forks();
        Statistics.label("shared op nodes").collect(forks.isEmpty() ? "none" : "some");
        Map<String, DenseArray> shared = gradsByName(graph);
        for (int fork : forks) {
            GraphSpec duplicated = GraphRewrites.unshare(graph, fork);
            // The shared node backpropagates the sum of its consumers' upstreams once, the copies
            // each one; a backward linear in the upstream gives the same up to the rounding of
            // reordered sums, bounded relative to the gradient's size (values stay within +-100),
            // plus the floor where contributions cancel.
            compare("shared node = duplicated node t" + fork + " (duplicated: " + duplicated + ")", shared,
                    gradsByName(duplicated), Tolerance.normwise(1e-10, Tolerance.FLOOR), graph);
        }
    }

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

    // ================================================================== linearity

    /** backward(a g1 + b g2) = a backward(g1) + b backward(g2). */
    @Verifies(Rule.KIT_401)
    @Property
    public void backwardIsLinearInTheUpstream(@ForAll("tensorGraphs") GraphSpec graph,
                                              @ForAll("pools") List<Double> first, @ForAll("pools") List<Double> second,
                                              @ForAll @IntRange(min = -30, max = 30) int a10,
                                              @ForAll @IntRange(min = -30, max = 30) int b10) {
        double a = a10 / 10.0;
        double b = b10 / 10.0;
        Shape out = graph.outputShape();
        Tensor g1 = TensorArbitrary.fill(out, first);
        Tensor g2 = TensorArbitrary.fill(out, second);
        Map<String, DenseArray> grads1 = gradsByName(graph.evaluate(adapter()).backward(DenseArrays.of(g1)));
        Map<String, DenseArray> grads2 = gradsByName(graph.evaluate(adapter()).backward(DenseArrays.of(g2)));
        Tensor mixed = g1.times(a).plus(g2.times(b));
        Map<String, DenseArray> together = gradsByName(graph.evaluate(adapter()).backward(DenseArrays.of(mixed)));
        for (Map.Entry<String, DenseArray> e : together.entrySet()) {
            double[] x = grads1.get(e.getKey()).data();
            double[] y = grads2.get(e.getKey()).data();
            double[] expected = Reference.zip(x, y, (u, v) -> a * u + b * v);
            // Backward is linear in the upstream up to rounding; its error is bounded relative to
            // the sizes of the two gradients combined (values stay within +-100), plus the floor
            // where contributions cancel.
            double scale = Math.abs(a) * Tolerance.maxAbs(x) + Math.abs(b) * Tolerance.maxAbs(y);
            Check.close("backward is linear in the upstream (a = " + a + ", b = " + b + ", g1 = " + g1 + ", g2 = " + g2 + ")",
                    e.getKey(), e.getValue(), expected, e.getValue().shape(),
                    (actual, exp) -> filled(actual.length, 1e-10 * scale + Tolerance.FLOOR), graph);
        }
    }

    // ================================================================== two graphs, one function

    /**
     * Two graphs of one function have one gradient: every applicable {@link Identity}, rewritten
     * everywhere, at a {@link GenericPoint generic point} near the generated graph (seeded by the
     * graph itself). The two graphs agree as functions, not bit for bit: at an exact tie the
     * generated values aim at, tanh(15 t) rounds to 1.0 and 2 sigmoid(30 t) - 1 to 1 - 2^-53, so a
     * downstream maximum(., t) with t = 1 takes different branches and a correct engine gives two
     * different (both valid) subgradients.
     */
    @Verifies(Rule.KIT_402)
    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    @StatisticsReport(label = "identities", format = OpCoverageReport.class)
    public void twoGraphsOfOneFunctionHaveOneGradient(@ForAll("graphs") GraphSpec generated) {
        GraphSpec graph = GenericPoint.near(generated, generated.toString().hashCode());
        List<Identity> supported = Identity.ALL.stream().filter(i -> i.supportedBy(ops())).toList();
        List<String> applied = new ArrayList<>();
        Map<String, DenseArray> original = gradsByName(graph);
        for (Identity identity : supported) {
            if (!graph.opNames().contains(identity.op())) {
                continue;
            }
            applied.add(identity.name());
            GraphSpec rewritten = GraphRewrites.rewrite(graph, identity);
            // The two graphs differ by a few roundings per rewritten node in the local
            // derivatives (relative, or absolute about u where a fused sigmoid saturates), which
            // propagate to at most 1e-10 of the gradient's size, plus the floor where
            // contributions cancel.
            compare("two graphs of one function have one gradient: " + identity.name() + " (rewritten: " + rewritten
                    + ")", original, gradsByName(rewritten), Tolerance.normwise(1e-10, Tolerance.FLOOR), graph);
        }
        Statistics.label("identities").collect(applied);
        Statistics.label("identities").coverage(coverage -> {
            for (Identity identity : supported) {
                coverage.checkQuery(values -> ((List<?>) values.get(0)).contains(identity.name()))
                        .percentage(atLeast("identity " + identity.name(), 1.0));
            }
        });
    }

    /** ReLU is a special case of Maxout: relu(x w + b) = maxout(x, 0, 0, w, b), as the notes say. */
    @Verifies(Rule.KIT_403)
    @Property
    @Requires(ops = {Ops.MAXOUT, Ops.MATMUL, Ops.RELU}, minRank = 2, numpyBroadcasting = true)
    public void reluIsASpecialCaseOfMaxout(@ForAll("layers") LayerCase layer) {
        GraphSpec.Builder m = layerBuilder(layer);
        int zeroW = m.leaf("zeroW", Tensor.zeros(layer.w().shape()));
        int zeroB = m.leaf("zeroB", Tensor.zeros(layer.b().shape()));
        GraphSpec maxout = m.build(m.apply(OpCall.of(Ops.MAXOUT), 0, zeroW, zeroB, 1, 2));
        activationAgainstMaxout("relu(z) = maxout(0, z)", layer, OpCall.of(Ops.RELU), maxout);
    }

    /** Leaky ReLU is a special case of Maxout: leakyRelu(z, s) = max(z, s z) for 0 &lt; s &lt; 1. */
    @Verifies(Rule.KIT_404)
    @Property
    @Requires(ops = {Ops.MAXOUT, Ops.MATMUL, Ops.LEAKY_RELU, Ops.MUL_CONSTANT}, minRank = 2, numpyBroadcasting = true)
    public void leakyReluIsASpecialCaseOfMaxout(@ForAll("layers") LayerCase layer,
                                                @ForAll @IntRange(min = 1, max = 50) int slopePercent) {
        double[] domain = declared().parameters(Ops.LEAKY_RELU, new double[] {slopePercent / 100.0});
        double slope = domain[slopePercent % domain.length];
        Assume.that(slope > 0 && slope < 1); // the identity holds for 0 < s < 1 only
        double scaled = declared().parameterPrecision().round(slope);
        GraphSpec.Builder m = layerBuilder(layer);
        int sw = m.apply(OpCall.withScalar(Ops.MUL_CONSTANT, scaled), 1);
        int sb = m.apply(OpCall.withScalar(Ops.MUL_CONSTANT, scaled), 2);
        GraphSpec maxout = m.build(m.apply(OpCall.of(Ops.MAXOUT), 0, 1, 2, sw, sb));
        activationAgainstMaxout("leakyRelu(z, " + slope + ") = maxout(z, " + slope + " z)", layer,
                OpCall.withScalar(Ops.LEAKY_RELU, slope), maxout);
    }

    private void activationAgainstMaxout(String identity, LayerCase layer, OpCall activation, GraphSpec maxout) {
        GraphSpec.Builder a = layerBuilder(layer);
        int z = a.apply(OpCall.of(Ops.ADD), a.apply(OpCall.of(Ops.MATMUL), 0, 1), 2);
        GraphSpec plain = a.build(a.apply(activation, z));
        Evaluation<V> first = plain.evaluate(adapter());
        // Away from the kink z = 0 both graphs take the same piece; the subgradient chosen at
        // z = 0 is each engine's convention, so exact zeros (rare: shrunk values) are skipped.
        Assume.that(minAbs(first.value(z).data()) > 1e-9);
        DenseArray upstream = DenseArrays.of(layer.upstream());
        Map<String, DenseArray> expected = gradsByName(first.backward(upstream));
        Map<String, DenseArray> actual = gradsByName(maxout.evaluate(adapter()).backward(upstream));
        // The same products routed through another gate (the scaled copies add one rounding each,
        // and the two maps' contributions to w and b are summed in another order).
        compare(identity, expected, actual, Tolerance.normwise(1e-12, Tolerance.FLOOR), maxout);
    }

    // ================================================================== preprocessing

    /** Scaling the input data by c scales a linear layer's weight gradient by c, and leaves the others. */
    @Verifies(Rule.KIT_405)
    @Property
    @Requires(ops = Ops.MATMUL, minRank = 2, numpyBroadcasting = true)
    public void scalingTheInputScalesTheWeightGradient(@ForAll("layers") LayerCase layer,
                                                       @ForAll @IntRange(min = -1000, max = 1000) int c) {
        Map<String, DenseArray> plain = layerGrads(layer, layer.x());
        Map<String, DenseArray> scaled = layerGrads(layer, layer.x().times(c));
        int n = layer.x().shape().dim(0);
        double[] x = layer.x().toArray();
        double[] g = layer.upstream().toArray();
        int d = layer.w().shape().dim(0);
        int h = layer.w().shape().dim(1);
        double[] magnitude = new double[d * h];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < h; j++) {
                    magnitude[k * h + j] += Math.abs(c * x[i * d + k] * g[i * h + j]);
                }
            }
        }
        double[] expected = plain.get("w").data();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= c;
        }
        // dW = x^T g is a sum of n products; both sides round each term (c x adds one rounding)
        // and the sum: within 2 (n + 2) u sum |c x g|.
        Check.close("scaling the input by " + c + " scales the weight gradient", "w", scaled.get("w"), expected,
                layer.w().dims(), Tolerance.elementwise(2.0 * (n + 2), magnitude), layer);
        // db = sum of the upstream and dx = g w^T do not depend on x: the same computation.
        compare("scaling the input leaves the bias and input gradients", Map.of("b", plain.get("b")),
                Map.of("b", scaled.get("b")), Tolerance.normwise(1e-13, 0), layer);
    }

    // ================================================================== accumulation and constants

    /** Repeated backward accumulates (or resets, if the engine declares so); zeroGrad resets. */
    @Verifies(Rule.KIT_501)
    @Property
    public void repeatedBackwardAccumulatesAndZeroGradResets(@ForAll("graphs") GraphSpec graph) {
        Evaluation<V> run = graph.evaluate(adapter()).backward();
        Map<String, DenseArray> once = gradsByName(run);
        run.backward();
        Map<String, DenseArray> twice = gradsByName(run);
        // The second pass repeats the first, and g + g = 2 g exactly; the bound only allows an
        // engine whose sums depend on the run (parallel reductions).
        boolean resets = declared().repeatedBackward() == Capabilities.RepeatedBackward.RESET;
        compare(resets ? "repeated backward resets (as declared)" : "repeated backward accumulates",
                resets ? once : doubled(once), twice, Tolerance.normwise(1e-12 + declared().determinismTolerance(), 0), graph);
        if (!adapter().capabilities().contains(Capability.ZERO_GRAD)) {
            return;
        }
        for (int leaf : graph.gradLeafIndices()) {
            adapter().zeroGrad(run.node(leaf));
        }
        compare("zeroGrad resets to zero", zerosLike(once), gradsByName(run), exact(), graph);
        run.backward();
        compare("backward after zeroGrad", once, gradsByName(run), Tolerance.normwise(1e-12, 0), graph);
    }

    /** A constant gets no gradient, and the other leaves get the gradients they had. */
    @Verifies(Rule.KIT_502)
    @Property
    @Requires(capabilities = Capability.CONSTANTS)
    public void constantsGetNoGradient(@ForAll("graphs") GraphSpec graph, @ForAll @IntRange(min = 0, max = 99) int pick) {
        List<Integer> leaves = graph.gradLeafIndices();
        int constant = leaves.get(pick % leaves.size());
        GraphSpec spec = GraphRewrites.withConstantLeaf(graph, constant);
        Evaluation<V> run = spec.evaluate(adapter());
        if (dependsOnGradLeaf(spec)) {
            run.backward();
        }
        Map<String, DenseArray> expected = gradsByName(graph);
        LeafNode leaf = graph.leaf(constant);
        Check.close("constants get no gradient", leaf.name() + " (constant)", run.grad(constant),
                new double[leaf.value().size()], leaf.shape().dims(), exact(), spec);
        expected.remove(leaf.name());
        compare("the other leaves keep their gradients when " + leaf.name() + " is a constant", expected,
                gradsByName(run), Tolerance.normwise(1e-12, 0), spec);
    }

    /** No gradient flows through a detached node: the graph equals one with a constant in its place. */
    @Verifies(Rule.KIT_503)
    @Property
    @Requires(capabilities = {Capability.DETACH, Capability.CONSTANTS})
    public void detachedNodesPassNoGradient(@ForAll("graphs") GraphSpec graph, @ForAll @IntRange(min = 0, max = 99) int pick) {
        boolean[] live = graph.reachable();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            if (live[i] && graph.node(i) instanceof OpNode && i != graph.output()) {
                candidates.add(i);
            }
        }
        Statistics.label("detachable nodes").collect(candidates.isEmpty() ? "none" : "some");
        if (candidates.isEmpty()) {
            return;
        }
        int node = candidates.get(pick % candidates.size());
        Tensor value = DenseArrays.toTensor(graph.evaluate(adapter()).value(node));
        GraphSpec detached = GraphRewrites.detached(graph, node);
        GraphSpec constant = GraphRewrites.replacedByConstant(graph, node, "detached", value);
        // The same arithmetic on the remaining paths.
        compare("a detached node passes no gradient (detached: " + detached + ")", gradsOrZeros(constant),
                gradsOrZeros(detached), Tolerance.normwise(1e-12, 0), graph);
    }

    /** A leaf the output does not use gets a zero gradient of its shape. */
    @Verifies(Rule.KIT_504)
    @Property
    public void unusedLeavesGetZeroGradient(@ForAll("graphs") GraphSpec graph, @ForAll("tensors") Tensor unused) {
        GraphSpec spec = GraphRewrites.withUnusedLeaf(graph, "unused", unused);
        Map<String, DenseArray> grads = gradsByName(spec);
        Check.close("unused leaves get zero gradient", "unused", grads.get("unused"), new double[unused.size()],
                unused.dims(), exact(), spec);
        grads.remove("unused");
        compare("an unused leaf changes no other gradient", gradsByName(graph), grads, Tolerance.normwise(1e-12, 0), spec);
    }

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

    // ================================================================== coverage

    /** Every op the engine declares occurs in at least {@value #MIN_OP_COVERAGE_PERCENT} % of generated graphs. */
    @Verifies(Rule.KIT_801)
    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    @StatisticsReport(label = "ops", format = OpCoverageReport.class)
    public void everyDeclaredOpOccursInTheGeneratedGraphs(@ForAll("graphs") GraphSpec graph) {
        if (!graph.outputShape().isScalar()) {
            throw Check.failure("generated graphs end in a scalar", "output shape " + graph.outputShape(), graph);
        }
        Statistics.label("ops").collect(graph.opNames());
        List<String> generated = graphArbitrary().allowedOps().stream().filter(this::generable).toList();
        double least = MIN_OP_COVERAGE_PERCENT * Math.min(1.0, (double) OPS_AT_FULL_COVERAGE / generated.size());
        Statistics.label("ops").coverage(coverage -> {
            for (String op : generated) {
                coverage.checkQuery(values -> ((Set<?>) values.get(0)).contains(op))
                        .percentage(atLeast("op " + op, least));
            }
        });
    }

    /** Every declared activation and loss, with and without L2, and every depth occur in the generated networks. */
    @Verifies(Rule.KIT_802)
    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    @Requires(networks = true)
    @StatisticsReport(label = "activations", format = OpCoverageReport.class)
    public void everyActivationAndLossOccursInTheGeneratedNetworks(@ForAll("networks") NetworkSpec network) {
        GraphSpec graph = runnable(network.graph());
        Evaluation<V> run = graph.evaluate(adapter()).backward();
        Check.finite("networks have a finite loss", "the loss", run.outputValue(), network);
        Statistics.label("activations").collect(Set.copyOf(network.activations()));
        Statistics.label("loss").collect(network.loss());
        Statistics.label("l2").collect(network.lambda() > 0 ? "with l2" : "without l2");
        Statistics.label("depth").collect(network.depth());
        Statistics.label("activations").coverage(coverage -> {
            for (String act : Ops.ACTIVATIONS) {
                if (ops().contains(act)) {
                    coverage.checkQuery(values -> ((Set<?>) values.get(0)).contains(act))
                            .percentage(atLeast("activation " + act, MIN_OP_COVERAGE_PERCENT));
                }
            }
        });
        Statistics.label("loss").coverage(coverage -> {
            for (String loss : Ops.LOSSES) {
                if (ops().contains(loss)) {
                    coverage.check(loss).percentage(atLeast("loss " + loss, 10));
                }
            }
        });
        if (ops().contains(Ops.L2)) {
            Statistics.label("l2").coverage(coverage -> {
                coverage.check("with l2").percentage(atLeast("networks with l2", 10));
                coverage.check("without l2").percentage(atLeast("networks without l2", 10));
            });
        }
        Statistics.label("depth").coverage(coverage -> {
            for (int depth = 1; depth <= 4; depth++) {
                int d = depth;
                coverage.check(d).percentage(atLeast("depth " + d, 5));
            }
        });
    }

    // ================================================================== values and deep graphs

    /**
     * Every op's forward value matches autograd-core's (which agrees with PyTorch to 1e-13), each op
     * computed by the reference on the engine's own input values, so that one op's rounding never
     * counts against the next: {@link ForwardValues}.
     */
    @Verifies(Rule.KIT_901)
    @Property
    public void forwardValuesMatchTheReference(@ForAll("graphsAndNetworks") GraphSpec graph) {
        ForwardValues.check(graph, adapter());
    }

    /**
     * A chain {@code h = h + x} and a diamond {@code h = (h + h) - h} (or {@code 0.5 h + 0.5 h}) of
     * {@link #deepGraphDepth()} levels over a scalar leaf backpropagate without a crash and give the
     * exact gradients {@code depth + 1} and 1. A crash (a recursive topological sort's
     * {@code StackOverflowError}) is reported as "the engine threw", with the least failing depth
     * found by halving: {@link DeepGraphs}.
     */
    @Verifies(Rule.KIT_902)
    @net.jqwik.api.Example
    public void deepChainsAndDiamondsBackpropagate() {
        DeepGraphs.check(adapter(), deepGraphDepth());
    }

    // ================================================================== helpers

    /** Bitwise equal, or within {@code relative} of the larger magnitude when a tolerance is declared. */
    private static void sameInBothRuns(String invariant, String variable, DenseArray first, DenseArray second,
                                       double relative, Object subject) {
        if (relative == 0) {
            Check.identical(invariant, variable, first, second, subject);
        } else {
            Check.close(invariant, variable + " in the second run", second, first.data(), first.shape(),
                    Tolerance.normwise(relative, 0), subject);
        }
    }

    /** False for the ops that need rank 2 when the engine declares a lower rank: they cannot occur. */
    private boolean generable(String op) {
        boolean matrixOp = Set.of(Ops.MATMUL, Ops.MAXOUT, Ops.TRANSPOSE, Ops.SOFTMAX_CROSS_ENTROPY, Ops.SVM_HINGE)
                .contains(op);
        boolean needsRank = Set.of(Ops.SUM_AXIS, Ops.MEAN_AXIS, Ops.SOFTMAX, Ops.LOG_SOFTMAX, Ops.RESHAPE,
                Ops.BROADCAST_TO).contains(op);
        return !(matrixOp && declared().maxRank() < 2) && !(needsRank && declared().maxRank() < 1);
    }

    /** A gate applied to two fresh leaves, after backward with the case's upstream. */
    private Gate gate(String op, GateCase gate) {
        GraphSpec.Builder b = GraphSpec.builder();
        int a = b.leaf("a", gate.a());
        int c = b.leaf("b", gate.b());
        GraphSpec spec = b.build(b.apply(OpCall.of(op), a, c));
        Evaluation<V> run = spec.evaluate(adapter()).backward(DenseArrays.of(gate.upstream()));
        return new Gate(spec, run);
    }

    private record Gate(GraphSpec spec, Evaluation<?> run) {
        Tensor input(int k) {
            return spec.leaf(k).value();
        }

        String name(int k) {
            return spec.leaf(k).name();
        }

        DenseArray grad(int k) {
            return run.grad(k);
        }
    }

    private GraphSpec.Builder layerBuilder(LayerCase layer) {
        GraphSpec.Builder b = GraphSpec.builder();
        b.leaf("x", layer.x());
        b.leaf("w", layer.w());
        b.leaf("b", layer.b());
        return b;
    }

    private Map<String, DenseArray> layerGrads(LayerCase layer, Tensor x) {
        GraphSpec.Builder b = GraphSpec.builder();
        int xi = b.leaf("x", x);
        int w = b.leaf("w", layer.w());
        int bias = b.leaf("b", layer.b());
        GraphSpec spec = b.build(b.apply(OpCall.of(Ops.ADD), b.apply(OpCall.of(Ops.MATMUL), xi, w), bias));
        return gradsByName(spec.evaluate(adapter()).backward(DenseArrays.of(layer.upstream())));
    }

    /** Gradients by name, or zeros for every grad leaf when the output depends on none (backward would be refused). */
    private Map<String, DenseArray> gradsOrZeros(GraphSpec spec) {
        if (dependsOnGradLeaf(spec)) {
            return gradsByName(spec);
        }
        Map<String, DenseArray> zeros = new LinkedHashMap<>();
        for (int leaf : spec.gradLeafIndices()) {
            zeros.put(spec.leaf(leaf).name(), DenseArrays.of(Tensor.zeros(spec.leaf(leaf).shape())));
        }
        return zeros;
    }

    /** True if a gradient can flow from the output to some grad leaf (not through a detach). */
    private static boolean dependsOnGradLeaf(GraphSpec spec) {
        boolean[] live = new boolean[spec.size()];
        live[spec.output()] = true;
        for (int i = spec.output(); i >= 0; i--) {
            if (!live[i]) {
                continue;
            }
            if (spec.node(i) instanceof LeafNode leaf && leaf.requiresGrad()) {
                return true;
            }
            if (spec.node(i) instanceof OpNode op && !op.op().equals(dev.gradproof.properties.graph.ShapeRules.DETACH)) {
                op.inputs().forEach(input -> live[input] = true);
            }
        }
        return false;
    }

    private static Map<String, DenseArray> doubled(Map<String, DenseArray> grads) {
        Map<String, DenseArray> out = new LinkedHashMap<>();
        grads.forEach((name, g) -> {
            double[] d = g.data();
            for (int i = 0; i < d.length; i++) {
                d[i] *= 2;
            }
            out.put(name, new DenseArray(d, g.shape()));
        });
        return out;
    }

    private static Map<String, DenseArray> zerosLike(Map<String, DenseArray> grads) {
        Map<String, DenseArray> out = new LinkedHashMap<>();
        grads.forEach((name, g) -> out.put(name, new DenseArray(new double[g.size()], g.shape())));
        return out;
    }

    /** No error allowed: for results that involve no rounding at all (zeros, routing by 0 and 1). */
    private static Tolerance exact() {
        return (actual, expected) -> new double[actual.length];
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private static double minAbs(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, Math.abs(v));
        }
        return m;
    }

    /** A coverage check: fails naming {@code what} when its share is below {@code minimum} percent. */
    private static java.util.function.Consumer<Double> atLeast(String what, double minimum) {
        return percent -> {
            if (percent < minimum) {
                throw new AssertionError("coverage: " + what + " occurs in only " + String.format("%.1f", percent)
                        + " % of the generated cases, less than the required " + minimum + " %");
            }
        };
    }

    /** A fresh run of {@code spec} with backward from its scalar output: the gradient of each grad leaf, by name. */
    protected final Map<String, DenseArray> gradsByName(GraphSpec spec) {
        return gradsByName(spec.evaluate(adapter()).backward());
    }

    private Map<String, DenseArray> gradsByName(Evaluation<V> run) {
        Map<String, DenseArray> grads = new LinkedHashMap<>();
        for (int leaf : run.spec().gradLeafIndices()) {
            grads.put(run.spec().leaf(leaf).name(), run.grad(leaf));
        }
        return grads;
    }

    private static void compare(String invariant, Map<String, DenseArray> expected, Map<String, DenseArray> actual,
                                Tolerance tolerance, Object subject) {
        for (Map.Entry<String, DenseArray> e : expected.entrySet()) {
            DenseArray got = actual.get(e.getKey());
            if (got == null) {
                throw Check.failure(invariant, "no gradient for " + e.getKey(), subject);
            }
            Check.close(invariant, e.getKey(), got, e.getValue().data(), e.getValue().shape(), tolerance, subject);
        }
    }

    /** A graph the engine can build: constants turned into leaves if it has no constants. */
    private GraphSpec runnable(GraphSpec spec) {
        return adapter().capabilities().contains(Capability.CONSTANTS) ? spec : GraphRewrites.constantsAsLeaves(spec);
    }

}
