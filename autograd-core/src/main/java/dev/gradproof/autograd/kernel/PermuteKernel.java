package dev.gradproof.autograd.kernel;

/** Reorders the axes of a row-major array: the kernel behind transpose. */
public final class PermuteKernel {

    private PermuteKernel() {
    }

    /**
     * Writes into {@code out} the array {@code in} of shape {@code inDims} with its axes reordered
     * so that output axis {@code i} is input axis {@code axes[i]}.
     */
    public static void permute(double[] in, int[] inDims, int[] axes, double[] out) {
        int n = in.length;
        if (n == 0) {
            return;
        }
        int rank = inDims.length;
        int[] inStrides = BroadcastKernels.broadcastStrides(inDims, inDims);
        int[] outDims = new int[rank];
        int[] readStrides = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = inDims[axes[i]];
            readStrides[i] = inStrides[axes[i]];
        }
        int[] counter = new int[rank];
        int src = 0;
        for (int i = 0; i < n; i++) {
            out[i] = in[src];
            for (int axis = rank - 1; axis >= 0; axis--) {
                counter[axis]++;
                src += readStrides[axis];
                if (counter[axis] < outDims[axis]) {
                    break;
                }
                src -= readStrides[axis] * outDims[axis];
                counter[axis] = 0;
            }
        }
    }
}
