package dev.gradproof.properties.scalar;

import dev.gradproof.autograd.Shape;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ready base for scalar engines: an {@link AutogradAdapter} over {@link ScalarTensor}s whose
 * elements are a {@link ScalarEngine}'s nodes. Elementwise ops are applied element by element (with
 * numpy broadcasting); sum, sumAxis, broadcastTo, reshape and transpose are built from the engine's
 * add and from moving elements; matmul from mul and add; mean and meanAxis from a sum and
 * mulConstant. An upstream gradient {@code g} is applied as backward of {@code sum_i g_i out_i}.
 *
 * <pre>{@code
 * class MyEngineContractProperties extends AutogradContract<ScalarTensor<Value>> {
 *     protected AutogradAdapter<ScalarTensor<Value>> engine() {
 *         return new ScalarAdapter<>(new MyScalarEngine());
 *     }
 * }
 * }</pre>
 *
 * @param <S> the engine's scalar node type
 */
public final class ScalarAdapter<S> implements AutogradAdapter<ScalarTensor<S>> {

    /** The ops a scalar engine may supply, applied element by element. */
    public static final Set<String> ELEMENTWISE = Set.of(Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.MAXIMUM,
            Ops.MINIMUM, Ops.NEG, Ops.EXP, Ops.LOG, Ops.SQRT, Ops.SQUARE, Ops.ABS, Ops.RECIPROCAL, Ops.ADD_CONSTANT,
            Ops.MUL_CONSTANT, Ops.POW, Ops.SIGMOID, Ops.TANH, Ops.RELU, Ops.LEAKY_RELU, Ops.ELU, Ops.GELU, Ops.SILU,
            Ops.NORMAL_CDF);

    private static final Set<String> BINARY = Set.of(Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.MAXIMUM, Ops.MINIMUM);

    private final ScalarEngine<S> engine;
    private final Set<String> ops;

    /**
     * @throws IllegalArgumentException naming an op the scalar engine declares that is not
     *     elementwise, or when it lacks add
     */
    public ScalarAdapter(ScalarEngine<S> engine) {
        this.engine = engine;
        for (String op : engine.ops()) {
            if (!ELEMENTWISE.contains(op)) {
                throw new IllegalArgumentException("ScalarAdapter: " + engine.name() + " declares \"" + op
                        + "\", which is not a scalar op; scalar ops: " + ELEMENTWISE);
            }
        }
        if (!engine.ops().contains(Ops.ADD)) {
            throw new IllegalArgumentException("ScalarAdapter: " + engine.name() + " must declare add");
        }
        Set<String> all = new HashSet<>(engine.ops());
        all.addAll(List.of(Ops.SUM, Ops.SUM_AXIS, Ops.BROADCAST_TO, Ops.RESHAPE, Ops.TRANSPOSE));
        if (engine.ops().contains(Ops.MUL)) {
            all.add(Ops.MATMUL);
        }
        if (engine.ops().contains(Ops.MUL_CONSTANT)) {
            all.addAll(List.of(Ops.MEAN, Ops.MEAN_AXIS));
        }
        this.ops = Set.copyOf(all);
    }

    @Override
    public String name() {
        return engine.name();
    }

    /** The engine's scalar ops and the tensor ops built from them. */
    @Override
    public Set<String> ops() {
        return ops;
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> declared = EnumSet.noneOf(Capability.class);
        for (Capability c : engine.capabilities()) {
            if (c == Capability.CONSTANTS || c == Capability.ZERO_GRAD) {
                declared.add(c);
            }
        }
        return declared;
    }

    /** The engine's declaration; upstream gradients are always supported (applied as a weighted sum). */
    @Override
    public Capabilities declared() {
        Capabilities declared = engine.declared();
        return declared.upstream() ? declared : new Capabilities(declared.maxRank(), declared.broadcasting(),
                declared.zeroSizeDims(), declared.parameterDomains(), true, declared.repeatedBackward(),
                declared.determinismTolerance(), declared.precision(), declared.parameterPrecision(),
                declared.concurrentCalls());
    }

    @Override
    public List<KnownFault> knownFaults() {
        return engine.knownFaults();
    }

    @Override
    public ScalarTensor<S> leaf(String name, DenseArray value) {
        return elementwise(value, engine::leaf);
    }

    @Override
    public ScalarTensor<S> constant(String name, DenseArray value) {
        return elementwise(value, engine::constant);
    }

    /** One engine node per element of {@code value}, in its shape. */
    private ScalarTensor<S> elementwise(DenseArray value, java.util.function.DoubleFunction<S> node) {
        List<S> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(node.apply(value.get(i)));
        }
        return new ScalarTensor<>(value.shape(), elements);
    }

    @Override
    public void zeroGrad(ScalarTensor<S> leaf) {
        leaf.elements().forEach(engine::zeroGrad);
    }

    @Override
    public ScalarTensor<S> apply(OpCall call, List<ScalarTensor<S>> in) {
        String op = call.op();
        if (BINARY.contains(op)) {
            return broadcastBinary(call, in.get(0), in.get(1));
        }
        if (ELEMENTWISE.contains(op)) {
            ScalarTensor<S> x = in.get(0);
            List<S> out = new ArrayList<>(x.size());
            for (S s : x.elements()) {
                out.add(engine.apply(call, List.of(s)));
            }
            return new ScalarTensor<>(x.shape(), out);
        }
        return switch (op) {
            case Ops.SUM -> new ScalarTensor<>(new int[0], List.of(sum(in.get(0).elements())));
            case Ops.MEAN -> mean(in.get(0));
            case Ops.SUM_AXIS -> alongAxis(in.get(0), call.axis(), call.keepDims(), false);
            case Ops.MEAN_AXIS -> alongAxis(in.get(0), call.axis(), call.keepDims(), true);
            case Ops.BROADCAST_TO -> broadcastTo(in.get(0), call.ints());
            case Ops.RESHAPE -> new ScalarTensor<>(call.ints(), in.get(0).elements());
            case Ops.TRANSPOSE -> transpose(in.get(0));
            case Ops.MATMUL -> matmul(in.get(0), in.get(1));
            default -> throw new IllegalArgumentException("ScalarAdapter: " + op + " is not built from scalar ops");
        };
    }

    /** Backward of {@code sum_i upstream_i output_i}: the engine's own backward when that is the output itself. */
    @Override
    public void backward(ScalarTensor<S> output, DenseArray upstream) {
        if (output.size() == 1 && upstream.get(0) == 1.0) {
            engine.backward(output.get(0));
            return;
        }
        List<S> weighted = new ArrayList<>(output.size());
        for (int i = 0; i < output.size(); i++) {
            weighted.add(scaled(output.get(i), upstream.get(i)));
        }
        engine.backward(sum(weighted));
    }

    @Override
    public DenseArray value(ScalarTensor<S> node) {
        return read(node, engine::value);
    }

    @Override
    public DenseArray grad(ScalarTensor<S> node) {
        return read(node, engine::grad);
    }

    /** {@code element} of each of the tensor's nodes, in its shape. */
    private DenseArray read(ScalarTensor<S> node, java.util.function.ToDoubleFunction<S> element) {
        double[] data = new double[node.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = element.applyAsDouble(node.get(i));
        }
        return new DenseArray(data, node.shape());
    }

    // ------------------------------------------------------------------ tensor ops from scalar ops

    private ScalarTensor<S> broadcastBinary(OpCall call, ScalarTensor<S> a, ScalarTensor<S> b) {
        Shape out = Shape.broadcast(Shape.of(a.shape()), Shape.of(b.shape()), call.op());
        List<S> elements = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            int[] index = out.index(i);
            elements.add(engine.apply(call, List.of(a.get(sourceOffset(index, a.shape())),
                    b.get(sourceOffset(index, b.shape())))));
        }
        return new ScalarTensor<>(out.dims(), elements);
    }

    /** The offset in a tensor of {@code shape} that broadcasts to the element at {@code index}. */
    private static int sourceOffset(int[] index, int[] shape) {
        int offset = 0;
        int lead = index.length - shape.length;
        for (int d = 0; d < shape.length; d++) {
            offset = offset * shape[d] + (shape[d] == 1 ? 0 : index[lead + d]);
        }
        return offset;
    }

    private ScalarTensor<S> broadcastTo(ScalarTensor<S> x, int[] target) {
        Shape out = Shape.of(target);
        List<S> elements = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            elements.add(x.get(sourceOffset(out.index(i), x.shape())));
        }
        return new ScalarTensor<>(target, elements);
    }

    private ScalarTensor<S> transpose(ScalarTensor<S> x) {
        int[] dims = x.shape();
        int[] reversed = new int[dims.length];
        for (int d = 0; d < dims.length; d++) {
            reversed[d] = dims[dims.length - 1 - d];
        }
        Shape in = Shape.of(dims);
        Shape out = Shape.of(reversed);
        List<S> elements = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            int[] index = out.index(i);
            int[] source = new int[index.length];
            for (int d = 0; d < index.length; d++) {
                source[d] = index[index.length - 1 - d];
            }
            elements.add(x.get(in.offset(source)));
        }
        return new ScalarTensor<>(reversed, elements);
    }

    private ScalarTensor<S> alongAxis(ScalarTensor<S> x, int axis, boolean keepDims, boolean mean) {
        int[] dims = x.shape();
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= dims[d];
        }
        int inner = 1;
        for (int d = axis + 1; d < dims.length; d++) {
            inner *= dims[d];
        }
        List<S> elements = new ArrayList<>(outer * inner);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                List<S> terms = new ArrayList<>(dims[axis]);
                for (int k = 0; k < dims[axis]; k++) {
                    terms.add(x.get((o * dims[axis] + k) * inner + i));
                }
                S total = sum(terms);
                elements.add(mean ? scaledBy(total, 1.0 / dims[axis]) : total);
            }
        }
        return new ScalarTensor<>(Shape.of(dims).reduce(axis, keepDims).dims(), elements);
    }

    private ScalarTensor<S> mean(ScalarTensor<S> x) {
        return new ScalarTensor<>(new int[0], List.of(scaledBy(sum(x.elements()), 1.0 / x.size())));
    }

    private ScalarTensor<S> matmul(ScalarTensor<S> a, ScalarTensor<S> b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        if (as.length != 2 || bs.length != 2 || as[1] != bs[0]) {
            throw new IllegalArgumentException("matmul: need [m, k] @ [k, n], got " + Arrays.toString(as) + " @ "
                    + Arrays.toString(bs));
        }
        int m = as[0];
        int k = as[1];
        int n = bs[1];
        List<S> elements = new ArrayList<>(m * n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                List<S> terms = new ArrayList<>(k);
                for (int p = 0; p < k; p++) {
                    terms.add(engine.apply(OpCall.of(Ops.MUL), List.of(a.get(i * k + p), b.get(p * n + j))));
                }
                elements.add(sum(terms));
            }
        }
        return new ScalarTensor<>(new int[] {m, n}, elements);
    }

    /** The sum of the nodes, added left to right; a zero for none. */
    private S sum(List<S> terms) {
        if (terms.isEmpty()) {
            return zero();
        }
        S total = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            total = engine.apply(OpCall.of(Ops.ADD), List.of(total, terms.get(i)));
        }
        return total;
    }

    /** {@code c x}, with mulConstant (for mean). */
    private S scaledBy(S x, double c) {
        return engine.apply(OpCall.withScalar(Ops.MUL_CONSTANT, c), List.of(x));
    }

    /** {@code g x} for an upstream element: mulConstant if the engine has it, else mul by a fresh leaf. */
    private S scaled(S x, double g) {
        if (engine.ops().contains(Ops.MUL_CONSTANT)) {
            return scaledBy(x, g);
        }
        if (engine.ops().contains(Ops.MUL)) {
            S weight = engine.capabilities().contains(Capability.CONSTANTS) ? engine.constant(g) : engine.leaf(g);
            return engine.apply(OpCall.of(Ops.MUL), List.of(x, weight));
        }
        throw new dev.gradproof.properties.engine.Unsupported("an upstream gradient needs mul or mulConstant; "
                + engine.name() + " declares neither");
    }

    /**
     * The zero that an empty sum is: a leaf whose gradient is never read, not a constant, so that
     * backward from a sum of nothing is still a backward the engine can run.
     */
    private S zero() {
        return engine.leaf(0.0);
    }
}
