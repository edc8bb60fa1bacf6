package dev.gradproof.gradcheck.assertj;

import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.model.GradCheckResult;

import java.util.List;
import java.util.function.Function;

/**
 * The AssertJ entry point of gradproof, in the style of {@code org.assertj.core.api.Assertions}:
 *
 * <pre>{@code
 * import static dev.gradproof.gradcheck.assertj.GradProofAssertions.*;
 *
 * assertThat(GradCheck.of(f).at(w).check()).passes().hasMaxRelativeErrorBelow(1e-7);
 * assertThat(reluCheck).hasKinkAt("x", 0);
 * assertGradientsOf(v -> v.get(0).tanh().sum()).at(w).matchNumerical();
 * }</pre>
 */
public class GradProofAssertions {

    /** Not instantiated, except by subclasses that combine entry points. */
    protected GradProofAssertions() {
    }

    /** Assertions on a result. */
    public static GradCheckResultAssert assertThat(GradCheckResult actual) {
        return new GradCheckResultAssert(actual);
    }

    /** The one-call form for a function of autograd-core variables. */
    public static GradientsAssert assertGradientsOf(Function<List<Variable>, Variable> function) {
        return new GradientsAssert(GradCheck.of(function), "f");
    }

    /** The one-call form for any function in the engine-neutral model. */
    public static GradientsAssert assertGradientsOf(CheckedFunction function) {
        return new GradientsAssert(GradCheck.of(function), "f");
    }

    /** The one-call form for a configured check (foreign lambdas, second order, options). */
    public static GradientsAssert assertGradientsOf(GradCheck check) {
        return new GradientsAssert(check, "check");
    }
}
