package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link GraphSpec} with a scalar output as a plain function of its grad leaves' arrays, run in
 * one engine: its value and its analytic gradient, each from a fresh build of the graph. This is
 * the shape a gradient checker wants for foreign code (lambdas over {@code double[]} with shapes);
 * constants keep their values.
 *
 * <pre>{@code
 * GraphFunction f = GraphFunction.of(spec, engine);
 * double y = f.value(f.point());             // the graph's value at its own leaves
 * List<double[]> g = f.gradient(f.point());  // one array per input, row-major
 * }</pre>
 */
public final class GraphFunction {

    private final GraphSpec spec;
    private final AutogradAdapter<?> engine;
    private final List<Integer> inputs;

    private GraphFunction(GraphSpec spec, AutogradAdapter<?> engine) {
        if (!spec.outputShape().isScalar()) {
            throw new IllegalArgumentException("GraphFunction: output of shape " + spec.outputShape()
                    + " is not a scalar in " + spec);
        }
        this.spec = spec;
        this.engine = engine;
        this.inputs = spec.gradLeafIndices();
    }

    /** The graph as a function of its grad leaves, evaluated in {@code engine}. */
    public static GraphFunction of(GraphSpec spec, AutogradAdapter<?> engine) {
        return new GraphFunction(spec, engine);
    }

    /** The graph. */
    public GraphSpec spec() {
        return spec;
    }

    /** The inputs' names, in order. */
    public List<String> names() {
        return inputs.stream().map(i -> spec.leaf(i).name()).toList();
    }

    /** The inputs' shapes, in order. */
    public List<int[]> shapes() {
        return inputs.stream().map(i -> spec.leaf(i).shape().dims()).toList();
    }

    /** The inputs' values in the graph: the point the graph was generated at. */
    public List<double[]> point() {
        return inputs.stream().map(i -> spec.leaf(i).value().toArray()).toList();
    }

    /** The output at {@code x}, one array per input. */
    public double value(List<double[]> x) {
        return run(x, false).outputValue().get(0);
    }

    /** The gradient at {@code x}, one array per input. */
    public List<double[]> gradient(List<double[]> x) {
        Evaluation<?> run = run(x, true);
        List<double[]> grads = new ArrayList<>();
        for (int input : inputs) {
            grads.add(run.grad(input).data());
        }
        return grads;
    }

    private Evaluation<?> run(List<double[]> x, boolean backward) {
        if (x.size() != inputs.size()) {
            throw new IllegalArgumentException("GraphFunction: " + x.size() + " arrays for inputs " + names());
        }
        List<Tensor> values = new ArrayList<>();
        for (int leaf : spec.leafIndices()) {
            int k = inputs.indexOf(leaf);
            values.add(k < 0 ? spec.leaf(leaf).value() : Tensor.of(x.get(k), spec.leaf(leaf).shape()));
        }
        Evaluation<?> run = spec.withLeafValues(values).evaluate(engine);
        return backward ? run.backward(DenseArray.scalar(1.0)) : run;
    }
}
