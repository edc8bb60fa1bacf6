package com.example.samediff;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.function.ForeignFunction;
import dev.gradproof.properties.engine.DenseArray;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A function written with SameDiff ops, as gradcheck's foreign-function API sees it: its value is
 * SameDiff's forward output and its vector-Jacobian product SameDiff's {@code calculateGradients}
 * of sum(output * upstream), each from a fresh SameDiff graph over the inputs as variables. So
 * gradcheck hands SameDiff upstreams that are not all ones (whole Jacobians, random projections,
 * twice and zero upstreams).
 */
final class SameDiffFunction {

    /** The body of the function: SameDiff ops applied to the inputs' variables. */
    @FunctionalInterface
    interface Body {
        SDVariable apply(SameDiff sd, List<SDVariable> inputs);
    }

    /** An input: its name, its elements (row-major) and its shape. */
    record In(String name, double[] values, int... shape) {

        /** An input of {@code shape} whose elements are uniform in {@code [lo, hi)}, drawn from {@code random} in row-major order. */
        static In uniform(Random random, String name, double lo, double hi, int... shape) {
            double[] values = new double[size(shape)];
            for (int i = 0; i < values.length; i++) {
                values[i] = lo + (hi - lo) * random.nextDouble();
            }
            return new In(name, values, shape);
        }

        /** The number of elements of {@code shape}. */
        static int size(int[] shape) {
            return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        }
    }

    private SameDiffFunction() {
    }

    /**
     * A gradient check of {@code body} at {@code inputs}. Nothing runs before {@code check()}, so a
     * function that throws in SameDiff is a failure gradcheck records ({@code FUNCTION_COMPLETES}).
     * One thread: SameDiff's native ops are not documented as safe to run from several at once.
     */
    static GradCheck gradCheck(Body body, List<In> inputs) {
        List<int[]> shapes = inputs.stream().map(In::shape).toList();
        // the output's shape is the same at every point: learnt from a forward pass, not re-run for each backward
        int[][] outputShape = new int[1][];
        GradCheck check = GradCheck.of(ForeignFunction.vector(
                point -> {
                    DenseArray out = run(body, shapes, point);
                    outputShape[0] = out.shape();
                    return out.data();
                },
                (point, upstream) -> outputShape[0] == null ? gradients(body, shapes, point, upstream)
                        : gradients(body, shapes, point, new DenseArray(upstream, outputShape[0])))).parallelism(1);
        for (In in : inputs) {
            check.input(in.name(), in.values(), in.shape());
        }
        return check;
    }

    /** SameDiff's gradients of sum(body(point) * upstream), the upstream given row-major in the output's shape. */
    static double[][] gradients(Body body, List<int[]> shapes, double[][] point, double[] upstream) {
        return gradients(body, shapes, point, new DenseArray(upstream, run(body, shapes, point).shape()));
    }

    /** SameDiff's forward output of {@code body} at {@code point}. */
    static DenseArray run(Body body, List<int[]> shapes, double[][] point) {
        SameDiff sd = SameDiff.create();
        SDVariable out = body.apply(sd, variables(sd, shapes, point));
        return SameDiffGraph.dense(sd.output(Map.<String, INDArray>of(), out.name()).get(out.name()));
    }

    /** SameDiff's gradients of sum(body(point) * upstream), one row-major array per input. */
    static double[][] gradients(Body body, List<int[]> shapes, double[][] point, DenseArray upstream) {
        SameDiff sd = SameDiff.create();
        List<SDVariable> vars = variables(sd, shapes, point);
        List<String> names = vars.stream().map(SDVariable::name).toList();
        Map<String, INDArray> grads = SameDiffGraph.gradients(sd, body.apply(sd, vars), upstream, names);
        double[][] result = new double[point.length][];
        for (int i = 0; i < point.length; i++) {
            INDArray g = grads.get(names.get(i));
            result[i] = g == null ? new double[point[i].length] : SameDiffGraph.dense(g).data();
        }
        return result;
    }

    private static List<SDVariable> variables(SameDiff sd, List<int[]> shapes, double[][] point) {
        List<SDVariable> vars = new ArrayList<>();
        for (int i = 0; i < point.length; i++) {
            vars.add(sd.var("in" + i, SameDiffGraph.array(new DenseArray(point[i], shapes.get(i)))));
        }
        return vars;
    }
}
