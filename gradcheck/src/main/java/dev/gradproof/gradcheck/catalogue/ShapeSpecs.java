package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.catalogue.SampleSet.In;
import dev.gradproof.gradcheck.catalogue.SampleSet.Target;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Reductions, shape ops and the matrix product: linear ops whose backward moves the upstream around. */
final class ShapeSpecs {

    private ShapeSpecs() {
    }

    static List<Spec> all() {
        return List.of(
                reduction("sum", "Variable.sum()", Variable::sum, true),
                axisReduction("sumAxis", "Variable.sum(int, boolean)", true),
                reduction("mean", "Variable.mean()", Variable::mean, false),
                axisReduction("meanAxis", "Variable.mean(int, boolean)", false),
                reshaping("sumToShape", List.of("Variable.sumToShape(Shape)"), "target broadcasts to the input's shape",
                        new int[][][] {
                            {{3, 4}, {4}}, {{3, 4}, {3, 1}},
                            {{3, 4}, {}}, {{2, 3, 4}, {3, 1}},
                            {{2, 2, 3}, {1, 1, 3}}, {{5}, {}},
                            {{0, 3}, {3}}},
                        (x, target) -> x.sumToShape(Shape.of(target)), false),
                reshaping("broadcastTo", List.of("Variable.broadcastTo(Shape)"), "the input's shape broadcasts to target",
                        new int[][][] {
                            {{4}, {3, 4}}, {{}, {2, 3}},
                            {{3, 1}, {3, 4}}, {{1, 3}, {2, 2, 3}},
                            {{5}, {1, 5}}, {{3}, {0, 3}},
                            {{1, 0}, {3, 0}}},
                        (x, target) -> x.broadcastTo(Shape.of(target)), true),
                reshaping("reshape", List.of("Variable.reshape(int[])", "Variable.reshape(Shape)"), "target has the input's size",
                        new int[][][] {
                            {{3, 4}, {2, 6}}, {{2, 2, 3}, {12}},
                            {{}, {1, 1}}, {{12}, {2, 2, 3}},
                            {{5}, {5, 1}}, {{0, 3}, {3, 0}}},
                        // both overloads: reshape(int...) for a target of rank 2, reshape(Shape) otherwise
                        (x, target) -> target.length == 2 ? x.reshape(target) : x.reshape(Shape.of(target)), true),
                axes("transpose", "Variable.transpose()", new int[][] {{3, 4}, {2, 2, 3}, {5}, {}, {0, 3}}, null),
                axes("permute", "Variable.permute(int[])", new int[][] {{2, 3, 2}, {3, 4}, {2, 2, 3}, {0, 2, 3}, {5}},
                        new int[][] {{2, 0, 1}, {1, 0}, {1, 0, 2}, {2, 0, 1}, {0}}),
                transposeAxes(),
                matmul(),
                batchMatmul());
    }

    /** transpose(dim0, dim1): two axes swapped, in ranks 2 to 4, the same axis twice, and a zero-size axis. */
    private static Spec transposeAxes() {
        return new Spec("transposeAxes", 1, "two axes of the input (equal axes: the identity)", List.of(),
                List.of("Variable.transpose(int, int)"), set -> {
                    Random r = set.random();
                    int[][] shapes = {{3, 4}, {2, 3, 4}, {2, 1, 3, 2}, {0, 3, 2}};
                    int[][] swaps = {{0, 1}, {0, 2}, {1, 3}, {1, 2}};
                    for (int s = 0; s < shapes.length; s++) {
                        int[] d = swaps[s];
                        set.add(rankName(shapes[s]) + ", axes " + d[0] + " and " + d[1],
                                Target.of(v -> v.get(0).transpose(d[0], d[1]), SampleCall.withInts("transposeAxes", d[0], d[1])), In.of("x", Values.uniform(r, -3, 3, shapes[s])));
                    }
                    set.add("large magnitudes", Target.of(v -> v.get(0).transpose(0, 2), SampleCall.withInts("transposeAxes", 0, 2)),
                            In.of("x", Values.magnitudes(r, 1e3, 1e8, true, 2, 3, 4)));
                    set.add("tiny magnitudes", Target.of(v -> v.get(0).transpose(0, 1), SampleCall.withInts("transposeAxes", 0, 1)),
                            In.of("x", Values.magnitudes(r, 1e-9, 1e-6, true, 3, 2)));
                    set.tricky("one axis swapped with itself (the op returns its input)",
                            Target.of(v -> v.get(0).transpose(1, 1), SampleCall.withInts("transposeAxes", 1, 1)), In.of("x", Values.uniform(r, -3, 3, 2, 3)));
                });
    }

    /** Batched matrix products: a batch with one matrix, and a batch with a batch. */
    private static Spec batchMatmul() {
        return new Spec("batchMatmul", 2, "a [B, N, D] and b [D, M] or [B, D, M]", List.of(),
                List.of("Variable.matmul(Variable)"), set -> {
                    Random r = set.random();
                    Target t = Target.of(v -> v.get(0).matmul(v.get(1)), SampleCall.of("batchMatmul", 2));
                    set.add("a batch times one matrix", t, In.of("a", Values.uniform(r, -2, 2, 3, 2, 4)),
                            In.of("b", Values.uniform(r, -2, 2, 4, 3)));
                    set.add("a batch times a batch", t, In.of("a", Values.uniform(r, -2, 2, 2, 3, 2)),
                            In.of("b", Values.uniform(r, -2, 2, 2, 2, 4)));
                    set.add("a batch of one row times one column", t, In.of("a", Values.uniform(r, -2, 2, 4, 1, 3)),
                            In.of("b", Values.uniform(r, -2, 2, 3, 1)));
                    set.add("large magnitudes", t, In.of("a", Values.magnitudes(r, 1e2, 1e4, true, 2, 2, 3)),
                            In.of("b", Values.magnitudes(r, 1e2, 1e4, true, 2, 3, 2)));
                    set.add("an empty inner dimension", t, In.of("a", Values.uniform(r, -2, 2, 2, 3, 0)),
                            In.of("b", Values.uniform(r, -2, 2, 0, 2)));
                    set.add("tiny magnitudes", t, In.of("a", Values.magnitudes(r, 1e-8, 1e-6, true, 2, 2, 3)),
                            In.of("b", Values.magnitudes(r, 1e-8, 1e-6, true, 3, 2)));
                    set.tricky("one matrix serving every element of the batch (its gradient sums over the batch)",
                            t, In.of("a", Values.uniform(r, -2, 2, 5, 2, 2)), In.of("b", Values.uniform(r, -2, 2, 2, 2)));
                });
    }

    /** A whole-tensor reduction: every rank, zero size (sum only: a mean of nothing is undefined), magnitudes. */
    private static Spec reduction(String name, String member, Function<Variable, Variable> op, boolean empty) {
        return new Spec(name, 1, (empty ? "any tensor" : "a non-empty tensor"), List.of(), List.of(member), set -> {
            Random r = set.random();
            Target t = Target.of(v -> op.apply(v.get(0)), SampleCall.of(name, 1));
            int[][] shapes = empty ? new int[][] {{}, {5}, {3, 4}, {2, 2, 3}, {0, 3}} : new int[][] {{}, {5}, {3, 4}, {2, 2, 3}};
            for (int[] shape : shapes) {
                set.add(rankName(shape), t, In.of("x", Values.uniform(r, -3, 3, shape)));
            }
            set.add("large magnitudes of one sign", t, In.of("x", Values.magnitudes(r, 1e3, 1e8, false, 2, 3)));
            set.add("large magnitudes of both signs (a cancelling sum)", t,
                    In.of("x", Values.magnitudes(r, 1e3, 1e8, true, 2, 3)));
            set.add("tiny magnitudes", t, In.of("x", Values.magnitudes(r, 1e-9, 1e-6, true, 2, 3)));
            set.tricky("magnitudes from 1e-6 to 1e6 in one tensor (the total rounds the small ones)", t,
                    In.of("x", Values.magnitudes(r, 1e-6, 1e6, false, 2, 2, 3)));
        });
    }

    /** A reduction along an axis: each axis, negative axes, keepDims both ways, zero size, magnitudes. */
    private static Spec axisReduction(String name, String member, boolean sum) {
        return new Spec(name, 1, "rank >= 1, any axis" + (sum ? "" : ", the axis non-empty"), List.of(),
                List.of(member),
                set -> {
                    Random r = set.random();
                    int[][] shapes = {{3, 4}, {3, 4}, {3, 4}, {2, 2, 3}, {2, 2, 3}, {5}, {0, 3}};
                    int[] axes = {0, 1, -1, 1, -3, 0, 1};
                    boolean[] keep = {false, true, false, true, false, false, false};
                    for (int i = 0; i < shapes.length; i++) {
                        set.add(rankName(shapes[i]) + ", axis " + axes[i] + (keep[i] ? ", keepDims" : ""),
                                along(sum, axes[i], keep[i]), In.of("x", Values.uniform(r, -3, 3, shapes[i])));
                    }
                    if (sum) {
                        set.add("zero-size, the empty axis 0", along(true, 0, true), In.of("x", Values.uniform(r, -3, 3, 0, 3)));
                    }
                    set.add("large magnitudes of one sign, axis 1", along(sum, 1, false),
                            In.of("x", Values.magnitudes(r, 1e3, 1e8, false, 2, 3)));
                    set.add("large magnitudes of both signs, axis 1 (cancelling sums)", along(sum, 1, false),
                            In.of("x", Values.magnitudes(r, 1e3, 1e8, true, 2, 3)));
                    set.add("tiny magnitudes, axis 0", along(sum, 0, true),
                            In.of("x", Values.magnitudes(r, 1e-9, 1e-6, true, 2, 3)));
                    set.tricky("along an axis of size 1 with keepDims (the sum inside returns its input)", along(sum, 1, true),
                            In.of("x", Values.uniform(r, -3, 3, 3, 1)));
                });
    }

    private static Target along(boolean sum, int axis, boolean keep) {
        return Target.of(v -> sum ? v.get(0).sum(axis, keep) : v.get(0).mean(axis, keep),
                SampleCall.alongAxis(sum ? "sumAxis" : "meanAxis", axis, keep));
    }

    /**
     * An op from one shape to another: each listed pair, magnitudes, and the target equal to the
     * input's shape. {@code inTheKit}: the contract kit's vocabulary has the op (with the target
     * dimensions in {@code ints}), so its samples carry a call for any engine.
     */
    private static Spec reshaping(String name, List<String> members, String domain, int[][][] pairs,
                                  BiFunction<Variable, int[], Variable> op, boolean inTheKit) {
        Function<int[], Target> to = dims -> inTheKit
                ? Target.of(v -> op.apply(v.get(0), dims), SampleCall.withInts(name, dims))
                : Target.of(v -> op.apply(v.get(0), dims));
        return new Spec(name, 1, domain, List.of(), members, set -> {
            Random r = set.random();
            for (int[][] pair : pairs) {
                set.add("to " + Arrays.toString(pair[1]), to.apply(pair[1]), In.of("x", Values.uniform(r, -3, 3, pair[0])));
            }
            int[] first = pairs[0][1];
            set.add("large magnitudes of one sign to " + Arrays.toString(first), to.apply(first),
                    In.of("x", Values.magnitudes(r, 1e3, 1e8, false, pairs[0][0])));
            set.add("tiny magnitudes to " + Arrays.toString(first), to.apply(first),
                    In.of("x", Values.magnitudes(r, 1e-9, 1e-6, true, pairs[0][0])));
            set.tricky("to its own shape (the op returns its input)", to.apply(new int[] {2, 3}),
                    In.of("x", Values.uniform(r, -3, 3, 2, 3)));
        });
    }

    /** Transpose (axes null) or a permutation of the axes, in the given shapes. */
    private static Spec axes(String name, String member, int[][] shapes, int[][] permutations) {
        return new Spec(name, 1, permutations == null ? "any rank (the axes reversed)" : "a permutation of the axes",
                List.of(), List.of(member), set -> {
                    Random r = set.random();
                    for (int s = 0; s < shapes.length; s++) {
                        int[] axes = permutations == null ? null : permutations[s];
                        set.add(rankName(shapes[s]) + (axes == null ? "" : ", axes " + Arrays.toString(axes)),
                                permute(axes), In.of("x", Values.uniform(r, -3, 3, shapes[s])));
                    }
                    int[] axes = permutations == null ? null : permutations[0];
                    set.add("large magnitudes", permute(axes), In.of("x", Values.magnitudes(r, 1e3, 1e8, true, shapes[0])));
                    set.add("tiny magnitudes", permute(axes), In.of("x", Values.magnitudes(r, 1e-9, 1e-6, true, shapes[0])));
                    int[] identity = {0, 1, 2};
                    set.tricky(permutations == null ? "a [1, 5] row: the transpose moves no element"
                                    : "the identity permutation (0, 1, 2)",
                            permute(permutations == null ? null : identity),
                            In.of("x", Values.uniform(r, -3, 3, permutations == null ? new int[] {1, 5} : new int[] {2, 2, 3})));
                });
    }

    private static Target permute(int[] axes) {
        // permute is autograd-core's own: the contract kit's vocabulary has transpose only
        return axes == null ? Target.of(v -> v.get(0).transpose(), SampleCall.of("transpose", 1))
                : Target.of(v -> v.get(0).permute(axes));
    }

    /** The matrix product in every shape the notes meet, with zero-size inner and outer dimensions. */
    private static Spec matmul() {
        return new Spec("matmul", 2, "a [N, D] and b [D, M]", List.of(), List.of("Variable.matmul(Variable)"), set -> {
            Random r = set.random();
            Target t = Target.of(v -> v.get(0).matmul(v.get(1)), SampleCall.of("matmul", 2));
            int[][] sizes = {{2, 3, 4}, {1, 3, 1}, {4, 1, 3}, {3, 3, 3}, {2, 0, 3}, {0, 3, 2}};
            String[] names = {"matrices", "a row times a column", "an outer product", "square matrices",
                "an empty inner dimension", "no rows"};
            for (int s = 0; s < sizes.length; s++) {
                set.add(names[s], t, In.of("a", Values.uniform(r, -2, 2, sizes[s][0], sizes[s][1])),
                        In.of("b", Values.uniform(r, -2, 2, sizes[s][1], sizes[s][2])));
            }
            set.add("large magnitudes", t, In.of("a", Values.magnitudes(r, 1e2, 1e4, true, 2, 3)),
                    In.of("b", Values.magnitudes(r, 1e2, 1e4, true, 3, 2)));
            set.add("tiny magnitudes", t, In.of("a", Values.magnitudes(r, 1e-8, 1e-6, true, 2, 3)),
                    In.of("b", Values.magnitudes(r, 1e-8, 1e-6, true, 3, 2)));
            set.tricky("x @ x, one square matrix on both sides (the gradients add at the fork)",
                    Target.of(v -> v.get(0).matmul(v.get(0)), SampleCall.of("matmul", 2).onInputs(0, 0)), In.of("x", Values.uniform(r, -2, 2, 3, 3)));
        });
    }

    /** "scalar", "vector", "matrix", "rank 3", or "zero-size" for a shape with a zero dimension. */
    static String rankName(int[] shape) {
        for (int d : shape) {
            if (d == 0) {
                return "zero-size";
            }
        }
        return switch (shape.length) {
            case 0 -> "scalar";
            case 1 -> "vector";
            case 2 -> "matrix";
            default -> "rank " + shape.length;
        };
    }
}
