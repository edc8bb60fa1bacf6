package dev.gradproof.autograd;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * A node of the computational graph: a {@link Tensor} value, the gradient accumulated into it by
 * backward passes, whether it requires grad, and the {@link Op} that made it.
 *
 * <p>Leaves are made by the user with {@link #leaf(Tensor)}; constants ({@link #constant(Tensor)})
 * do not require grad and receive none. Every op below records a new node when grad mode is on and
 * any input requires grad:
 *
 * <pre>{@code
 * Variable x = Variable.leaf("x", Tensor.scalar(-2));
 * Variable y = Variable.leaf("y", Tensor.scalar(5));
 * Variable z = Variable.leaf("z", Tensor.scalar(-4));
 * Variable f = x.add(y).mul(z);   // f = (x + y) z = -12
 * f.backward();                   // df/dx = -4, df/dy = -4, df/dz = 3
 * }</pre>
 *
 * <p>Gradients accumulate ({@code +=}) at forks and across repeated {@link #backward()} calls until
 * {@link #zeroGrad()}. Every node that requires grad keeps its gradient, intermediate nodes too,
 * as in the notes' staged computations.
 *
 * <p>A variable is not thread-safe: build and differentiate each graph on one thread.
 */
public final class Variable {

    private final Tensor value;
    private final boolean requiresGrad;
    private final Op creator;
    private final String name;
    private Tensor grad;
    /**
     * The number of the graph walk that has marked this node visited (see {@link Graph}); 0 when
     * none has. A number, not a reference, so that marking a long-lived graph stores no pointer to
     * a young object in old ones (which would make every young collection scan the whole graph).
     */
    private volatile long visitor;
    /** This node's position in the order of the walk that marked it; read only by that walk. */
    private int walkIndex;

    private Variable(Tensor value, boolean requiresGrad, Op creator, String name) {
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.creator = creator;
        this.name = name;
    }

    private static final AtomicLongFieldUpdater<Variable> VISITOR =
            AtomicLongFieldUpdater.newUpdater(Variable.class, "visitor");

    /** Marks this node visited by the walk numbered {@code walk}; false if some walk has marked it already. */
    boolean markVisited(long walk) {
        return VISITOR.compareAndSet(this, 0L, walk);
    }

    /** Whether the walk numbered {@code walk} has marked this node. */
    boolean isMarkedBy(long walk) {
        return visitor == walk;
    }

    int walkIndex() {
        return walkIndex;
    }

    void walkIndex(int index) {
        walkIndex = index;
    }

    /** Removes the mark of the walk numbered {@code walk}, leaving any other walk's mark in place. */
    void unmark(long walk) {
        VISITOR.compareAndSet(this, walk, 0L);
    }

    /** A node made by {@code creator}; see {@link Op#record(Tensor)}. */
    Variable(Tensor value, Op creator) {
        this(value, true, creator, null);
    }

    // ------------------------------------------------------------------ factories

    /** A leaf that requires grad: a parameter or an input to differentiate with respect to. */
    public static Variable leaf(Tensor value) {
        return new Variable(value, true, null, null);
    }

    /** A named leaf that requires grad; the name appears in messages and reports. */
    public static Variable leaf(String name, Tensor value) {
        return new Variable(value, true, null, name);
    }

    /** A scalar leaf that requires grad. */
    public static Variable scalar(String name, double value) {
        return leaf(name, Tensor.scalar(value));
    }

    /** A constant: takes part in computations, never requires or receives a gradient. */
    public static Variable constant(Tensor value) {
        return new Variable(value, false, null, null);
    }

    /** A named constant, such as the data {@code x} of a network. */
    public static Variable constant(String name, Tensor value) {
        return new Variable(value, false, null, name);
    }

    /** A scalar constant. */
    public static Variable constant(double value) {
        return constant(Tensor.scalar(value));
    }

    // ------------------------------------------------------------------ node

    /** The value computed by the forward pass. */
    public Tensor value() {
        return value;
    }

    /** The value's shape. */
    public Shape shape() {
        return value.shape();
    }

    /** The name given at creation, or empty. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Whether gradients flow into this node. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True for nodes not made by an op: user leaves and constants. */
    public boolean isLeaf() {
        return creator == null;
    }

    /** The op that made this node, empty for leaves and constants. */
    public Optional<Op> creator() {
        return Optional.ofNullable(creator);
    }

    /** The inputs of the op that made this node; empty for leaves. */
    public List<Variable> parents() {
        return creator == null ? List.of() : creator.inputs();
    }

    /**
     * The gradient accumulated by backward passes since the last {@link #zeroGrad()}, always of this
     * variable's shape: zeros if nothing has flowed here (an unused leaf, a constant).
     */
    public Tensor grad() {
        return grad != null ? grad : Tensor.zeros(value.shape());
    }

    /** Forgets the accumulated gradient of this node. */
    public void zeroGrad() {
        grad = null;
    }

    /** A constant with this value, cut off from the graph: no gradient flows through it. */
    public Variable detach() {
        return new Variable(value, false, null, name);
    }

    // ------------------------------------------------------------------ backward

    /**
     * Backpropagates from this scalar with upstream gradient 1.0 and adds the result into
     * {@link #grad()} of every node that requires grad.
     *
     * @throws IllegalArgumentException if this is not a scalar, or does not require grad
     */
    public void backward() {
        accumulate(Backprop.run(List.of(this), java.util.Collections.singletonList(null), false, false, null));
    }

    /**
     * Backpropagates from this output with the given upstream gradient {@code dL/dthis} and adds the
     * result into {@link #grad()} of every node that requires grad.
     *
     * @throws IllegalArgumentException if {@code upstream}'s shape differs from this variable's
     */
    public void backward(Tensor upstream) {
        accumulate(Backprop.run(List.of(this), List.of(constant(upstream)), false, false, null));
    }

    private static void accumulate(Map<Variable, Variable> grads) {
        grads.forEach((node, g) -> node.grad = node.grad == null ? g.value() : node.grad.plus(g.value()));
    }

    // ------------------------------------------------------------------ arithmetic

    /** Elementwise {@code this + other}, broadcasting. Backward: the add gate passes the upstream to both. */
    public Variable add(Variable other) {
        return Add.apply(this, other);
    }

    /** {@code c + this}: the notes' f_c(x) = c + x, with local gradient 1. */
    public Variable add(double c) {
        return AddConstant.apply(this, c);
    }

    /** Elementwise {@code this - other}, broadcasting. */
    public Variable sub(Variable other) {
        return Sub.apply(this, other);
    }

    /** Elementwise {@code this * other}, broadcasting. Backward: the mul gate swaps its inputs. */
    public Variable mul(Variable other) {
        return Mul.apply(this, other);
    }

    /** {@code a * this}: the notes' f_a(x) = ax, with local gradient a. */
    public Variable mul(double a) {
        return MulConstant.apply(this, a);
    }

    /** Elementwise {@code this / other}, broadcasting. */
    public Variable div(Variable other) {
        return Div.apply(this, other);
    }

    /** {@code -this}. */
    public Variable neg() {
        return Neg.apply(this);
    }

    /** {@code 1 / this}, local gradient {@code -1/x^2}. */
    public Variable reciprocal() {
        return Reciprocal.apply(this);
    }

    /** {@code e^this}, local gradient {@code e^x}. */
    public Variable exp() {
        return Exp.apply(this);
    }

    /** Natural logarithm, local gradient {@code 1/x}. */
    public Variable log() {
        return Log.apply(this);
    }

    /** {@code this^p} for a constant exponent, local gradient {@code p x^(p-1)}. */
    public Variable pow(double p) {
        return Pow.apply(this, p);
    }

    /** {@code this^2}, local gradient {@code 2x}. */
    public Variable square() {
        return Square.apply(this);
    }

    /** Square root, local gradient {@code 1/(2 sqrt(x))}. */
    public Variable sqrt() {
        return Sqrt.apply(this);
    }

    /** {@code |this|}; a kink at 0, where the subgradient is 0. */
    public Variable abs() {
        return Abs.apply(this);
    }

    /**
     * Elementwise maximum, broadcasting: the max gate routes the upstream to the larger input.
     * A tie routes it all to {@code this}, the first argument.
     */
    public Variable maximum(Variable other) {
        return Extremum.maximum(this, other);
    }

    /** Elementwise minimum, broadcasting; a tie routes the upstream to {@code this}, the first argument. */
    public Variable minimum(Variable other) {
        return Extremum.minimum(this, other);
    }

    // ------------------------------------------------------------------ reductions and shapes

    /** The sum of all elements, a scalar. */
    public Variable sum() {
        return SumToShape.apply(this, Shape.SCALAR);
    }

    /** The sum along {@code axis} (negative counts from the end), keeping it with size 1 if asked. */
    public Variable sum(int axis, boolean keepDims) {
        int a = shape().normalizeAxis(axis, "sum");
        Variable kept = SumToShape.apply(this, shape().reduce(a, true));
        return keepDims ? kept : kept.reshape(shape().reduce(a, false));
    }

    /**
     * The mean of all elements, a scalar.
     *
     * @throws IllegalArgumentException for an empty tensor, whose mean is undefined
     */
    public Variable mean() {
        return sum().div(constant(checkedCount(shape().size(), "mean")));
    }

    /** The mean along {@code axis}, keeping it with size 1 if asked. */
    public Variable mean(int axis, boolean keepDims) {
        int a = shape().normalizeAxis(axis, "mean");
        int count = shape().dim(a);
        return sum(a, keepDims).div(constant(checkedCount(count, "mean along axis " + axis)));
    }

    private double checkedCount(int count, String what) {
        if (count == 0) {
            throw new IllegalArgumentException(what + ": no elements to average in shape " + shape());
        }
        return count;
    }

    /**
     * The sum of this tensor down to {@code target}, which must broadcast to this shape: the reverse
     * of {@link #broadcastTo(Shape)}, and how backward undoes broadcasting.
     */
    public Variable sumToShape(Shape target) {
        return SumToShape.apply(this, target);
    }

    /** This tensor repeated along broadcast dimensions to {@code target}. */
    public Variable broadcastTo(Shape target) {
        return BroadcastTo.apply(this, target);
    }

    /** The same elements in another shape of the same size. */
    public Variable reshape(int... dims) {
        return reshape(Shape.of(dims));
    }

    /** The same elements in another shape of the same size. */
    public Variable reshape(Shape target) {
        return Reshape.apply(this, target);
    }

    /** The axes reversed, as numpy's {@code .T}: the transpose of a matrix. */
    public Variable transpose() {
        int rank = shape().rank();
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = rank - 1 - i;
        }
        return permute(axes);
    }

    /**
     * Axes {@code dim0} and {@code dim1} swapped, as torch's {@code transpose(dim0, dim1)}: the
     * transpose of each matrix of a batch is {@code transpose(1, 2)}.
     *
     * @throws IllegalArgumentException naming the axis and the shape when an axis is out of range
     */
    public Variable transpose(int dim0, int dim1) {
        int rank = shape().rank();
        for (int dim : new int[] {dim0, dim1}) {
            if (dim < 0 || dim >= rank) {
                throw new IllegalArgumentException("transpose: axis " + dim + " is out of range for shape " + shape());
            }
        }
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i;
        }
        axes[dim0] = dim1;
        axes[dim1] = dim0;
        return permute(axes);
    }

    /** The axes reordered: output axis {@code i} is input axis {@code axes[i]}. */
    public Variable permute(int... axes) {
        return Permute.apply(this, axes);
    }

    /**
     * The matrix product {@code this @ other} of two matrices, or of a batch {@code [B, m, k]} with a
     * matrix {@code [k, n]} or a batch {@code [B, k, n]}. Backward, as in the notes:
     * {@code dL/dx = dL/dy w^T} and {@code dL/dw = x^T dL/dy} (summed over the batch for one {@code w}).
     */
    public Variable matmul(Variable other) {
        return MatMul.apply(this, other);
    }

    // ------------------------------------------------------------------ activations

    /** The logistic sigmoid, one fused op whose local gradient is {@code (1 - sigma) sigma}. */
    public Variable sigmoid() {
        return Sigmoid.apply(this);
    }

    /** Hyperbolic tangent, local gradient {@code 1 - tanh^2}. */
    public Variable tanh() {
        return Tanh.apply(this);
    }

    /** {@code max(0, x)}; at 0 the subgradient is 0, as in the notes ("if x > 0, otherwise 0"). */
    public Variable relu() {
        return Relu.apply(this);
    }

    /** Leaky ReLU with slope 0.01 for negative inputs. */
    public Variable leakyRelu() {
        return leakyRelu(LeakyRelu.DEFAULT_SLOPE);
    }

    /** Leaky ReLU: {@code x} for {@code x >= 0}, {@code slope * x} below; slope 1 at 0, as in the notes. */
    public Variable leakyRelu(double slope) {
        return LeakyRelu.apply(this, slope);
    }

    /** ELU with alpha 1. */
    public Variable elu() {
        return elu(Elu.DEFAULT_ALPHA);
    }

    /** ELU: {@code x} for {@code x >= 0}, {@code alpha (e^x - 1)} below; slope 1 at 0. */
    public Variable elu(double alpha) {
        return Elu.apply(this, alpha);
    }

    /** The standard normal distribution function {@code Phi(x)}, local gradient the density {@code phi(x)}. */
    public Variable normalCdf() {
        return NormalCdf.apply(this);
    }

    /** GELU, exactly {@code x Phi(x)}: a composite of {@link #mul} and {@link #normalCdf()}. */
    public Variable gelu() {
        try (Scope ignored = Op.composite("gelu")) {
            return mul(normalCdf());
        }
    }

    /** SiLU, {@code x sigma(x)}: a composite of {@link #mul} and {@link #sigmoid()}. */
    public Variable silu() {
        try (Scope ignored = Op.composite("silu")) {
            return mul(sigmoid());
        }
    }

    /**
     * Log-softmax along {@code axis}, numerically stable: {@code x - max - log(sum(exp(x - max)))}
     * with the max treated as a constant (it cancels from the gradient). A composite.
     */
    public Variable logSoftmax(int axis) {
        shape().normalizeAxis(axis, "logSoftmax");
        try (Scope ignored = Op.composite("logSoftmax")) {
            Variable max = constant(value.max(axis, true));
            Variable shifted = sub(max);
            return shifted.sub(shifted.exp().sum(axis, true).log());
        }
    }

    /** Softmax along {@code axis}: {@code exp(logSoftmax(x))}, stable for logits of any size. */
    public Variable softmax(int axis) {
        shape().normalizeAxis(axis, "softmax");
        try (Scope ignored = Op.composite("softmax")) {
            return logSoftmax(axis).exp();
        }
    }

    /**
     * A Maxout unit over this input {@code x [N, D]}: {@code max(x w1 + b1, x w2 + b2)}, the maximum
     * of two affine maps ({@code w [D, H]}, {@code b [H]}). ReLU is the case {@code w1, b1 = 0}.
     * A composite; a tie goes to the first map.
     */
    public Variable maxout(Variable w1, Variable b1, Variable w2, Variable b2) {
        try (Scope ignored = Op.composite("maxout")) {
            return matmul(w1).add(b1).maximum(matmul(w2).add(b2));
        }
    }

    // ------------------------------------------------------------------ printing

    @Override
    public String toString() {
        String label = name != null ? name : creator != null ? creator.describe() : requiresGrad ? "leaf" : "constant";
        return label + shape() + (requiresGrad ? "" : " (constant)");
    }
}
