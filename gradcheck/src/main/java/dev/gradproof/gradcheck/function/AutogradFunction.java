package dev.gradproof.gradcheck.function;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Graph;
import dev.gradproof.autograd.GradMode;
import dev.gradproof.autograd.KinkedOp;
import dev.gradproof.autograd.Op;
import dev.gradproof.autograd.Scope;
import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * The adapter for autograd-core: a {@code Function<List<Variable>, Variable>} evaluated on fresh
 * variables built for every evaluation (leaves for differentiated inputs, named constants for
 * data), with the vector-Jacobian product from {@link Autograd#grad} and a {@link BranchRecord} from
 * {@link Graph#kinkedOps(Variable)} for kink detection.
 *
 * <p>The function must build a new graph from its arguments on every call (it may capture
 * constants); it is called from several threads at once, each with its own variables.
 */
public final class AutogradFunction implements CheckedFunction {

    private static final double[] KINK_PROBE_RADII = {1e-6, 1e-4, 1e-2};

    private final Function<List<Variable>, Variable> function;
    private final List<String> names;
    private final List<Shape> shapes;
    /** The points handed over are wrapped without a copy ({@link #sharingArrays()}). */
    private final boolean wrapsPoints;

    /**
     * @param function the function of the inputs, in order
     * @param names    the inputs' names
     * @param shapes   the inputs' dimensions
     */
    public AutogradFunction(Function<List<Variable>, Variable> function, List<String> names, List<int[]> shapes) {
        if (names.size() != shapes.size()) {
            throw new IllegalArgumentException("autograd function: " + names.size() + " names for " + shapes.size()
                    + " shapes");
        }
        this.function = function;
        this.names = List.copyOf(names);
        List<Shape> s = new ArrayList<>();
        for (int[] dims : shapes) {
            s.add(Shape.of(dims));
        }
        this.shapes = List.copyOf(s);
        this.wrapsPoints = false;
    }

    private AutogradFunction(AutogradFunction copying) {
        this.function = copying.function;
        this.names = copying.names;
        this.shapes = copying.shapes;
        this.wrapsPoints = true;
    }

    /**
     * This function wrapping the arrays it is handed in tensors without copying them: tensors never
     * change, so neither the function nor the code it calls writes them, and the checker promises
     * never to write them either, so a function that keeps a tensor from one call (a cache of its first
     * input) still reads the values it was given when it reads it in a later call. Its value and
     * gradients are the tensors' own arrays, read in place.
     */
    @Override
    public Optional<CheckedFunction> sharingArrays() {
        return Optional.of(wrapsPoints ? this : new AutogradFunction(this));
    }

    /** Fresh variables for a point: leaves for differentiated inputs, named constants for data. */
    List<Variable> variables(double[][] point, boolean[] wrt) {
        List<Variable> vars = new ArrayList<>(point.length);
        for (int i = 0; i < point.length; i++) {
            Tensor t = tensor(point[i], shapes.get(i), wrapsPoints);
            vars.add(wrt[i] ? Variable.leaf(names.get(i), t) : Variable.constant(names.get(i), t));
        }
        return vars;
    }

    /** The function applied to variables, in grad mode, never null. */
    Variable apply(List<Variable> vars) {
        try (Scope ignored = GradMode.enableGrad()) {
            Variable out = function.apply(vars);
            if (out == null) {
                throw new IllegalStateException("autograd function returned null");
            }
            return out;
        }
    }

    @Override
    public Evaluation evaluate(double[][] point, boolean[] wrt) {
        Variable out = apply(variables(point, wrt));
        // handed-over arrays go both ways: the value is read in place, and the checker never writes it
        double[] value = array(out.value(), wrapsPoints);
        return new Evaluation(value, out.shape().dims(), branchRecord(out));
    }

    /**
     * The branch record of the graph behind {@code out}: the structure of the graph and the branch
     * every kinked op took. Public for adapters whose leaves are made elsewhere (the parameters of an
     * {@code nn} layer), so that their kinks are named as for any autograd-core function.
     */
    public static BranchRecord branchRecord(Variable out) {
        return branchRecord(out, false);
    }

    /**
     * The branch record, with {@code smoothJoins} also of the kinked ops whose pieces meet with equal
     * slopes ({@link KinkedOp#hasKink()} false: ELU with alpha 1). Their first derivative is continuous
     * but their second is not, so the backward pass, checked by gradgradcheck, has a kink there.
     */
    static BranchRecord branchRecord(Variable out, boolean smoothJoins) {
        if (!out.requiresGrad()) {
            return new BranchRecord(0, 0, List.of(), List.of());
        }
        List<Variable> order = Graph.topologicalOrder(List.of(out));
        int hash = 1;
        List<String> ops = new ArrayList<>();
        List<int[]> branches = new ArrayList<>();
        for (Variable node : order) {
            if (node.creator().isEmpty()) {
                hash = 31 * hash + 7;
                continue;
            }
            Op op = node.creator().get();
            hash = 31 * hash + op.describe().hashCode();
            if (op instanceof KinkedOp kinked && (smoothJoins || kinked.hasKink())) {
                ops.add(kinked.describe());
                branches.add(kinked.branches());
            }
        }
        return new BranchRecord(order.size(), hash, ops, branches);
    }

    @Override
    public double[][] vectorJacobianProduct(double[][] point, double[] upstream, boolean[] wrt) {
        List<Variable> vars = variables(point, wrt);
        // the graph is left behind before the gradients are copied out: one output-sized array fewer at once
        List<Variable> grads = gradients(apply(vars), vars, upstream, wrapsPoints, wrt);
        return arrays(grads, vars.size(), wrt, wrapsPoints);
    }

    /** Every input as a leaf, so that the whole computation is recorded, data paths included. */
    @Override
    public double roundingScale(double[][] point, double[] upstream, boolean[] wrt) {
        boolean[] all = new boolean[point.length];
        java.util.Arrays.fill(all, true);
        Variable out = apply(variables(point, all));
        return RoundingScale.of(out, tensor(upstream, out.shape(), wrapsPoints));
    }

    /** The gradients of {@code <upstream, out>} with respect to the differentiated variables; null for data. */
    static double[][] gradients(Variable out, List<Variable> vars, double[] upstream, boolean[] wrt) {
        return arrays(gradients(out, vars, upstream, false, wrt), vars.size(), wrt, false);
    }

    /** The gradient variables of the differentiated inputs, in input order; the upstream wrapped or copied. */
    private static List<Variable> gradients(Variable out, List<Variable> vars, double[] upstream, boolean wrap,
                                            boolean[] wrt) {
        List<Variable> leaves = leaves(vars, wrt);
        if (leaves.isEmpty()) {
            return leaves;
        }
        if (out.requiresGrad()) {
            Variable up = Variable.constant(tensor(upstream, out.shape(), wrap));
            return Autograd.grad(out, leaves, up, false);
        }
        List<Variable> grads = new ArrayList<>();
        for (Variable leaf : leaves) {
            grads.add(Variable.constant(Tensor.zeros(leaf.shape())));
        }
        return grads;
    }

    /** The gradients as arrays, one per input, null for data; read in place or copied. */
    private static double[][] arrays(List<Variable> grads, int inputs, boolean[] wrt, boolean inPlace) {
        double[][] result = new double[inputs][];
        int g = 0;
        for (int i = 0; i < inputs; i++) {
            if (wrt[i]) {
                result[i] = array(grads.get(g++).value(), inPlace);
            }
        }
        return result;
    }

    /** A tensor over {@code values}: the array itself when it is handed over for good, else a copy. */
    private static Tensor tensor(double[] values, Shape shape, boolean handedOver) {
        return handedOver ? Tensor.wrap(shape, values) : Tensor.of(values, shape);
    }

    /** A tensor's values: its own array when arrays are handed over both ways, else a copy. */
    private static double[] array(Tensor t, boolean handedOver) {
        return handedOver ? t.data() : t.toArray();
    }

    /** The variables of the differentiated inputs, in input order. */
    static List<Variable> leaves(List<Variable> vars, boolean[] wrt) {
        List<Variable> leaves = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            if (wrt[i]) {
                leaves.add(vars.get(i));
            }
        }
        return leaves;
    }

    /**
     * Probes random sign perturbations of radius 1e-6, 1e-4 and 1e-2 (times the inputs' scale) for
     * kinked-op elements whose branch flips, then backpropagates from those elements (weighted by
     * 1/radius) to the inputs: an input element's score is how strongly it drives op elements near
     * their kinks.
     */
    @Override
    public double[][] kinkProximity(double[][] point, boolean[] wrt, long seed) {
        List<Variable> vars = variables(point, wrt);
        Variable out = apply(vars);
        if (!out.requiresGrad()) {
            return null;
        }
        Map<KinkedOp, Variable> nodes = new IdentityHashMap<>();
        List<KinkedOp> kinked = new ArrayList<>();
        for (Variable node : Graph.topologicalOrder(List.of(out))) {
            if (node.creator().isPresent() && node.creator().get() instanceof KinkedOp k && k.hasKink()) {
                nodes.put(k, node);
                kinked.add(k);
            }
        }
        if (kinked.isEmpty()) {
            return null;
        }
        double[][] weights = new double[kinked.size()][];
        Random random = new Random(seed);
        double scale = scale(point, wrt);
        for (double radius : KINK_PROBE_RADII) {
            double[][] direction = signs(point, wrt, random);
            for (int sign = -1; sign <= 1; sign += 2) {
                double[][] moved = new double[point.length][];
                for (int i = 0; i < point.length; i++) {
                    moved[i] = point[i].clone();
                    if (wrt[i]) {
                        for (int k = 0; k < moved[i].length; k++) {
                            moved[i][k] += sign * radius * scale * direction[i][k];
                        }
                    }
                }
                Variable probe = apply(variables(moved, wrt));
                List<KinkedOp> probed = probe.requiresGrad() ? kinkedWithKink(probe) : List.of();
                if (probed.size() != kinked.size()) {
                    continue;
                }
                for (int o = 0; o < kinked.size(); o++) {
                    int[] base = kinked.get(o).branches();
                    int[] moved0 = probed.get(o).branches();
                    if (base.length != moved0.length) {
                        continue;
                    }
                    for (int e = 0; e < base.length; e++) {
                        if (base[e] != moved0[e]) {
                            if (weights[o] == null) {
                                weights[o] = new double[base.length];
                            }
                            weights[o][e] = Math.max(weights[o][e], 1 / radius);
                        }
                    }
                }
            }
        }
        List<Variable> outputs = new ArrayList<>();
        List<Variable> upstreams = new ArrayList<>();
        for (int o = 0; o < kinked.size(); o++) {
            if (weights[o] == null || !(kinked.get(o) instanceof Op op)) {
                continue;
            }
            Tensor w = Tensor.of(weights[o], nodes.get(kinked.get(o)).shape());
            for (Variable in : op.inputs()) {
                if (in.requiresGrad()) {
                    outputs.add(in);
                    upstreams.add(Variable.constant(w.reduceTo(in.shape())));
                }
            }
        }
        double[][] score = new double[point.length][];
        for (int i = 0; i < point.length; i++) {
            score[i] = new double[point[i].length];
        }
        if (outputs.isEmpty()) {
            return score;
        }
        List<Variable> grads = Autograd.grad(outputs, leaves(vars, wrt), upstreams, false);
        int g = 0;
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                double[] values = grads.get(g++).value().toArray();
                for (int k = 0; k < values.length; k++) {
                    score[i][k] = Math.abs(values[k]);
                }
            }
        }
        return score;
    }

    private static List<KinkedOp> kinkedWithKink(Variable out) {
        List<KinkedOp> list = new ArrayList<>();
        for (KinkedOp k : Graph.kinkedOps(out)) {
            if (k.hasKink()) {
                list.add(k);
            }
        }
        return list;
    }

    private static double scale(double[][] point, boolean[] wrt) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                for (double v : point[i]) {
                    sum += v * v;
                    n++;
                }
            }
        }
        return Math.max(1, n == 0 ? 0 : Math.sqrt(sum / n));
    }

    private static double[][] signs(double[][] point, boolean[] wrt, Random random) {
        double[][] s = new double[point.length][];
        for (int i = 0; i < point.length; i++) {
            s[i] = new double[point[i].length];
            if (wrt[i]) {
                for (int k = 0; k < s[i].length; k++) {
                    s[i][k] = random.nextBoolean() ? 1 : -1;
                }
            }
        }
        return s;
    }
}
