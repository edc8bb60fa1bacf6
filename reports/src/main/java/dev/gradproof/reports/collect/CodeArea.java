package dev.gradproof.reports.collect;

import java.util.Set;

/**
 * Which part of autograd-core a mutant is in, as the detection-power targets count them: the ops'
 * backward code, backprop (the walk of the graph and the accumulation of gradients), the kernels
 * (tensors, shapes and the kernel package) and the rest of the ops (their forward passes and the
 * {@code Variable} facade).
 */
public enum CodeArea {

    /** An op's {@code backward} (and the lambdas and helpers only it calls). */
    BACKWARD("backward code"),
    /** {@code Backprop}, {@code Graph}, {@code Autograd} and the gradient accumulation of {@code Variable}. */
    BACKPROP("backprop"),
    /** {@code Tensor}, {@code Shape} and {@code dev.gradproof.autograd.kernel}. */
    KERNEL("kernels"),
    /** Every other mutated method: the ops' forward passes and the facade. */
    OP("ops (forward)");

    private static final String CORE = "dev.gradproof.autograd.";
    private static final Set<String> BACKPROP_CLASSES = Set.of("Backprop", "Graph", "Autograd");
    private static final Set<String> BACKPROP_METHODS_OF_VARIABLE = Set.of("backward", "accumulate", "grad", "zeroGrad");
    /** Helpers that only backward methods call ({@code PiecewiseOp.perBranch}: the slope of each element's branch). */
    private static final Set<String> BACKWARD_HELPERS = Set.of("PiecewiseOp.perBranch");

    private final String title;

    CodeArea(String title) {
        this.title = title;
    }

    /** How DETECTION.md and the report name it. */
    public String title() {
        return title;
    }

    /**
     * The area of a mutated method.
     *
     * @param mutatedClass the class's binary name ({@code dev.gradproof.autograd.Graph$Walk})
     * @param method       the method's name ({@code lambda$backward$0} for a lambda in backward)
     */
    public static CodeArea of(String mutatedClass, String method) {
        String simple = mutatedClass.startsWith(CORE) ? mutatedClass.substring(CORE.length()) : mutatedClass;
        String outer = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        if (BACKPROP_CLASSES.contains(outer) || outer.equals("Variable") && BACKPROP_METHODS_OF_VARIABLE.contains(method)) {
            return BACKPROP;
        }
        if (method.equals("backward") || method.startsWith("lambda$backward$") || BACKWARD_HELPERS.contains(outer + "." + method)) {
            return BACKWARD;
        }
        if (outer.startsWith("kernel.") || outer.equals("Tensor") || outer.equals("Shape")) {
            return KERNEL;
        }
        return OP;
    }
}
