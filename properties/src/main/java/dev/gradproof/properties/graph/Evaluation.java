package dev.gradproof.properties.graph;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.engine.Unsupported;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link GraphSpec} built in one engine: the engine's node for every node of the spec, ready for
 * backward and for reading values and gradients.
 *
 * @param <V> the engine's node type
 */
public final class Evaluation<V> {

    private final GraphSpec spec;
    private final AutogradAdapter<V> engine;
    private final List<V> nodes;

    Evaluation(GraphSpec spec, AutogradAdapter<V> engine, List<V> nodes) {
        this.spec = spec;
        this.engine = engine;
        this.nodes = Collections.unmodifiableList(new ArrayList<>(nodes));
    }

    /** The spec that was evaluated. */
    public GraphSpec spec() {
        return spec;
    }

    /** The engine's node for spec node {@code index}. */
    public V node(int index) {
        return nodes.get(index);
    }

    /** The engine's node for the output. */
    public V output() {
        return nodes.get(spec.output());
    }

    /** The value of spec node {@code index}. */
    public DenseArray value(int index) {
        return EngineFailure.during(engine.name(), "reading the value of node " + index, spec,
                () -> engine.value(nodes.get(index)));
    }

    /** The value of the output. */
    public DenseArray outputValue() {
        return value(spec.output());
    }

    /** Backward from a scalar output with upstream 1. */
    public Evaluation<V> backward() {
        return backward(DenseArray.scalar(1.0));
    }

    /**
     * Backward from the output with the given upstream gradient. An engine that declares no
     * upstream support ({@link Capabilities#upstream()}) gets it as backward of
     * {@code sum(output * upstream)} from upstream 1, with the upstream as one more leaf whose
     * gradient is never read; that needs {@link Ops#MUL} unless the upstream is the scalar 1.
     *
     * @throws Unsupported when the engine can take the upstream neither way
     */
    public Evaluation<V> backward(DenseArray upstream) {
        boolean seedOnly = upstream.shape().length == 0 && upstream.get(0) == 1.0
                && spec.outputShape().isScalar();
        if (engine.declared().upstream() || seedOnly) {
            EngineFailure.during(engine.name(), "in backward", spec, () -> {
                engine.backward(output(), upstream);
                return this;
            });
            return this;
        }
        if (!engine.ops().contains(Ops.MUL) || !engine.ops().contains(Ops.SUM)) {
            throw new Unsupported("backward with an upstream gradient " + upstream.shapeString() + ": " + engine.name()
                    + " declares no upstream support and not both mul and sum to apply one");
        }
        EngineFailure.during(engine.name(), "in backward of sum(output * upstream)", spec, () -> {
            V weights = engine.leaf("upstream", upstream);
            V loss = engine.apply(OpCall.of(Ops.SUM), List.of(engine.apply(OpCall.of(Ops.MUL), List.of(output(), weights))));
            engine.backward(loss, DenseArray.scalar(1.0));
            return this;
        });
        return this;
    }

    /** The gradient accumulated into leaf {@code index}. */
    public DenseArray grad(int index) {
        return EngineFailure.during(engine.name(), "reading the gradient of node " + index, spec,
                () -> engine.grad(nodes.get(index)));
    }

    /** The gradients of all leaves, in the order of {@link GraphSpec#leafIndices()}. */
    public List<DenseArray> leafGrads() {
        List<DenseArray> grads = new ArrayList<>();
        for (int leaf : spec.leafIndices()) {
            grads.add(grad(leaf));
        }
        return grads;
    }
}
