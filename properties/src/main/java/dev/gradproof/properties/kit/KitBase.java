package dev.gradproof.properties.kit;

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
import dev.gradproof.properties.graph.DenseArrays;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphRewrites;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.LeafNode;
import dev.gradproof.properties.graph.OpDeclaration;
import dev.gradproof.properties.graph.OpDeclarations;
import dev.gradproof.properties.graph.OpNode;
import dev.gradproof.properties.kit.KitCases.GateCase;
import dev.gradproof.properties.kit.KitCases.LayerCase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What every rule of the contract kit shares: the engine (made once per property instance), what it
 * declares, the generators restricted to it, and the helpers that run graphs and compare
 * gradients. The rules themselves are split by theme over the subclasses, down to
 * {@link AutogradContract}, the class an engine's test extends.
 *
 * @param <V> the engine's node type
 */
public abstract class KitBase<V> {

    /**
     * The least share of generated graphs in which each declared op must occur, in percent, for
     * engines of up to {@value #OPS_AT_FULL_COVERAGE} ops; with more ops each occurs less often, and the
     * share asked for is {@code MIN_OP_COVERAGE_PERCENT * OPS_AT_FULL_COVERAGE / ops}, drawn from
     * {@link #COVERAGE_TRIES} graphs. An op that needs operands the
     * generator makes less often (a batched matmul needs two rank-3 operands) occurs well below the
     * average: among autograd-core's 44 generable ops, batchMatmul occurred in 1.2 % of 1,000 graphs in one
     * run and 0.5 % in another, which failed the 0.55 % asked with 12 ops at full coverage; with 6 the
     * share asked is 0.27 %, below both.
     */
    public static final double MIN_OP_COVERAGE_PERCENT = 2.0;
    /**
     * The graphs {@link Rule#KIT_801} draws, whatever the tries of the other rules (it runs no engine code,
     * only the generator): at 100 tries an op that needs rarer operands missed its share by chance (DJL's 36
     * ops, batchMatmul at about 1.6 % of graphs: none in 100 graphs in 1 run of 5); at 1,000 the share asked
     * of 36 ops, 0.33 %, is 4 graphs against about 16 expected.
     */
    public static final int COVERAGE_TRIES = 1_000;
    /** The number of ops up to which {@link #MIN_OP_COVERAGE_PERCENT} is asked for in full. */
    public static final int OPS_AT_FULL_COVERAGE = 6;
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

    Set<String> ops() {
        return adapter().ops();
    }

    /** What the engine declares beyond its ops. */
    Capabilities declared() {
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

    GraphArbitrary graphArbitrary() {
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

    // ================================================================== helpers

    /** Bitwise equal, or within {@code relative} of the larger magnitude when a tolerance is declared. */
    static void sameInBothRuns(String invariant, String variable, DenseArray first, DenseArray second,
                                       double relative, Object subject) {
        if (relative == 0) {
            Check.identical(invariant, variable, first, second, subject);
        } else {
            Check.close(invariant, variable + " in the second run", second, first.data(), first.shape(),
                    Tolerance.normwise(relative, 0), subject);
        }
    }

    /** False for the ops that need rank 2 when the engine declares a lower rank: they cannot occur. */
    boolean generable(String op) {
        // the classifier losses (labels over the rows of a score matrix) need rank 2, as matmul does
        boolean matrixOp = Set.of(Ops.MATMUL, Ops.MAXOUT, Ops.TRANSPOSE, Ops.TRANSPOSE_AXES).contains(op)
                || OpDeclarations.of(op).parameter() == OpDeclaration.Parameter.LABELS;
        if (op.equals(Ops.BATCH_MATMUL) && declared().maxRank() < 3) {
            return false;
        }
        boolean needsRank = Set.of(Ops.SUM_AXIS, Ops.MEAN_AXIS, Ops.SOFTMAX, Ops.LOG_SOFTMAX, Ops.RESHAPE,
                Ops.BROADCAST_TO).contains(op);
        return !(matrixOp && declared().maxRank() < 2) && !(needsRank && declared().maxRank() < 1);
    }

    /** A gate applied to two fresh leaves, after backward with the case's upstream. */
    Gate gate(String op, GateCase gate) {
        GraphSpec.Builder b = GraphSpec.builder();
        int a = b.leaf("a", gate.a());
        int c = b.leaf("b", gate.b());
        GraphSpec spec = b.build(b.apply(OpCall.of(op), a, c));
        Evaluation<V> run = spec.evaluate(adapter()).backward(DenseArrays.of(gate.upstream()));
        return new Gate(spec, run);
    }

    record Gate(GraphSpec spec, Evaluation<?> run) {
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

    GraphSpec.Builder layerBuilder(LayerCase layer) {
        GraphSpec.Builder b = GraphSpec.builder();
        b.leaf("x", layer.x());
        b.leaf("w", layer.w());
        b.leaf("b", layer.b());
        return b;
    }

    Map<String, DenseArray> layerGrads(LayerCase layer, Tensor x) {
        GraphSpec.Builder b = GraphSpec.builder();
        int xi = b.leaf("x", x);
        int w = b.leaf("w", layer.w());
        int bias = b.leaf("b", layer.b());
        GraphSpec spec = b.build(b.apply(OpCall.of(Ops.ADD), b.apply(OpCall.of(Ops.MATMUL), xi, w), bias));
        return gradsByName(spec.evaluate(adapter()).backward(DenseArrays.of(layer.upstream())));
    }

    /** Gradients by name, or zeros for every grad leaf when the output depends on none (backward would be refused). */
    Map<String, DenseArray> gradsOrZeros(GraphSpec spec) {
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
    static boolean dependsOnGradLeaf(GraphSpec spec) {
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

    static Map<String, DenseArray> doubled(Map<String, DenseArray> grads) {
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

    static Map<String, DenseArray> zerosLike(Map<String, DenseArray> grads) {
        Map<String, DenseArray> out = new LinkedHashMap<>();
        grads.forEach((name, g) -> out.put(name, new DenseArray(new double[g.size()], g.shape())));
        return out;
    }

    /** No error allowed: for results that involve no rounding at all (zeros, routing by 0 and 1). */
    static Tolerance exact() {
        return (actual, expected) -> new double[actual.length];
    }

    static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    static double minAbs(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, Math.abs(v));
        }
        return m;
    }

    /** A coverage check: fails naming {@code what} when its share is below {@code minimum} percent. */
    static java.util.function.Consumer<Double> atLeast(String what, double minimum) {
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

    Map<String, DenseArray> gradsByName(Evaluation<V> run) {
        Map<String, DenseArray> grads = new LinkedHashMap<>();
        for (int leaf : run.spec().gradLeafIndices()) {
            grads.put(run.spec().leaf(leaf).name(), run.grad(leaf));
        }
        return grads;
    }

    static void compare(String invariant, Map<String, DenseArray> expected, Map<String, DenseArray> actual,
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
    GraphSpec runnable(GraphSpec spec) {
        return adapter().capabilities().contains(Capability.CONSTANTS) ? spec : GraphRewrites.constantsAsLeaves(spec);
    }
}
