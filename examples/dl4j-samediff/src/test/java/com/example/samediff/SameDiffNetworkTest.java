package com.example.samediff;

import com.example.samediff.SameDiffFunction.Body;
import com.example.samediff.SameDiffFunction.In;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;

/**
 * A two-layer network built from SameDiff's own layers (nn.linear, tanh, nn.linear, nn.logSoftmax
 * on the last axis), checked through gradcheck's foreign-function API: as a scalar loss with
 * SameDiff's gradient ({@code GradCheck.scalar}), and per example as a vector output with SameDiff's
 * vector-Jacobian product ({@code GradCheck.vector}, upstreams that are not all ones). The loss is the
 * mean negative log-likelihood written with SameDiff's math ops: SameDiff's own loss ops ignore their
 * upstream ({@link KnownBug#LOSS_IGNORES_UPSTREAM}). Weights drawn from seed {@link Probes#SEED}.
 */
class SameDiffNetworkTest {

    private static final int N = 5;
    private static final int D = 4;
    private static final int H = 6;
    private static final int C = 3;
    private static final int[] LABELS = {0, 2, 1, 1, 0};

    /** Per-example negative log-likelihoods [N] of the network at x, w1, b1, w2, b2. */
    private static final Body PER_EXAMPLE = (sd, v) -> {
        SDVariable hidden = sd.math().tanh(sd.nn().linear(v.get(0), v.get(1), v.get(2)));
        SDVariable logProbabilities = sd.nn().logSoftmax(sd.nn().linear(hidden, v.get(3), v.get(4)));
        SDVariable oneHot = sd.constant(Nd4j.create(oneHot(), new long[] {N, C}));
        return sd.math().neg(sd.sum(sd.math().mul(logProbabilities, oneHot), 1));
    };

    private static final Body MEAN_LOSS = (sd, v) -> sd.mean(PER_EXAMPLE.apply(sd, v));

    private final Random random = new Random(Probes.SEED);

    @Test
    void theMeanLossAndSameDiffsGradientPassGradcheck() {
        List<In> inputs = point();
        List<int[]> shapes = inputs.stream().map(In::shape).toList();
        GradCheck check = GradCheck.scalar(
                in -> SameDiffFunction.run(MEAN_LOSS, shapes, in).get(0),
                in -> SameDiffFunction.gradients(MEAN_LOSS, shapes, in, new double[] {1}));
        inputs.forEach(in -> check.input(in.name(), in.values(), in.shape()));
        GradCheckResult result = check.exclude("x").label("SameDiff two-layer network, mean loss").seed(Probes.SEED).check();
        assertThat(result).passes().hasMaxRelativeErrorBelow(1e-6);
    }

    @Test
    void thePerExampleLossesAndSameDiffsBackwardPassGradcheck() {
        GradCheck check = SameDiffFunction.gradCheck(PER_EXAMPLE, point());
        GradCheckResult result = check.exclude("x").label("SameDiff two-layer network, per-example losses")
                .seed(Probes.SEED).check();
        assertThat(result).passes();
    }

    @Test
    void inFastModeTooOnALargerPoint() {
        GradCheckResult result = SameDiffFunction.gradCheck(MEAN_LOSS, point()).mode(Mode.FAST).seed(Probes.SEED)
                .label("SameDiff two-layer network, FAST").check();
        assertThat(result).passes();
    }

    private List<In> point() {
        return List.of(in("x", N, D), in("w1", D, H), in("b1", H), in("w2", H, C), in("b2", C));
    }

    private In in(String name, int... shape) {
        return In.uniform(random, name, -1, 1, shape);
    }

    private static double[] oneHot() {
        double[] oneHot = new double[N * C];
        for (int n = 0; n < N; n++) {
            oneHot[n * C + LABELS[n]] = 1;
        }
        return oneHot;
    }
}
