package dev.gradproof.properties.engine;

import java.util.List;
import java.util.Set;

/**
 * An adapter that hands every call to another one: the base of the test engines that change one
 * thing of an engine (its declaration, its known faults, one op, a policed input) and keep the rest.
 *
 * @param <V> the engine's node type
 */
public abstract class ForwardingAdapter<V> implements AutogradAdapter<V> {

    /** The adapter every call not overridden goes to. */
    protected final AutogradAdapter<V> delegate;

    protected ForwardingAdapter(AutogradAdapter<V> delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Set<String> ops() {
        return delegate.ops();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Capabilities declared() {
        return delegate.declared();
    }

    @Override
    public List<KnownFault> knownFaults() {
        return delegate.knownFaults();
    }

    @Override
    public V leaf(String name, DenseArray value) {
        return delegate.leaf(name, value);
    }

    @Override
    public V apply(OpCall call, List<V> inputs) {
        return delegate.apply(call, inputs);
    }

    @Override
    public void backward(V output, DenseArray upstream) {
        delegate.backward(output, upstream);
    }

    @Override
    public DenseArray value(V node) {
        return delegate.value(node);
    }

    @Override
    public DenseArray grad(V node) {
        return delegate.grad(node);
    }

    @Override
    public V constant(String name, DenseArray value) {
        return delegate.constant(name, value);
    }

    @Override
    public V detach(V node) {
        return delegate.detach(node);
    }

    @Override
    public void zeroGrad(V leaf) {
        delegate.zeroGrad(leaf);
    }

    @Override
    public List<V> gradientsWithGraph(V output, List<V> inputs) {
        return delegate.gradientsWithGraph(output, inputs);
    }
}
