package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.Verdict;

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
    static final double[] FACTORS = {10, 100};

    private Confirmation() {
    }

    static boolean needed(Judgement[] judged) {
        for (Judgement j : judged) {
            if (j.plainFailure()) {
                return true;
            }
        }
        return false;
    }

    static boolean overturns(Judgement[] before, Judgement[] after) {
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
