package dev.gradproof.autograd;

import java.util.List;

/**
 * One application of a differentiable operation: a node's record of how it was made.
 *
 * <p>Each op is a small class with its forward pass (a static {@code apply} that computes the value
 * and saves what backward needs) right next to its {@link #backward(Variable, Variable)}, as in
 * micrograd and tinygrad. Backward is written with differentiable ops on {@link Variable}s, so the
 * same code gives first derivatives (run under no-grad) and, with {@code createGraph}, a graph of
 * the gradient that can be differentiated again.
 *
 * <p>Ops built from other ops (softmax, GELU, the losses) add no backward code; they only name
 * themselves with {@link #composite(String)}, so that a kink inside one is reported as, say,
 * {@code svmHinge/relu}.
 */
public abstract class Op {

    private static final ThreadLocal<String> COMPOSITE = new ThreadLocal<>();

    private final String name;
    private final String scope;
    private final List<Variable> inputs;

    /**
     * @param name   the op's name in the vocabulary of the notes ({@code "mul"}, {@code "relu"})
     * @param inputs the variables the op reads, in order
     */
    protected Op(String name, Variable... inputs) {
        this.name = name;
        this.scope = COMPOSITE.get();
        this.inputs = List.of(inputs);
    }

    /** The op's name, e.g. {@code "matmul"}. */
    public final String name() {
        return name;
    }

    /** The name prefixed by the composites it was built in, e.g. {@code "svmHinge/relu"}. */
    public final String describe() {
        return scope == null ? name : scope + "/" + name;
    }

    /** The inputs, in order. */
    public final List<Variable> inputs() {
        return inputs;
    }

    /** Input {@code i}. */
    protected final Variable input(int i) {
        return inputs.get(i);
    }

    /** Whether backward must produce a gradient for input {@code i}. */
    protected final boolean needsGrad(int i) {
        return inputs.get(i).requiresGrad();
    }

    /**
     * The vector-Jacobian products: for each input, the gradient of the loss with respect to it,
     * given the gradient {@code upstream} with respect to this op's output. Each has its input's
     * shape; an entry may be {@code null} for an input that does not require grad.
     *
     * @param upstream the gradient flowing into this node, with the output's shape
     * @param output   the node this op made (its value is the forward result)
     */
    protected abstract Variable[] backward(Variable upstream, Variable output);

    /**
     * Makes the node for a forward result: a variable that remembers this op when grad mode is on
     * and any input requires grad, otherwise a constant (the op is then forgotten).
     */
    protected final Variable record(Tensor value) {
        if (GradMode.isEnabled()) {
            for (Variable input : inputs) {
                if (input.requiresGrad()) {
                    return new Variable(value, this);
                }
            }
        }
        return Variable.constant(value);
    }

    /**
     * The result of an op that leaves {@code x} unchanged (a reshape, sum or broadcast to its own
     * shape): {@code x} itself, except under {@link GradMode#noGrad()}, where every result is a
     * constant and so is this one.
     */
    static Variable unchanged(Variable x) {
        return GradMode.isEnabled() || !x.requiresGrad() ? x : x.detach();
    }

    /**
     * Names the ops created until the returned scope closes as parts of composite {@code name}.
     * Composites nest: {@code network/svmHinge/relu}.
     */
    public static Scope composite(String name) {
        String previous = COMPOSITE.get();
        COMPOSITE.set(previous == null ? name : previous + "/" + name);
        return () -> COMPOSITE.set(previous);
    }

    @Override
    public String toString() {
        return describe();
    }
}
