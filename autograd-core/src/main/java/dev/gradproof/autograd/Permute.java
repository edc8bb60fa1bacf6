package dev.gradproof.autograd;

/** Reorders axes (transpose is the reversal); backward applies the inverse permutation. */
final class Permute extends Op {

    private final int[] axes;

    private Permute(Variable x, int[] axes) {
        super(isReversal(axes) ? "transpose" : "permute", x);
        this.axes = axes;
    }

    static Variable apply(Variable x, int[] axes) {
        Tensor value = x.value().permute(axes);
        return new Permute(x, axes.clone()).record(value);
    }

    private static boolean isReversal(int[] axes) {
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] != axes.length - 1 - i) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        int[] inverse = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            inverse[axes[i]] = i;
        }
        return new Variable[] {upstream.permute(inverse)};
    }
}
