package com.example.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import java.util.ArrayList;
import java.util.List;

/**
 * A DJL block (its own layers, as a user builds them) as a function of its input and its parameters
 * over plain arrays, for gradcheck's foreign-function API: each evaluation writes the point into
 * the block's parameter arrays, runs {@code block.forward} (and the loss, if any) under a gradient
 * collector, and reads the gradients DJL leaves in the input and in {@code Parameter.getArray()},
 * then zeroes them. Inputs, in order: {@code x}, then the parameters in the block's order.
 */
final class DjlBlockFunction implements AutoCloseable {

    private final NDManager manager = NDManager.newBaseManager();
    private final Block block;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Shape inputShape;
    private final Loss loss;
    private final long[] labels;
    /** The input of the latest evaluation, whose gradient the backward pass reads. */
    private NDArray x;

    /**
     * @param block      the block, not yet initialized
     * @param inputShape the shape of {@code x}
     * @param loss       a loss of the block's output against {@code labels}, or null for the output itself
     * @param labels     the labels of the loss (class indices), or null
     */
    DjlBlockFunction(Block block, Shape inputShape, Loss loss, long[] labels) {
        this.block = block;
        this.inputShape = inputShape;
        this.loss = loss;
        this.labels = labels;
        block.initialize(manager, DataType.FLOAT64, inputShape);
        block.getParameters().forEach(p -> parameters.add(p.getValue()));
    }

    /** The parameters' names, in the order of the inputs after {@code x}. */
    List<String> parameterNames() {
        return parameters.stream().map(Parameter::getName).toList();
    }

    /** The parameters' shapes. */
    List<Shape> parameterShapes() {
        return parameters.stream().map(p -> p.getArray().getShape()).toList();
    }

    /** The block's output (or the loss) at the point. */
    double[] value(double[][] point) {
        try (NDManager scope = manager.newSubManager()) {
            return forward(scope, point, false).toDoubleArray();
        }
    }

    /** The gradients of {@code sum(upstream * output)} with respect to x and every parameter. */
    double[][] backward(double[][] point, double[] upstream) {
        try (NDManager scope = manager.newSubManager();
             GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray out = forward(scope, point, true);
            NDArray weights = scope.create(upstream, out.getShape());
            collector.backward(out.mul(weights).sum());
            double[][] grads = new double[point.length][];
            grads[0] = x.getGradient().toDoubleArray();
            for (int i = 0; i < parameters.size(); i++) {
                NDArray g = parameters.get(i).getArray().getGradient();
                grads[i + 1] = g.toDoubleArray();
                DjlAdapter.clear(g);
            }
            return grads;
        }
    }

    private NDArray forward(NDManager scope, double[][] point, boolean training) {
        x = scope.create(point[0], inputShape);
        x.setRequiresGradient(true);
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).getArray().set(point[i + 1]);
        }
        NDArray out = block.forward(new ParameterStore(scope, false), new NDList(x), training).singletonOrThrow();
        if (loss == null) {
            return out;
        }
        return loss.evaluate(new NDList(scope.create(labels)), new NDList(out));
    }

    @Override
    public void close() {
        manager.close();
    }
}
