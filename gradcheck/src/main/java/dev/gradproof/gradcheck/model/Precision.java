package dev.gradproof.gradcheck.model;

/**
 * The floating-point precision a function computes in. Steps and tolerances scale with it, as JAX
 * scales its gradient-check tolerances per dtype: a float32 function checked with double-precision
 * tolerances fails everywhere, and one checked with float32 tolerances passes when it is right.
 */
public enum Precision {
    /**
     * IEEE double: machine epsilon 2^-52, default step 1e-6. A central difference with step
     * {@code h} has truncation error about {@code h^2 |f'''| / 6} and rounding error about
     * {@code eps |f| / h}; 1e-6 keeps both near 1e-10 for functions of unit scale (the optimum,
     * {@code eps^(1/3)}, is 6e-6) and is the step PyTorch uses.
     */
    FLOAT64(0x1.0p-52, 1e-6),
    /**
     * IEEE single: machine epsilon 2^-23, default step 1e-3 (near {@code eps^(1/3)} = 5e-3, the
     * step that balances truncation against rounding). Probe points are rounded to float.
     */
    FLOAT32(0x1.0p-23, 1e-3);

    private final double machineEpsilon;
    private final double defaultEps;

    Precision(double machineEpsilon, double defaultEps) {
        this.machineEpsilon = machineEpsilon;
        this.defaultEps = defaultEps;
    }

    /** The gap between 1 and the next representable number. */
    public double machineEpsilon() {
        return machineEpsilon;
    }

    /** The default finite-difference step. */
    public double defaultEps() {
        return defaultEps;
    }

    /** {@code value} rounded to this precision. */
    public double round(double value) {
        return this == FLOAT32 ? (double) (float) value : value;
    }
}
