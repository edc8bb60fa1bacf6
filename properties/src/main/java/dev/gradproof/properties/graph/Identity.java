package dev.gradproof.properties.graph;

import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.List;
import java.util.Set;

/**
 * Two graphs of one function: an op and an equivalent expression in other ops, such as the fused
 * sigmoid and {@code 1 / (1 + exp(-x))}. {@link GraphRewrites#rewrite} replaces every node of the op
 * by the expression; both graphs must then have one gradient.
 *
 * @param name   what the identity says, e.g. {@code "sigmoid(x) = 1/(1+exp(-x))"}
 * @param op     the op that is replaced
 * @param needs  the ops the expression uses
 * @param expand emits the expression into a builder for a node of {@code op} with mapped inputs
 */
public record Identity(String name, String op, Set<String> needs, Expansion expand) {

    /** Emits an expression equal to {@code call} applied to {@code inputs}; returns its node. */
    @FunctionalInterface
    public interface Expansion {
        int emit(GraphSpec.Builder builder, OpCall call, int[] inputs);
    }

    /** Copies the set of needed ops. */
    public Identity {
        needs = Set.copyOf(needs);
    }

    int expand(GraphSpec.Builder builder, OpCall call, int[] inputs) {
        return expand.emit(builder, call, inputs);
    }

    /** True if an engine declaring {@code ops} can run both graphs. */
    public boolean supportedBy(Set<String> ops) {
        return ops.contains(op) && ops.containsAll(needs);
    }

    @Override
    public String toString() {
        return name;
    }

    /** sigmoid(x) = 1 / (1 + exp(-x)): the notes' fused gate against its circuit. */
    public static final Identity SIGMOID = new Identity("sigmoid(x) = 1/(1+exp(-x))", Ops.SIGMOID,
            Set.of(Ops.RECIPROCAL, Ops.ADD_CONSTANT, Ops.EXP, Ops.NEG),
            (b, call, in) -> b.apply(OpCall.of(Ops.RECIPROCAL), b.apply(OpCall.withScalar(Ops.ADD_CONSTANT, 1.0),
                    b.apply(OpCall.of(Ops.EXP), b.apply(OpCall.of(Ops.NEG), in[0])))));

    /** tanh(x) = 2 sigmoid(2x) - 1, the notes' "tanh is a scaled sigmoid". */
    public static final Identity TANH = new Identity("tanh(x) = 2 sigmoid(2x) - 1", Ops.TANH,
            Set.of(Ops.MUL_CONSTANT, Ops.SIGMOID, Ops.ADD_CONSTANT),
            (b, call, in) -> b.apply(OpCall.withScalar(Ops.ADD_CONSTANT, -1.0),
                    b.apply(OpCall.withScalar(Ops.MUL_CONSTANT, 2.0), b.apply(OpCall.of(Ops.SIGMOID),
                            b.apply(OpCall.withScalar(Ops.MUL_CONSTANT, 2.0), in[0])))));

    /** a - b = a + (-b). */
    public static final Identity SUB = new Identity("a - b = a + (-b)", Ops.SUB, Set.of(Ops.ADD, Ops.NEG),
            (b, call, in) -> b.apply(OpCall.of(Ops.ADD), in[0], b.apply(OpCall.of(Ops.NEG), in[1])));

    /** a / b = a * (1/b). */
    public static final Identity DIV = new Identity("a / b = a * (1/b)", Ops.DIV, Set.of(Ops.MUL, Ops.RECIPROCAL),
            (b, call, in) -> b.apply(OpCall.of(Ops.MUL), in[0], b.apply(OpCall.of(Ops.RECIPROCAL), in[1])));

    /** square(x) = x * x: a fork inside one gate. */
    public static final Identity SQUARE = new Identity("square(x) = x * x", Ops.SQUARE, Set.of(Ops.MUL),
            (b, call, in) -> b.apply(OpCall.of(Ops.MUL), in[0], in[0]));

    /** silu(x) = x sigmoid(x). */
    public static final Identity SILU = new Identity("silu(x) = x * sigmoid(x)", Ops.SILU, Set.of(Ops.MUL, Ops.SIGMOID),
            (b, call, in) -> b.apply(OpCall.of(Ops.MUL), in[0], b.apply(OpCall.of(Ops.SIGMOID), in[0])));

    /** gelu(x) = x Phi(x). */
    public static final Identity GELU = new Identity("gelu(x) = x * Phi(x)", Ops.GELU, Set.of(Ops.MUL, Ops.NORMAL_CDF),
            (b, call, in) -> b.apply(OpCall.of(Ops.MUL), in[0], b.apply(OpCall.of(Ops.NORMAL_CDF), in[0])));

    /** softmax(x) = exp(logSoftmax(x)). */
    public static final Identity SOFTMAX = new Identity("softmax(x) = exp(logSoftmax(x))", Ops.SOFTMAX,
            Set.of(Ops.EXP, Ops.LOG_SOFTMAX),
            (b, call, in) -> b.apply(OpCall.of(Ops.EXP), b.apply(OpCall.alongAxis(Ops.LOG_SOFTMAX, call.axis(), false), in[0])));

    /** mean(x) = sum(x) / n. */
    public static final Identity MEAN = new Identity("mean(x) = sum(x) * (1/n)", Ops.MEAN, Set.of(Ops.SUM, Ops.MUL_CONSTANT),
            (b, call, in) -> b.apply(OpCall.withScalar(Ops.MUL_CONSTANT, 1.0 / b.shape(in[0]).size()),
                    b.apply(OpCall.of(Ops.SUM), in[0])));

    /** All identities above. */
    public static final List<Identity> ALL = List.of(SIGMOID, TANH, SUB, DIV, SQUARE, SILU, GELU, SOFTMAX, MEAN);
}
