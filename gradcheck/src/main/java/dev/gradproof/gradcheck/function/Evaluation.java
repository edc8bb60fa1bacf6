package dev.gradproof.gradcheck.function;

/**
 * The result of evaluating a function once.
 *
 * @param output      the value, row-major
 * @param outputShape its shape
 * @param branches    the branch record of the graph, or null for code that keeps none (foreign code)
 */
public record Evaluation(double[] output, int[] outputShape, BranchRecord branches) {
}
