package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.Interval;
import dev.gradproof.properties.graph.OpDeclaration;
import dev.gradproof.properties.graph.OpDeclarations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Interprets a {@link GraphRecipe} as a {@link GraphSpec}: a deterministic function of the recipe,
 * so that jqwik shrinks the recipe (fewer steps, smaller numbers, fewer values) and every shrunk
 * recipe is still a valid graph.
 *
 * <p>Operands are chosen among the nodes built so far, so nodes are reused (forks, including
 * {@code x * x}). Domains are respected by construction: the input of log, sqrt, 1/x, a fractional
 * power and the denominator of div is made positive ({@code x^2 + c}) unless its
 * {@link Interval} is already at least {@value #POSITIVE_MARGIN}; and an op whose result could exceed
 * {@link Interval#LIMIT} in magnitude gets its large inputs squashed by tanh first.
 */
final class RandomGraphBuilder {

    /** The least value a guarded input of log, sqrt, 1/x or a denominator can take. */
    static final double POSITIVE_MARGIN = 0.25;
    /** Broadcast results larger than this are avoided. */
    private static final int MAX_SIZE = 256;


    private final List<String> ops;
    private final Capabilities declared;
    private final Set<String> available;
    private final ValuePool pool;
    private final GraphSpec.Builder builder = GraphSpec.builder();
    private final List<Interval> bounds = new ArrayList<>();
    private final List<Integer> uses = new ArrayList<>();
    private final List<Integer> leaves = new ArrayList<>();
    private List<Integer> visible = new ArrayList<>();
    private int names;

    private RandomGraphBuilder(List<String> ops, Capabilities declared, List<Double> pool) {
        this.ops = List.copyOf(ops);
        this.declared = declared;
        this.available = Set.copyOf(ops);
        this.pool = new ValuePool(pool);
    }

    /** A graph from the recipe's first body; scalar output (the sum of its results) or its last op's tensor. */
    static GraphSpec build(List<String> ops, Capabilities declared, GraphRecipe recipe, boolean scalarOutput) {
        RandomGraphBuilder b = new RandomGraphBuilder(ops, declared, recipe.pool());
        b.addLeaves(recipe);
        int output = b.body(recipe.bodies().get(0), scalarOutput);
        return b.builder.build(output);
    }

    /** One graph per body over shared leaves, and their sum. */
    static ForkedGraph buildForked(List<String> ops, Capabilities declared, GraphRecipe recipe) {
        RandomGraphBuilder b = new RandomGraphBuilder(ops, declared, recipe.pool());
        b.addLeaves(recipe);
        List<Integer> outputs = new ArrayList<>();
        for (List<Step> steps : recipe.bodies()) {
            outputs.add(b.body(steps, true));
        }
        int total = outputs.get(0);
        for (int i = 1; i < outputs.size(); i++) {
            total = b.emitExactly(OpCall.of(Ops.ADD), total, outputs.get(i));
        }
        return new ForkedGraph(b.builder.build(total), outputs);
    }

    // ------------------------------------------------------------------ leaves and bodies

    private void addLeaves(GraphRecipe recipe) {
        Shape base = Shape.of(recipe.baseDims().stream().mapToInt(Integer::intValue).toArray());
        for (int mask : recipe.leafMasks()) {
            leaves.add(freshLeaf("x", Shapes.broadcastable(base, allowedMask(mask))));
        }
    }

    /** The broadcast mask within the declared broadcasting: none keeps the shape, same rank drops no axis. */
    private int allowedMask(int mask) {
        return Shapes.within(mask, declared.broadcasting());
    }

    /** True when the declared broadcasting takes {@code a} and {@code b} in one elementwise op. */
    private boolean broadcastable(Shape a, Shape b) {
        return switch (declared.broadcasting()) {
            case NONE -> a.equals(b);
            case SAME_RANK -> a.rank() == b.rank() && broadcastSize(a, b) <= MAX_SIZE;
            case NUMPY -> broadcastSize(a, b) <= MAX_SIZE;
        };
    }

    /** The parameter for {@code op}: the {@code p}-th of the engine's declared domain, else of the op's declaration. */
    private double parameter(String op, int p) {
        double[] values = declared.parameters(op, OpDeclarations.of(op).defaults());
        return values[p % values.length];
    }

    private int freshLeaf(String prefix, Shape shape) {
        Tensor value = pool.next(shape, 1.0);
        int index = builder.leaf(prefix + names++, value);
        double[] data = value.toArray();
        track(Interval.of(Arrays.stream(data).min().orElse(0), Arrays.stream(data).max().orElse(0)));
        visible.add(index);
        return index;
    }

    private int body(List<Step> steps, boolean scalarOutput) {
        visible = new ArrayList<>(leaves);
        int first = builder.size();
        for (Step step : steps) {
            apply(step);
        }
        List<Integer> results = new ArrayList<>();
        for (int i = first; i < builder.size(); i++) {
            if (!isLeaf(i) && uses.get(i) == 0) {
                results.add(i);
            }
        }
        if (results.isEmpty()) {
            results.add(emitExactly(OpCall.of(Ops.ADD), leaves.get(0), leaves.get(0)));
        }
        if (!scalarOutput) {
            return results.get(results.size() - 1);
        }
        int total = -1;
        for (int result : results) {
            int reduced = builder.shape(result).isScalar() ? result : emitExactly(OpCall.of(Ops.SUM), result);
            total = total < 0 ? reduced : emitExactly(OpCall.of(Ops.ADD), total, reduced);
        }
        return total;
    }

    // ------------------------------------------------------------------ steps

    private void apply(Step step) {
        String op = ops.get(step.op() % ops.size());
        int p = step.param();
        switch (op) {
            case Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.MAXIMUM, Ops.MINIMUM -> binary(op, step);
            case Ops.SUM, Ops.MEAN -> emit(OpCall.of(op), pick(visible, step.a()));
            case Ops.SUM_AXIS, Ops.MEAN_AXIS -> withRankAtLeast(1, step.a(), x -> {
                int rank = builder.shape(x).rank();
                return emit(OpCall.alongAxis(op, p % rank, (p / rank) % 2 == 1), x);
            });
            case Ops.SOFTMAX, Ops.LOG_SOFTMAX -> withRankAtLeast(1, step.a(),
                    x -> emit(OpCall.alongAxis(op, p % builder.shape(x).rank(), false), x));
            case Ops.TRANSPOSE -> withRankAtLeast(2, step.a(), x -> emit(OpCall.of(op), x));
            case Ops.BROADCAST_TO -> broadcastTo(pick(visible, step.a()), p);
            case Ops.RESHAPE -> reshape(pick(visible, step.a()), p);
            case Ops.MATMUL -> matmul(step);
            case Ops.BATCH_MATMUL -> batchMatmul(step);
            case Ops.TRANSPOSE_AXES -> withRankAtLeast(2, step.a(), x -> {
                int rank = builder.shape(x).rank();
                int first = p % rank;
                int second = (first + 1 + (p / rank) % (rank - 1)) % rank;
                return emit(OpCall.withInts(op, first, second), x);
            });
            case Ops.MAXOUT -> maxout(step);
            case Ops.SOFTMAX_CROSS_ENTROPY, Ops.SVM_HINGE, Ops.SOFTMAX_CROSS_ENTROPY_SUM, Ops.SVM_HINGE_SUM ->
                    classifierLoss(op, step);
            case Ops.SUM_SQUARED_ERROR, Ops.MEAN_SQUARED_ERROR -> {
                int x = pick(visible, step.a());
                emit(OpCall.of(op), x, freshLeaf("y", builder.shape(x)));
            }
            case Ops.L2 -> {
                int x = pick(visible, step.a());
                double lambda = parameter(op, p / 2);
                if (p % 2 == 1) {
                    emit(OpCall.withScalar(op, lambda), x, pick(visible, step.b()));
                } else {
                    emit(OpCall.withScalar(op, lambda), x);
                }
            }
            default -> unary(op, step);
        }
    }

    private void unary(String op, Step step) {
        int p = step.param();
        OpCall call = OpDeclarations.of(op).parameter() == OpDeclaration.Parameter.SCALAR
                ? OpCall.withScalar(op, parameter(op, p)) : OpCall.of(op);
        int x = pick(visible, step.a());
        if (needsPositiveInput(call)) {
            x = positive(x, p);
            if (x < 0) {
                return;
            }
        }
        emit(call, x);
    }

    private static boolean needsPositiveInput(OpCall call) {
        return OpDeclarations.of(call.op()).needsPositiveInput(call);
    }

    private void binary(String op, Step step) {
        int p = step.param();
        int a = pick(visible, step.a());
        Shape shape = builder.shape(a);
        int b;
        if (p % 4 == 3) {
            b = freshLeaf("x", Shapes.broadcastable(shape, allowedMask(p / 4)));
        } else {
            b = pick(visibleWhere(s -> broadcastable(shape, s)), step.b());
        }
        if ((p / 4) % 2 == 1) {
            int t = a;
            a = b;
            b = t;
        }
        if (op.equals(Ops.DIV)) {
            b = positive(b, p);
            if (b < 0) {
                return;
            }
        }
        emit(OpCall.of(op), a, b);
    }

    private static int broadcastSize(Shape a, Shape b) {
        try {
            return Shape.broadcast(a, b, "add").size();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private void broadcastTo(int x, int p) {
        int[] dims = builder.shape(x).dims();
        int grown = 2 + (p / 2) % 2;
        int ones = -1;
        for (int i = 0; i < dims.length && ones < 0; i++) {
            if (dims[i] == 1) {
                ones = i;
            }
        }
        int[] target;
        if (ones >= 0 && p % 2 == 0) {
            target = dims.clone();
            target[ones] = grown;
        } else if (dims.length < Math.min(4, declared.maxRank())) {
            target = new int[dims.length + 1];
            target[0] = grown;
            System.arraycopy(dims, 0, target, 1, dims.length);
        } else {
            return;
        }
        emit(OpCall.withInts(Ops.BROADCAST_TO, target), x);
    }

    private void reshape(int x, int p) {
        int size = builder.shape(x).size();
        int[][] targets = declared.maxRank() >= 2 ? new int[][] {{size}, {1, size}, {size, 1}}
                : declared.maxRank() == 1 ? new int[][] {{size}} : new int[0][];
        for (int i = 0; i < targets.length; i++) {
            int[] target = targets[(p + i) % targets.length];
            if (!Shape.of(target).equals(builder.shape(x))) {
                emit(OpCall.withInts(Ops.RESHAPE, target), x);
                return;
            }
        }
    }

    private void matmul(Step step) {
        int x = matrix(step.a());
        if (x < 0) {
            return;
        }
        int p = step.param();
        int k = builder.shape(x).dim(1);
        List<Integer> partners = visibleWhere(s -> s.rank() == 2 && s.dim(0) == k);
        int w = p % 2 == 0 && !partners.isEmpty() ? pick(partners, step.b())
                : freshLeaf("w", Shape.of(k, 1 + (p / 2) % 4));
        emit(OpCall.of(Ops.MATMUL), x, w);
    }

    /** A rank-3 batch times a matrix or a batch: a visible rank-3 node, or none. */
    private void batchMatmul(Step step) {
        List<Integer> batches = visibleWhere(s -> s.rank() == 3);
        if (batches.isEmpty()) {
            return;
        }
        int x = pick(batches, step.a());
        Shape s = builder.shape(x);
        int p = step.param();
        int n = 1 + (p / 2) % 3;
        Shape w = p % 2 == 0 ? Shape.of(s.dim(2), n) : Shape.of(s.dim(0), s.dim(2), n);
        emit(OpCall.of(Ops.BATCH_MATMUL), x, freshLeaf("w", w));
    }

    private void maxout(Step step) {
        int x = matrix(step.a());
        if (x < 0) {
            return;
        }
        int d = builder.shape(x).dim(1);
        int h = 1 + step.param() % 3;
        int w1 = freshLeaf("w", Shape.of(d, h));
        int b1 = freshLeaf("b", Shape.of(h));
        int w2 = freshLeaf("w", Shape.of(d, h));
        int b2 = freshLeaf("b", Shape.of(h));
        emit(OpCall.of(Ops.MAXOUT), x, w1, b1, w2, b2);
    }

    private void classifierLoss(String op, Step step) {
        int scores = matrix(step.a());
        if (scores < 0) {
            return;
        }
        Shape s = builder.shape(scores);
        int[] labels = new int[s.dim(0)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (step.param() + i) % s.dim(1);
        }
        emit(OpCall.withInts(op, labels), scores);
    }

    /** A matrix operand: a visible rank-2 node, or a node reshaped to one row; -1 if impossible. */
    private int matrix(int choice) {
        if (declared.maxRank() < 2) {
            return -1;
        }
        List<Integer> matrices = visibleWhere(s -> s.rank() == 2);
        if (!matrices.isEmpty()) {
            return pick(matrices, choice);
        }
        if (!available.contains(Ops.RESHAPE)) {
            return -1;
        }
        int x = pick(visible, choice);
        return emit(OpCall.withInts(Ops.RESHAPE, 1, builder.shape(x).size()), x);
    }

    private void withRankAtLeast(int rank, int choice, java.util.function.IntUnaryOperator op) {
        List<Integer> candidates = visibleWhere(s -> s.rank() >= rank);
        if (!candidates.isEmpty()) {
            op.applyAsInt(pick(candidates, choice));
        }
    }

    /** The visible nodes whose shape passes {@code test}, in order. */
    private List<Integer> visibleWhere(Predicate<Shape> test) {
        return visible.stream().filter(node -> test.test(builder.shape(node))).toList();
    }

    // ------------------------------------------------------------------ guards and emission

    /** {@code x} itself when surely at least the margin, else {@code x^2 + c}; -1 if the engine lacks the ops. */
    private int positive(int x, int p) {
        if (bounds.get(x).lo() >= POSITIVE_MARGIN) {
            return x;
        }
        if (!available.contains(Ops.SQUARE) || !available.contains(Ops.ADD_CONSTANT)) {
            return -1;
        }
        double c = p % 2 == 0 ? 1.0 : 0.5;
        return emit(OpCall.withScalar(Ops.ADD_CONSTANT, c), emit(OpCall.of(Ops.SQUARE), x));
    }

    /**
     * Adds the op; if its result could exceed the limit, first squashes its large op-node inputs by
     * tanh.
     */
    private int emit(OpCall call, int... inputs) {
        if (!bound(call, inputs).within(Interval.LIMIT) && available.contains(Ops.TANH)) {
            java.util.Map<Integer, Integer> squashed = new java.util.HashMap<>();
            for (int i = 0; i < inputs.length; i++) {
                int input = inputs[i];
                if (!isLeaf(input) && bounds.get(input).magnitude() > 1) {
                    inputs[i] = squashed.computeIfAbsent(input, x -> emit(OpCall.of(Ops.TANH), x));
                }
            }
        }
        return emitExactly(call, inputs);
    }

    /** Adds the op as it is, without squashing: for the sums that end a graph and join branches. */
    private int emitExactly(OpCall call, int... inputs) {
        Interval range = bound(call, inputs);
        int index = builder.apply(call, inputs);
        for (int input : inputs) {
            uses.set(input, uses.get(input) + 1);
        }
        track(range);
        visible.add(index);
        return index;
    }

    private Interval bound(OpCall call, int... inputs) {
        List<Interval> in = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (int input : inputs) {
            in.add(bounds.get(input));
            shapes.add(builder.shape(input));
        }
        return OpDeclarations.of(call.op()).interval().apply(call, in, shapes);
    }

    private void track(Interval range) {
        bounds.add(range);
        uses.add(0);
    }

    private boolean isLeaf(int index) {
        return builder.node(index) instanceof dev.gradproof.properties.graph.LeafNode;
    }

    private static int pick(List<Integer> candidates, int choice) {
        return candidates.get(candidates.size() - 1 - choice % candidates.size());
    }
}
