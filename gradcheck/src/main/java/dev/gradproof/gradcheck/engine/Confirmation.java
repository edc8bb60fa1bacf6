package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.Verdict;

import java.util.function.DoubleFunction;

/**
 * A plain FAIL at the step {@code h} may be rounding noise the estimates missed (a function whose
 * output hides large intermediate values that cancel). Such an element is probed again at
 * {@code 10h} and {@code 100h}, where rounding is 10 and 100 times smaller; the FAIL is overturned
 * only when the larger step passes every component with a tolerance at most half the difference
 * seen at {@code h}. A real error of the gradient shows the same difference at every step, so it is
 * never overturned; noise shrinks with the step, so a false alarm is.
 */
final class Confirmation {

    /** The larger steps tried, in multiples of {@code h}. */
    private static final double[] FACTORS = {10, 100};

    private Confirmation() {
    }

    /** The judgements of one element's (or direction's) components from its values probed at a larger step. */
    @FunctionalInterface
    interface Rejudge {
        Judgement[] at(ProbeValues wider, double factor);
    }

    /**
     * The judgements that stand: {@code judged}, unless it holds a plain FAIL and the values probed
     * at {@code factor h} ({@code probe}, for each of {@link #FACTORS} in turn) give judgements that
     * overturn it. A larger probe that cannot be used or crosses a kink ends the search. The array
     * returned is {@code judged} itself unless it was overturned.
     */
    static Judgement[] confirm(Judgement[] judged, DoubleFunction<ProbeValues> probe, Rejudge rejudge) {
        if (!needed(judged)) {
            return judged;
        }
        for (double factor : FACTORS) {
            ProbeValues wider = probe.apply(factor);
            if (wider.failure != null || wider.kinkOp != null) {
                return judged;
            }
            Judgement[] again = rejudge.at(wider, factor);
            if (overturns(judged, again)) {
                return again;
            }
        }
        return judged;
    }

    private static boolean needed(Judgement[] judged) {
        for (Judgement j : judged) {
            if (j.plainFailure()) {
                return true;
            }
        }
        return false;
    }

    private static boolean overturns(Judgement[] before, Judgement[] after) {
        for (int c = 0; c < after.length; c++) {
            if (after[c].verdict() != Verdict.PASS) {
                return false;
            }
            if (before[c].verdict() == Verdict.FAIL && !(after[c].tolerance() <= 0.5 * before[c].absoluteError())) {
                return false;
            }
        }
        return true;
    }

    /** The judgement that represents an element: the worst over components. */
    static int worst(Judgement[] judged) {
        int w = 0;
        for (int c = 1; c < judged.length; c++) {
            if (judged[c].worseThan(judged[w])) {
                w = c;
            }
        }
        return w;
    }
}
