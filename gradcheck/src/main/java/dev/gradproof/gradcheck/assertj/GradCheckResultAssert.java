package dev.gradproof.gradcheck.assertj;

import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.SanityCheck;
import dev.gradproof.gradcheck.model.Verdict;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * AssertJ assertions on a {@link GradCheckResult}. Every failure message carries the result's
 * table of worst elements, its seed and the line that replays it.
 */
public class GradCheckResultAssert extends AbstractAssert<GradCheckResultAssert, GradCheckResult> {

    /** Assertions on {@code actual}. */
    public GradCheckResultAssert(GradCheckResult actual) {
        super(actual, GradCheckResultAssert.class);
    }

    /** No element failed and no sanity check found anything. */
    public GradCheckResultAssert passes() {
        isNotNull();
        if (!actual.passed()) {
            failWithMessage("%s", actual.failureMessage());
        }
        return this;
    }

    /** Something failed: a FAIL element or a finding (the verdict is FAILED, not merely short of a PASS). */
    public GradCheckResultAssert fails() {
        isNotNull();
        if (actual.verdict() != CheckVerdict.FAILED) {
            failWithMessage("Expected the gradient check to fail, but it is %s:%n%s", actual.verdict(),
                    actual.failureMessage());
        }
        return this;
    }

    /** Nothing failed, but the evidence does not support a PASS (the verdict is INCONCLUSIVE, with its reasons). */
    public GradCheckResultAssert isInconclusive() {
        isNotNull();
        if (actual.verdict() != CheckVerdict.INCONCLUSIVE) {
            failWithMessage("Expected the gradient check to be INCONCLUSIVE, but it is %s:%n%s", actual.verdict(),
                    actual.failureMessage());
        }
        return this;
    }

    /** The largest relative error over all compared (non-KINK) elements and directions is below {@code bound}. */
    public GradCheckResultAssert hasMaxRelativeErrorBelow(double bound) {
        isNotNull();
        double max = actual.statistics().maxRelativeError();
        if (!(max < bound)) {
            String worst = actual.worstElements().stream()
                    .filter(l -> l.record().verdict() != Verdict.KINK)
                    .max((a, b) -> Double.compare(relative(a.record()), relative(b.record())))
                    .map(GradCheckResult.Located::row).orElse("(no element)");
            failWithMessage("Expected the largest relative error to be below %s but it is %s at%n  %s%n%s", bound, max,
                    worst, actual.failureMessage());
        }
        return this;
    }

    private static double relative(ElementRecord r) {
        return Double.isNaN(r.relativeError()) ? Double.POSITIVE_INFINITY : r.relativeError();
    }

    /** The element of input {@code name} at {@code index} was reported as KINK. */
    public GradCheckResultAssert hasKinkAt(String name, int... index) {
        return hasVerdictAt(name, Verdict.KINK, index);
    }

    /** The element of input number {@code input} at {@code index} was reported as KINK. */
    public GradCheckResultAssert hasKinkAt(int input, int... index) {
        isNotNull();
        if (input < 0 || input >= actual.inputs().size()) {
            failWithMessage("Expected input %s but the result has %s inputs", input, actual.inputs().size());
        }
        return hasVerdictAt(actual.inputs().get(input).name(), Verdict.KINK, index);
    }

    /** The element of input {@code name} at {@code index} was reported as FAIL. */
    public GradCheckResultAssert hasFailureAt(String name, int... index) {
        return hasVerdictAt(name, Verdict.FAIL, index);
    }

    /** The element of input {@code name} at {@code index} has the given verdict. */
    public GradCheckResultAssert hasVerdictAt(String name, Verdict verdict, int... index) {
        isNotNull();
        InputResult input = input(name);
        int flat = flatIndex(input, index);
        Verdict actualVerdict = input.verdictAt(flat);
        if (actualVerdict != verdict) {
            Optional<ElementRecord> record = input.recordAt(Arrays.stream(index).boxed().toList());
            failWithMessage("Expected %s at %s of input \"%s\" %s but it was %s%s%n%s", verdict, Arrays.toString(index),
                    name, input.shapeText(), actualVerdict == null ? "not checked" : actualVerdict,
                    record.map(r -> ":%n  " + GradCheckResult.row(input, r)).orElse("").replace("%n", "\n"),
                    actual.failureMessage());
        }
        return this;
    }

    /** Some element or direction crossed a kink of the op described as {@code op} ({@code "relu"}, {@code "svmHinge/relu"}). */
    public GradCheckResultAssert hasKinkIn(String op) {
        isNotNull();
        boolean found = actual.worstElements().stream()
                .anyMatch(l -> l.record().verdict() == Verdict.KINK && op.equals(l.record().kinkOp()));
        if (!found) {
            failWithMessage("Expected a KINK in \"%s\" but found kinks in %s%n%s", op, kinkOps(), actual.failureMessage());
        }
        return this;
    }

    /** No element or direction crossed a kink. */
    public GradCheckResultAssert hasNoKinks() {
        isNotNull();
        if (actual.statistics().kinks() > 0) {
            failWithMessage("Expected no kinks but %s elements crossed one (%s)%n%s", actual.statistics().kinks(),
                    kinkOps(), actual.failureMessage());
        }
        return this;
    }

    /** A sanity check of this kind failed. */
    public GradCheckResultAssert hasFinding(SanityCheck check) {
        isNotNull();
        if (actual.findings().stream().noneMatch(f -> f.check() == check)) {
            failWithMessage("Expected a %s finding but found %s%n%s", check, actual.findings(), actual.failureMessage());
        }
        return this;
    }

    /** No sanity check failed. */
    public GradCheckResultAssert hasNoFindings() {
        isNotNull();
        if (!actual.findings().isEmpty()) {
            failWithMessage("Expected no findings but found %s%n%s", actual.findings(), actual.failureMessage());
        }
        return this;
    }

    private List<String> kinkOps() {
        List<String> ops = new ArrayList<>();
        actual.worstElements().stream().filter(l -> l.record().verdict() == Verdict.KINK)
                .map(l -> l.record().kinkOp()).distinct().forEach(ops::add);
        return ops;
    }

    private InputResult input(String name) {
        return actual.input(name).orElseThrow(() -> new AssertionError("The result has no input \"" + name
                + "\"; its inputs are " + actual.inputs().stream().map(InputResult::name).toList()));
    }

    private static int flatIndex(InputResult input, int[] index) {
        List<Integer> shape = input.shape();
        if (index.length != shape.size()) {
            throw new AssertionError("Index " + Arrays.toString(index) + " has rank " + index.length + " but input \""
                    + input.name() + "\" has shape " + shape);
        }
        int flat = 0;
        for (int a = 0; a < index.length; a++) {
            if (index[a] < 0 || index[a] >= shape.get(a)) {
                throw new AssertionError("Index " + Arrays.toString(index) + " is out of bounds for input \""
                        + input.name() + "\" of shape " + shape);
            }
            flat = flat * shape.get(a) + index[a];
        }
        return flat;
    }
}
