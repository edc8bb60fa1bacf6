package dev.gradproof.reports.cli;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;

import dev.gradproof.reports.source.CheckSource;
import dev.gradproof.reports.source.PlannedCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * A small stand-in for the op catalogue in the command's tests: relu (at and away from its kink),
 * sigmoid (first and second order), and a sigmoid whose hand-written backward is wrong, each as a
 * ready builder with inputs, label and op, as the catalogue's samples are.
 */
final class StandInCatalogue implements CheckSource {

    static final int RELU_CHECKS = 2;
    static final int SIGMOID_CHECKS = 2;

    static final List<String> NAMES = List.of("relu", "sigmoid", "wrongSigmoid", "throws");

    @Override
    public List<PlannedCheck> checks(long seed) {
        List<PlannedCheck> all = new ArrayList<>();
        NAMES.forEach(op -> all.addAll(plan(op, seed)));
        return all;
    }

    @Override
    public List<String> describe(long seed) {
        return List.of("relu (1 input): all reals; kinks: relu: x = 0", "sigmoid (1 input): all reals; second order",
                "wrongSigmoid (1 input): a wrong backward", "throws (1 input): a sample that cannot be built");
    }

    private static List<PlannedCheck> plan(String op, long seed) {
        return switch (op) {
            case "relu" -> List.of(
                    check(op, "relu [3] at the kink", () -> GradCheck.of(v -> v.get(0).relu().sum())
                            .input("x", new double[] {-1, 0, 2})),
                    check(op, "relu [2, 3]", () -> GradCheck.of(v -> v.get(0).relu().sum())
                            .input("x", Tensor.randn(seed, 2, 3))));
            case "sigmoid" -> List.of(
                    check(op, "sigmoid [4]", () -> GradCheck.of(v -> v.get(0).sigmoid().sum())
                            .input("x", Tensor.randn(seed, 4))),
                    check(op, "sigmoid [4] second order", () -> GradCheck.gradgrad(v -> v.get(0).sigmoid())
                            .input("x", Tensor.randn(seed, 4))));
            case "wrongSigmoid" -> List.of(check(op, "sigmoid with gradient sigma", () -> GradCheck.scalar(
                    in -> 1 / (1 + Math.exp(-in[0][0])),
                    in -> new double[][] {{1 / (1 + Math.exp(-in[0][0]))}}).input("x", 0.5)));
            case "throws" -> List.of(check(op, "a sample that cannot be built", () -> {
                throw new IllegalStateException("no sample");
            }));
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static PlannedCheck check(String op, String label, java.util.function.Supplier<GradCheck> builder) {
        return PlannedCheck.of(op, label, builder);
    }
}
