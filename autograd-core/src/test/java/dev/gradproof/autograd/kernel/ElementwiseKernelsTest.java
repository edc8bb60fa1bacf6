package dev.gradproof.autograd.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same-shape loops against values computed by hand, IEEE special values included. */
class ElementwiseKernelsTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private final double[] a = {1.5, -2, 0, INF, NAN, 0};
    private final double[] b = {0.25, 3, -0.0, INF, 1, INF};

    @Test
    void addSubtractMultiplyScale() {
        double[] out = new double[a.length];
        ElementwiseKernels.add(a, b, out);
        assertThat(out).containsExactly(1.75, 1, 0, INF, NAN, INF);
        ElementwiseKernels.subtract(a, b, out);
        assertThat(out).containsExactly(1.25, -5, 0, NAN, NAN, -INF);
        ElementwiseKernels.multiply(a, b, out);
        assertThat(out).containsExactly(0.375, -6, -0.0, INF, NAN, NAN);
        ElementwiseKernels.scale(a, -2, out);
        assertThat(out).containsExactly(-3, 4, -0.0, -INF, NAN, -0.0);
    }

    @Test
    void sigmoidBackwardIsUpstreamTimesOneMinusYTimesY() {
        double[] y = {0.5, 0.25, 1, 0};
        double[] upstream = {2, 4, 3, NAN};
        double[] out = new double[y.length];
        ElementwiseKernels.sigmoidBackward(upstream, y, out);
        assertThat(out).containsExactly(0.5, 0.75, 0, NAN);
    }

    @Test
    void tanhBackwardIsUpstreamTimesOneMinusYSquared() {
        double[] y = {0.5, -0.25, 1, 0};
        double[] upstream = {2, 16, 3, NAN};
        double[] out = new double[y.length];
        ElementwiseKernels.tanhBackward(upstream, y, out);
        assertThat(out).containsExactly(1.5, 15, 0, NAN);
    }
}
