/**
 * gradproof's gradient checker: {@link dev.gradproof.gradcheck.GradCheck} configures and runs a
 * check of analytic against numerical gradients, for autograd-core functions and for foreign code
 * over plain arrays. The result model lives in {@code model}, the function model in
 * {@code function}, the engine in {@code engine}, JSON recording in {@code recording} and the
 * AssertJ entry point in {@code assertj}.
 */
package dev.gradproof.gradcheck;
