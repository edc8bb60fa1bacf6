package dev.gradproof.gradcheck.assertj;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;

import java.util.function.Consumer;

/**
 * The one-call form: {@code assertGradientsOf(f).at(w1, w2).matchNumerical()} runs a
 * {@link GradCheck} and fails with its table of worst elements unless it passes.
 */
public class GradientsAssert {

    private final GradCheck check;
    private final String function;

    GradientsAssert(GradCheck check, String function) {
        this.check = check;
        this.function = function;
    }

    /** The inputs, as variables (constants are excluded from the check). */
    public GradientsAssert at(Variable... inputs) {
        check.at(inputs);
        return this;
    }

    /** The inputs, as tensors named by position. */
    public GradientsAssert at(Tensor... inputs) {
        check.at(inputs);
        return this;
    }

    /** Adds a named input. */
    public GradientsAssert input(String name, Tensor value) {
        check.input(name, value);
        return this;
    }

    /** Adds a named vector input. */
    public GradientsAssert input(String name, double[] values) {
        check.input(name, values);
        return this;
    }

    /** Excludes data inputs by name. */
    public GradientsAssert excluding(String... names) {
        check.exclude(names);
        return this;
    }

    /** The mode (default FULL). */
    public GradientsAssert inMode(Mode mode) {
        check.mode(mode);
        return this;
    }

    /** The seed. */
    public GradientsAssert withSeed(long seed) {
        check.seed(seed);
        return this;
    }

    /** A label for messages and the report. */
    public GradientsAssert labelled(String label) {
        check.label(label);
        return this;
    }

    /** Any other option of the underlying {@link GradCheck}. */
    public GradientsAssert configured(Consumer<GradCheck> options) {
        options.accept(check);
        return this;
    }

    /**
     * Runs the check and asserts it passes: every analytic gradient matches its numerical
     * counterpart (or the element crossed a kink) and no sanity check failed.
     *
     * @return assertions on the result, for more
     */
    public GradCheckResultAssert matchNumerical() {
        String names = String.join(", ", check.inputs().stream().map(i -> i.name()).toList());
        check.replayAs(function.equals("check") ? "assertGradientsOf(check)"
                : "assertGradientsOf(" + function + ").at(" + names + ")", ".matchNumerical()");
        GradCheckResult result = check.check();
        return new GradCheckResultAssert(result).passes();
    }
}
