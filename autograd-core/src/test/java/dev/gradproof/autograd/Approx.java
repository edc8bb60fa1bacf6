package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;

/**
 * Tolerant comparisons for the core's tests: a relative error bound with an absolute floor for
 * values near zero. Equal values (infinities included) pass; a NaN never passes.
 */
final class Approx {

    private Approx() {
    }

    /** Fails unless {@code |actual - expected| <= max(relative * |expected|, absoluteFloor)}. */
    static void assertClose(String what, double actual, double expected, double relative, double absoluteFloor) {
        if (actual == expected) {
            return;
        }
        double allowed = Math.max(relative * Math.abs(expected), absoluteFloor);
        double error = Math.abs(actual - expected);
        if (!(error <= allowed)) {
            fail("%s: expected %s but was %s (error %s > allowed %s)", what, expected, actual, error, allowed);
        }
    }

    /** The same shape, and every element close in the sense of {@link #assertClose(String, double, double, double, double)}. */
    static void assertClose(String what, Tensor actual, Tensor expected, double relative, double absoluteFloor) {
        assertThat(actual.shape()).as("%s: shape", what).isEqualTo(expected.shape());
        for (int i = 0; i < expected.size(); i++) {
            assertClose(what + " at " + Arrays.toString(expected.shape().index(i)),
                    actual.getFlat(i), expected.getFlat(i), relative, absoluteFloor);
        }
    }
}
