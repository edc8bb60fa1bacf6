package com.example.samediff;

import com.example.samediff.SameDiffFunction.Body;
import com.example.samediff.SameDiffFunction.In;
import dev.gradproof.gradcheck.GradCheck;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SameDiff's own layers, losses, activations and reductions that the kit has no name for, each as a
 * function of its inputs (labels and targets included, as PyTorch differentiates them), checked by
 * gradcheck's foreign-function API at seeded points ({@link Probes#SEED}).
 */
final class LayerProbes {

    /** One probe: a name, the SameDiff function, its inputs. */
    record LayerProbe(String name, Body body, List<In> inputs) {
        /** The op's name: the first word of the probe's name ({@code nn.linear}). */
        String op() {
            return name.split(" ")[0];
        }

        /** The known bug of SameDiff this probe meets, if any. */
        KnownBug knownBug() {
            return KnownBug.metBy(op(), null, List.of());
        }

        GradCheck gradCheck() {
            return SameDiffFunction.gradCheck(body, inputs).op(op()).label("SameDiff " + name).seed(Probes.SEED);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Random random = new Random(Probes.SEED + 1);
    private final List<LayerProbe> probes = new ArrayList<>();

    private LayerProbes() {
    }

    static List<LayerProbe> all() {
        LayerProbes p = new LayerProbes();
        p.layers();
        p.activations();
        p.losses();
        p.reductions();
        return List.copyOf(p.probes);
    }

    private void layers() {
        add("nn.linear x[4,3] w[3,2] b[2]", (sd, v) -> sd.nn().linear(v.get(0), v.get(1), v.get(2)),
                in("x", -2, 2, 4, 3), in("w", -2, 2, 3, 2), in("b", -2, 2, 2));
        add("nn.reluLayer x[4,3] w[3,2] b[2]", (sd, v) -> sd.nn().reluLayer(v.get(0), v.get(1), v.get(2)),
                in("x", -2, 2, 4, 3), in("w", -2, 2, 3, 2), in("b", -2, 2, 2));
        add("nn.biasAdd x[4,3] b[3]", (sd, v) -> sd.nn().biasAdd(v.get(0), v.get(1), true), in("x", -2, 2, 4, 3), in("b", -2, 2, 3));
        add("nn.layerNorm x[4,3] gain[3] bias[3]", (sd, v) -> sd.nn().layerNorm(v.get(0), v.get(1), v.get(2), false, 1),
                in("x", -2, 2, 4, 3), in("gain", 0.5, 2, 3), in("bias", -1, 1, 3));
    }

    private void activations() {
        add("nn.gelu x[2,3]", (sd, v) -> sd.nn().gelu(v.get(0)), in("x", -3, 3, 2, 3));
        add("nn.preciseGelu x[2,3]", (sd, v) -> sd.nn().preciseGelu(v.get(0)), in("x", -3, 3, 2, 3));
        add("nn.softplus x[2,3]", (sd, v) -> sd.nn().softplus(v.get(0)), in("x", -3, 3, 2, 3));
        add("nn.softsign x[2,3]", (sd, v) -> sd.nn().softsign(v.get(0)), in("x", -3, 3, 2, 3));
        add("nn.selu x[2,3]", (sd, v) -> sd.nn().selu(v.get(0)), in("x", -3, 3, 2, 3));
        add("nn.logSigmoid x[2,3]", (sd, v) -> sd.nn().logSigmoid(v.get(0)), in("x", -3, 3, 2, 3));
        add("nn.hardTanh x[2,3]", (sd, v) -> sd.nn().hardTanh(v.get(0)), in("x", -0.9, 0.9, 2, 3));
        add("nn.hardSigmoid x[2,3]", (sd, v) -> sd.nn().hardSigmoid(v.get(0)), in("x", -2, 2, 2, 3));
        add("nn.relu6 x[2,3]", (sd, v) -> sd.nn().relu6(v.get(0), 0.0), in("x", -3, 5, 2, 3));
        add("nn.logSoftmax (last axis, no axis argument) x[2,3]", (sd, v) -> sd.nn().logSoftmax(v.get(0)), in("x", -3, 3, 2, 3));
        add("nn.softmax (no axis argument) x[2,3]", (sd, v) -> sd.nn().softmax(v.get(0)), in("x", -3, 3, 2, 3));
        add("math.erf x[2,3]", (sd, v) -> sd.math().erf(v.get(0)), in("x", -2, 2, 2, 3));
        add("math.atan x[2,3]", (sd, v) -> sd.math().atan(v.get(0)), in("x", -2, 2, 2, 3));
        add("math.log1p x[2,3]", (sd, v) -> sd.math().log1p(v.get(0)), in("x", 0, 2, 2, 3));
        add("math.expm1 x[2,3]", (sd, v) -> sd.math().expm1(v.get(0)), in("x", -2, 2, 2, 3));
        add("math.cube x[2,3]", (sd, v) -> sd.math().cube(v.get(0)), in("x", -2, 2, 2, 3));
        add("math.pow x[2,3] y[2,3]", (sd, v) -> sd.math().pow(v.get(0), v.get(1)), in("x", 0.5, 2, 2, 3), in("y", -2, 2, 2, 3));
        add("math.squaredDifference a[2,3] b[2,3]", (sd, v) -> sd.math().squaredDifference(v.get(0), v.get(1)),
                in("a", -2, 2, 2, 3), in("b", -2, 2, 2, 3));
        add("math.rsub a[2,3] b[3]", (sd, v) -> sd.math().rsub(v.get(0), v.get(1)), in("a", -2, 2, 2, 3), in("b", -2, 2, 3));
        add("math.rdiv a[2,3] b[3]", (sd, v) -> sd.math().rdiv(v.get(0), v.get(1)), in("a", 0.5, 2, 2, 3), in("b", -2, 2, 3));
    }

    private void losses() {
        add("loss.softmaxCrossEntropy logits[3,4] labels[3,4] (label smoothing 0.1)",
                (sd, v) -> sd.loss().softmaxCrossEntropy(null, v.get(1), v.get(0), null, LossReduce.SUM, 0.1),
                in("logits", -2, 2, 3, 4), oneHot("labels", 3, 4));
        add("loss.sparseSoftmaxCrossEntropy logits[3,4]",
                (sd, v) -> sd.loss().sparseSoftmaxCrossEntropy(v.get(0), sd.constant(Nd4j.createFromArray(1, 0, 3))),
                in("logits", -2, 2, 3, 4));
        add("loss.hingeLoss predictions[3,4] labels 0/1", (sd, v) -> sd.loss().hingeLoss(null,
                sd.constant(Nd4j.createFromArray(new double[][] {{0, 1, 1, 0}, {1, 0, 0, 1}, {1, 1, 0, 0}})), v.get(0), null, LossReduce.SUM),
                in("predictions", -2, 2, 3, 4));
        add("loss.absoluteDifference predictions[3,4] labels[3,4]", (sd, v) -> sd.loss().absoluteDifference(null, v.get(1), v.get(0), null, LossReduce.SUM),
                in("predictions", -2, 2, 3, 4), in("labels", -2, 2, 3, 4));
        add("loss.huberLoss predictions[3,4] labels[3,4] delta 1", (sd, v) -> sd.loss().huberLoss(null, v.get(1), v.get(0), null, LossReduce.SUM, 1.0),
                in("predictions", -2, 2, 3, 4), in("labels", -2, 2, 3, 4));
        add("loss.logLoss predictions[3,4] labels[3,4]", (sd, v) -> sd.loss().logLoss(null, v.get(1), v.get(0), null, LossReduce.SUM, 0.0),
                in("predictions", 0.1, 0.9, 3, 4), in("labels", 0, 1, 3, 4));
        add("loss.sigmoidCrossEntropy logits[3,4] labels[3,4]", (sd, v) -> sd.loss().sigmoidCrossEntropy(null, v.get(1), v.get(0), null, LossReduce.SUM, 0.0),
                in("logits", -2, 2, 3, 4), in("labels", 0, 1, 3, 4));
        add("loss.cosineDistance predictions[3,4] labels[3,4]", (sd, v) -> sd.loss().cosineDistance(null, v.get(1), v.get(0), null, LossReduce.SUM, 1),
                in("predictions", -2, 2, 3, 4), in("labels", -2, 2, 3, 4));
        add("loss.meanPairwiseSquaredError predictions[3,4] labels[3,4]", (sd, v) -> sd.loss().meanPairwiseSquaredError(null, v.get(1), v.get(0), null, LossReduce.SUM),
                in("predictions", -2, 2, 3, 4), in("labels", -2, 2, 3, 4));
        add("loss.meanSquaredError predictions[3,4] labels[3,4] (MEAN_BY_WEIGHT)", (sd, v) -> sd.loss().meanSquaredError(null, v.get(1), v.get(0), null, LossReduce.MEAN_BY_WEIGHT),
                in("predictions", -2, 2, 3, 4), in("labels", -2, 2, 3, 4));
        add("loss.l2Loss w[3,4]", (sd, v) -> sd.loss().l2Loss(v.get(0)), in("w", -2, 2, 3, 4));
    }

    private void reductions() {
        add("math.logSumExp x[3,4] axis 1", (sd, v) -> sd.math().logSumExp(v.get(0), 1), in("x", -2, 2, 3, 4));
        add("norm2 x[3,4] axis 1", (sd, v) -> sd.norm2(v.get(0), 1), in("x", -2, 2, 3, 4));
        add("norm1 x[3,4] axis 0", (sd, v) -> sd.norm1(v.get(0), 0), in("x", -2, 2, 3, 4));
        add("prod x[3,4] axis 1", (sd, v) -> sd.prod(v.get(0), 1), in("x", 0.5, 2, 3, 4));
        add("max x[3,4] axis 1", (sd, v) -> sd.max(v.get(0), 1), in("x", -2, 2, 3, 4));
        add("min x[3,4] axis 0 keepDims", (sd, v) -> sd.min(v.get(0), true, 0), in("x", -2, 2, 3, 4));
        add("variance x[3,4] axis 1", (sd, v) -> sd.variance(v.get(0), false, 1), in("x", -2, 2, 3, 4));
        add("variance(biasCorrected) x[3,4] axis 1", (sd, v) -> sd.variance(v.get(0), true, 1), in("x", -2, 2, 3, 4));
        add("standardDeviation(population) x[3,4] axis 1", (sd, v) -> sd.standardDeviation(v.get(0), false, 1), in("x", -2, 2, 3, 4));
        add("cumsum x[3,4] axis 0", (sd, v) -> sd.cumsum(v.get(0), false, false, 0), in("x", -2, 2, 3, 4));
        add("cumsum x[5] axis 0", (sd, v) -> sd.cumsum(v.get(0), false, false, 0), in("x", -2, 2, 5));
        add("standardDeviation x[3,4] axis 0", (sd, v) -> sd.standardDeviation(v.get(0), true, 0), in("x", -2, 2, 3, 4));
        add("math.squaredNorm x[3,4]", (sd, v) -> sd.math().squaredNorm(v.get(0)), in("x", -2, 2, 3, 4));
        add("cumsum x[3,4] axis 1", (sd, v) -> sd.cumsum(v.get(0), false, false, 1), in("x", -2, 2, 3, 4));
        add("tile x[2,3] [2,1]", (sd, v) -> sd.tile(v.get(0), 2, 1), in("x", -2, 2, 2, 3));
        add("expandDims x[2,3] axis 1", (sd, v) -> sd.expandDims(v.get(0), 1), in("x", -2, 2, 2, 3));
        add("squeeze x[2,1,3] axis 1", (sd, v) -> sd.squeeze(v.get(0), 1), in("x", -2, 2, 2, 1, 3));
        add("dot a[4] b[4]", (sd, v) -> sd.dot(v.get(0), v.get(1)), in("a", -2, 2, 4), in("b", -2, 2, 4));
    }

    private void add(String name, Body body, In... inputs) {
        probes.add(new LayerProbe(name, body, List.of(inputs)));
    }

    private In in(String name, double lo, double hi, int... shape) {
        return In.uniform(random, name, lo, hi, shape);
    }

    private In oneHot(String name, int rows, int classes) {
        double[] data = new double[rows * classes];
        for (int r = 0; r < rows; r++) {
            data[r * classes + random.nextInt(classes)] = 1;
        }
        return new In(name, data, rows, classes);
    }

}
