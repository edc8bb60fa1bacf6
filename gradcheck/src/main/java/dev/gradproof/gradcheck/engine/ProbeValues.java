package dev.gradproof.gradcheck.engine;

/** What the probes around one element (or along one direction) found. */
final class ProbeValues {
    /** Actual displacements per stencil offset. */
    final double[] t;
    /** Projected values per component and offset. */
    final double[][] g;
    /** Per component, the largest {@code sum |u_m f_m|} over the probes. */
    final double[] scale;
    /** FAST: per offset, {@code sum_k a_k (x_k' - x_k)} with the analytic gradient {@code a}. */
    final double[] analyticAlong;
    /** The kinked op whose branch changed, or null. */
    String kinkOp;
    /** Why the values cannot be used (not finite, output shape changed), or null. */
    String failure;
    /** True when the failure is a change of output shape. */
    boolean shapeChanged;
    /** True when the failure is a value that is not finite (a probe left the function's domain). */
    boolean nonFinite;

    ProbeValues(int offsets, int components, boolean directional) {
        t = new double[offsets];
        g = new double[components][offsets];
        scale = new double[components];
        analyticAlong = directional ? new double[offsets] : null;
    }

    /**
     * Records the projection of one probe's value onto component {@code c} at offset {@code j}:
     * {@code projected} is {@code {u . f, sum |u_m f_m|}} (see {@link Prober#projection}).
     */
    void record(int c, int j, double[] projected) {
        g[c][j] = projected[0];
        scale[c] = Math.max(scale[c], projected[1]);
    }
}
