package dev.gradproof.autograd.kernel;

import java.util.function.DoubleBinaryOperator;

/**
 * Elementwise binary kernels under numpy broadcasting, and the reverse reduction that sums a
 * broadcast result back to an operand's shape.
 *
 * <p>Both walk the larger shape with an odometer and address each operand through strides that
 * are zero along broadcast dimensions; no index array is allocated per element.
 */
public final class BroadcastKernels {

    private BroadcastKernels() {
    }

    /**
     * Strides for reading an operand of shape {@code operand} while walking {@code target}: aligned
     * at the right, zero where the operand has size 1 (or is missing) and the target does not.
     * With {@code operand} equal to {@code target} these are the operand's own row-major strides.
     */
    public static int[] broadcastStrides(int[] operand, int[] target) {
        int[] strides = new int[target.length];
        int offset = target.length - operand.length;
        int stride = 1;
        for (int i = operand.length - 1; i >= 0; i--) {
            strides[i + offset] = operand[i] == 1 && target[i + offset] != 1 ? 0 : stride;
            stride *= operand[i];
        }
        return strides;
    }

    /**
     * {@code out[i] = f(a[i'], b[i''])} over the broadcast shape {@code outDims}, where i' and i''
     * are the broadcast positions of i in {@code a} and {@code b}.
     */
    public static void zip(double[] a, int[] aDims, double[] b, int[] bDims,
                           double[] out, int[] outDims, DoubleBinaryOperator f) {
        int n = out.length;
        if (n == 0) {
            return;
        }
        if (a.length == n && b.length == n) {
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a[i], b[i]);
            }
            return;
        }
        if (b.length == 1 && a.length == n) {
            double s = b[0];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a[i], s);
            }
            return;
        }
        if (a.length == 1 && b.length == n) {
            double s = a[0];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(s, b[i]);
            }
            return;
        }
        int rank = outDims.length;
        int[] sa = broadcastStrides(aDims, outDims);
        int[] sb = broadcastStrides(bDims, outDims);
        int[] counter = new int[rank];
        int ia = 0;
        int ib = 0;
        int last = rank - 1;
        int inner = outDims[last];
        for (int i = 0; i < n; ) {
            // the innermost axis as a tight loop
            int sal = sa[last];
            int sbl = sb[last];
            for (int j = 0; j < inner; j++, i++) {
                out[i] = f.applyAsDouble(a[ia + j * sal], b[ib + j * sbl]);
            }
            // advance the odometer over the outer axes
            for (int axis = last - 1; axis >= 0; axis--) {
                counter[axis]++;
                ia += sa[axis];
                ib += sb[axis];
                if (counter[axis] < outDims[axis]) {
                    break;
                }
                ia -= sa[axis] * outDims[axis];
                ib -= sb[axis] * outDims[axis];
                counter[axis] = 0;
            }
        }
    }

    /**
     * Reduces {@code in} (shape {@code inDims}) to {@code out} (shape {@code outDims}, which
     * broadcasts to {@code inDims}) by combining with {@code f} every input element into the
     * output element it was broadcast from. {@code out} is first filled with {@code identity}.
     * With {@code f = +} and identity 0 this is the sum that backward uses to undo broadcasting.
     */
    public static void reduceTo(double[] in, int[] inDims, double[] out, int[] outDims,
                                double identity, DoubleBinaryOperator f) {
        java.util.Arrays.fill(out, identity);
        int n = in.length;
        if (n == 0) {
            return;
        }
        if (out.length == 1) {
            double acc = identity;
            for (double v : in) {
                acc = f.applyAsDouble(acc, v);
            }
            out[0] = acc;
            return;
        }
        int rank = inDims.length;
        int[] so = broadcastStrides(outDims, inDims);
        int[] counter = new int[rank];
        int io = 0;
        int last = rank - 1;
        int inner = inDims[last];
        int sol = so[last];
        for (int i = 0; i < n; ) {
            for (int j = 0; j < inner; j++, i++) {
                int k = io + j * sol;
                out[k] = f.applyAsDouble(out[k], in[i]);
            }
            for (int axis = last - 1; axis >= 0; axis--) {
                counter[axis]++;
                io += so[axis];
                if (counter[axis] < inDims[axis]) {
                    break;
                }
                io -= so[axis] * inDims[axis];
                counter[axis] = 0;
            }
        }
    }
}
