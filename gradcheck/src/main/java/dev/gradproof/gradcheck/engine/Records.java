package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.Band;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.Verdict;

import java.util.Arrays;
import java.util.List;

/** Turns judgements into {@link ElementRecord}s. */
final class Records {

    private Records() {
    }

    static ElementRecord of(int[] index, int flat, Judgement j, String component) {
        double rel = ElementRecord.relativeError(j.analytic(), j.numerical());
        // the one-sided slopes are kept where a kink was suspected: they are the subgradient interval
        boolean slopes = j.verdict() == Verdict.KINK || j.kinkSuspected();
        return new ElementRecord(list(index), flat, j.analytic(), j.step(), j.numerical(), j.absoluteError(), rel,
                j.errorEstimate(), j.tolerance(), j.verdict(), Band.of(rel), j.kinkOp(), component,
                slopes ? finite(j.leftSlope()) : null, slopes ? finite(j.rightSlope()) : null, j.reason());
    }

    /** A FAIL whose numerical derivative could not be formed. */
    static ElementRecord failure(int[] index, int flat, double analytic, double step, String reason,
                                 String component) {
        return new ElementRecord(list(index), flat, analytic, step, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Verdict.FAIL, Band.WRONG, null, component, null, null, reason);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static List<Integer> list(int[] index) {
        return Arrays.stream(index).boxed().toList();
    }
}
