package com.example.samediff;

import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.engine.Unsupported;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastTo;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The kit's ops ({@link Ops}) as SameDiff calls, one line each. Every op here is SameDiff's own op,
 * except three the kit knows and SameDiff has no single op for, built from SameDiff ops:
 * {@code normalCdf} = erfc(-x / sqrt 2) / 2 (accurate in the left tail, where 1 + erf cancels), {@code maxout} = max(x w1 + b1, x w2 + b2) and
 * {@code l2} = lambda * sum of 2 l2Loss(w).
 *
 * <p>Not declared, and why: {@code gelu} (SameDiff's {@code nn.gelu} is the sigmoid approximation
 * x sigmoid(1.702 x) and {@code nn.preciseGelu} the tanh approximation, neither the kit's exact
 * x Phi(x); both are probed against their own forward in {@link LayerProbes});
 * {@code svmHinge} (SameDiff's {@code loss.hingeLoss} is the binary hinge on labels 0/1, not the
 * multiclass SVM loss; probed in {@link LayerProbes}). {@code elu} has alpha 1 only (SameDiff's
 * {@code nn.elu} takes no alpha).
 */
final class SameDiffOps {

    /** Every kit op this mapping implements. */
    static final Set<String> DECLARED = Set.of(Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.MAXIMUM, Ops.MINIMUM,
            Ops.NEG, Ops.EXP, Ops.LOG, Ops.SQRT, Ops.SQUARE, Ops.ABS, Ops.RECIPROCAL, Ops.ADD_CONSTANT,
            Ops.MUL_CONSTANT, Ops.POW, Ops.SIGMOID, Ops.TANH, Ops.RELU, Ops.LEAKY_RELU, Ops.ELU, Ops.SILU,
            Ops.NORMAL_CDF, Ops.SUM, Ops.MEAN, Ops.SUM_AXIS, Ops.MEAN_AXIS, Ops.BROADCAST_TO, Ops.RESHAPE,
            Ops.TRANSPOSE, Ops.TRANSPOSE_AXES, Ops.MATMUL, Ops.BATCH_MATMUL, Ops.SOFTMAX, Ops.LOG_SOFTMAX,
            Ops.MAXOUT, Ops.SOFTMAX_CROSS_ENTROPY, Ops.SOFTMAX_CROSS_ENTROPY_SUM, Ops.SUM_SQUARED_ERROR,
            Ops.MEAN_SQUARED_ERROR, Ops.L2);

    private SameDiffOps() {
    }

    /**
     * {@code call} applied to {@code in} in {@code sd}; {@code shapes} gives an input's shape (which
     * SameDiff does not always know before it runs), asked only by transposeAxes and the losses.
     */
    static SDVariable apply(SameDiff sd, OpCall call, List<SDVariable> in, IntFunction<int[]> shapes) {
        SDVariable x = in.get(0);
        return switch (call.op()) {
            case Ops.ADD -> sd.math().add(x, in.get(1));
            case Ops.SUB -> sd.math().sub(x, in.get(1));
            case Ops.MUL -> sd.math().mul(x, in.get(1));
            case Ops.DIV -> sd.math().div(x, in.get(1));
            case Ops.MAXIMUM -> sd.math().max(x, in.get(1));
            case Ops.MINIMUM -> sd.math().min(x, in.get(1));
            case Ops.NEG -> sd.math().neg(x);
            case Ops.EXP -> sd.math().exp(x);
            case Ops.LOG -> sd.math().log(x);
            case Ops.SQRT -> sd.math().sqrt(x);
            case Ops.SQUARE -> sd.math().square(x);
            case Ops.ABS -> sd.math().abs(x);
            case Ops.RECIPROCAL -> sd.math().reciprocal(x);
            case Ops.ADD_CONSTANT -> sd.math().add(x, call.scalar());
            case Ops.MUL_CONSTANT -> sd.math().mul(x, call.scalar());
            case Ops.POW -> sd.math().pow(x, call.scalar());
            case Ops.SIGMOID -> sd.nn().sigmoid(x);
            case Ops.TANH -> sd.math().tanh(x);
            case Ops.RELU -> sd.nn().relu(x, 0.0);
            case Ops.LEAKY_RELU -> sd.nn().leakyRelu(x, call.scalar());
            case Ops.ELU -> elu(sd, x, call.scalar());
            case Ops.SILU -> sd.nn().swish(x);
            case Ops.NORMAL_CDF -> sd.math().mul(sd.math().erfc(sd.math().mul(x, -Math.sqrt(0.5))), 0.5);
            case Ops.SUM -> sd.sum(x);
            case Ops.MEAN -> sd.mean(x);
            case Ops.SUM_AXIS -> sd.sum(x, call.keepDims(), call.axis());
            case Ops.MEAN_AXIS -> sd.mean(x, call.keepDims(), call.axis());
            case Ops.BROADCAST_TO -> new BroadcastTo(sd, x, sd.constant(longs(call.ints()))).outputVariable();
            case Ops.RESHAPE -> sd.reshape(x, Arrays.stream(call.ints()).asLongStream().toArray());
            case Ops.TRANSPOSE -> sd.transpose(x);
            case Ops.TRANSPOSE_AXES -> sd.permute(x, swapped(shapes.apply(0).length, call.ints()));
            case Ops.MATMUL -> sd.mmul(x, in.get(1));
            case Ops.BATCH_MATMUL -> batchMatmul(sd, x, in.get(1), shapes.apply(1));
            case Ops.SOFTMAX -> sd.nn().softmax(x, call.axis());
            case Ops.LOG_SOFTMAX -> sd.nn().logSoftmax(x, call.axis());
            case Ops.MAXOUT -> sd.math().max(sd.math().add(sd.mmul(x, in.get(1)), in.get(2)),
                    sd.math().add(sd.mmul(x, in.get(3)), in.get(4)));
            case Ops.SOFTMAX_CROSS_ENTROPY -> softmaxCrossEntropy(sd, x, shapes.apply(0), call.ints(), LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT);
            case Ops.SOFTMAX_CROSS_ENTROPY_SUM -> softmaxCrossEntropy(sd, x, shapes.apply(0), call.ints(), LossReduce.SUM);
            case Ops.SUM_SQUARED_ERROR -> sd.loss().meanSquaredError(in.get(1), x, null, LossReduce.SUM);
            case Ops.MEAN_SQUARED_ERROR -> sd.loss().meanSquaredError(in.get(1), x, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT);
            case Ops.L2 -> l2(sd, call.scalar(), in);
            default -> throw new Unsupported("SameDiff adapter: op " + call.op() + " is not declared");
        };
    }

    /** SameDiff's mmul multiplies batches [B, m, k] @ [B, k, n]; it does not broadcast a [k, n] operand. */
    private static SDVariable batchMatmul(SameDiff sd, SDVariable x, SDVariable w, int[] wShape) {
        if (wShape.length != 3) {
            throw new Unsupported("batchMatmul: SameDiff's mmul does not take [B, m, k] @ [k, n]; asked w of shape "
                    + Arrays.toString(wShape));
        }
        return sd.mmul(x, w);
    }

    private static SDVariable elu(SameDiff sd, SDVariable x, double alpha) {
        if (alpha != 1.0) {
            throw new Unsupported("elu: SameDiff's nn.elu has alpha 1 only, asked " + alpha);
        }
        return sd.nn().elu(x);
    }

    /** SameDiff's softmax cross entropy of {@code logits} [N, C] against one-hot {@code labels}. */
    static SDVariable softmaxCrossEntropy(SameDiff sd, SDVariable logits, int[] shape, int[] labels, LossReduce reduce) {
        double[] oneHot = new double[shape[0] * shape[1]];
        for (int n = 0; n < labels.length; n++) {
            oneHot[n * shape[1] + labels[n]] = 1.0;
        }
        SDVariable target = sd.constant(Nd4j.create(oneHot, new long[] {shape[0], shape[1]}, DataType.DOUBLE));
        return sd.loss().softmaxCrossEntropy(null, target, logits, null, reduce, 0.0);
    }

    private static SDVariable l2(SameDiff sd, double lambda, List<SDVariable> weights) {
        SDVariable total = null;
        for (SDVariable w : weights) {
            SDVariable half = sd.loss().l2Loss(w); // sum(w^2) / 2
            total = total == null ? half : sd.math().add(total, half);
        }
        return sd.math().mul(total, 2 * lambda);
    }

    private static int[] swapped(int rank, int[] axes) {
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[axes[0]] = axes[1];
        perm[axes[1]] = axes[0];
        return perm;
    }

    private static org.nd4j.linalg.api.ndarray.INDArray longs(int[] dims) {
        return Nd4j.createFromArray(Arrays.stream(dims).asLongStream().toArray());
    }
}
