package dev.gradproof.properties.engine;

import java.util.List;
import java.util.Set;

/**
 * What the contract kit needs from an autograd engine: the bridge another engine implements, in a
 * few methods, to have the kit's invariants run against it.
 *
 * <p>{@code V} is the engine's own graph node (a Variable, a Value, a Tensor with a tape...). The
 * kit makes leaves from arrays, applies ops by name, runs backward with an upstream gradient and
 * reads values and gradients back as {@link DenseArray}s. Five methods are required; the optional
 * ones are declared through {@link #capabilities()}, and the invariants that need a capability an
 * engine does not declare are reported as aborted ("not supported"), never as passed.
 *
 * <p>The contract for the required methods:
 * <ul>
 *   <li>{@link #leaf} makes a node that requires grad and accumulates gradients;</li>
 *   <li>{@link #apply} records the op in the graph (a new node for each call, even with equal inputs);</li>
 *   <li>{@link #backward} adds {@code dL/dleaf} into every leaf's gradient, where the loss is
 *       {@code <upstream, output>}; gradients add up ({@code +=}) across forks, and across repeated
 *       calls unless {@link #declared()} says {@link Capabilities.RepeatedBackward#RESET}; backward
 *       may be called several times on one graph;</li>
 *   <li>{@link #grad} returns the accumulated gradient in the leaf's shape, zeros if nothing
 *       flowed there (an unused leaf, a constant).</li>
 * </ul>
 *
 * <p>What the engine supports beyond op names (rank, broadcasting, zero-size dimensions, parameter
 * domains, upstream gradients, precision...) is declared by {@link #declared()}; the kit generates
 * nothing else. To decline one input anyway, throw {@link Unsupported} with the reason: that try is
 * skipped and counted, never failed. Any other exception or error (a {@code StackOverflowError}
 * too) is a failure reported as "the engine threw", with its type and the graph's size. Faults
 * the authors already know are declared by {@link #knownFaults()} and tested around.
 *
 * @param <V> the engine's node type
 */
public interface AutogradAdapter<V> {

    /** Optional features an engine may declare. */
    enum Capability {
        /** {@link #constant}: nodes that take part in computations but never receive a gradient. */
        CONSTANTS,
        /** {@link #detach}: a constant copy of a node, cut off from the graph. */
        DETACH,
        /** {@link #zeroGrad}: forgets a leaf's accumulated gradient. */
        ZERO_GRAD,
        /** {@link #gradientsWithGraph}: differentiable gradients, for second derivatives. */
        SECOND_ORDER
    }

    /** A short name for reports, such as {@code "autograd-core"}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The ops this engine implements, by the names of {@link Ops}; must include {@link Ops#REQUIRED}. */
    Set<String> ops();

    /** The optional features this engine implements; none by default. */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /** What the engine supports beyond its op names; {@link Capabilities#numpyStyle()} by default. */
    default Capabilities declared() {
        return Capabilities.numpyStyle();
    }

    /** Faults the engine's authors know of: graphs that meet one are not run, and the fault is reported as known. */
    default List<KnownFault> knownFaults() {
        return List.of();
    }

    /** A leaf that requires grad, holding {@code value}; {@code name} is for the engine's messages. */
    V leaf(String name, DenseArray value);

    /** Applies {@code call.op()} to {@code inputs}, recording it for backward. */
    V apply(OpCall call, List<V> inputs);

    /** Backpropagates {@code upstream} (of the output's shape) from {@code output} into every leaf. */
    void backward(V output, DenseArray upstream);

    /** The node's value. */
    DenseArray value(V node);

    /** The gradient accumulated into a leaf or constant, of its shape; zeros when none flowed. */
    DenseArray grad(V node);

    /** A constant holding {@code value}. Needs {@link Capability#CONSTANTS}. */
    default V constant(String name, DenseArray value) {
        throw unsupported(Capability.CONSTANTS);
    }

    /** A constant with the node's value, through which no gradient flows. Needs {@link Capability#DETACH}. */
    default V detach(V node) {
        throw unsupported(Capability.DETACH);
    }

    /** Forgets the gradient accumulated into a leaf. Needs {@link Capability#ZERO_GRAD}. */
    default void zeroGrad(V leaf) {
        throw unsupported(Capability.ZERO_GRAD);
    }

    /**
     * The gradients of the scalar {@code output} with respect to {@code inputs}, as nodes of a graph
     * that can be differentiated again (torch's {@code create_graph=True}); does not touch the
     * accumulated gradients. Needs {@link Capability#SECOND_ORDER}.
     */
    default List<V> gradientsWithGraph(V output, List<V> inputs) {
        throw unsupported(Capability.SECOND_ORDER);
    }

    private UnsupportedOperationException unsupported(Capability capability) {
        return new UnsupportedOperationException(name() + " does not declare capability " + capability);
    }
}
