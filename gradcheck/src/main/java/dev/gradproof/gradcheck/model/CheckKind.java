package dev.gradproof.gradcheck.model;

/** First or second order. */
public enum CheckKind {
    /** The function's vector-Jacobian product against finite differences of the function. */
    GRADCHECK,
    /**
     * The vector-Jacobian product's own derivatives (with respect to the inputs and to the upstream)
     * against finite differences of the vector-Jacobian product.
     */
    GRADGRADCHECK
}
