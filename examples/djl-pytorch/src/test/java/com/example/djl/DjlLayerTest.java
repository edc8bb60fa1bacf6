package com.example.djl;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gradcheck of DJL's own layers through the foreign-function API, as a DJL user would check them:
 * the Linear block with respect to its input, weight and bias, and a two-layer network (Linear,
 * tanh, Linear) with DJL's softmax cross-entropy, with respect to all four parameters. One worker:
 * DJL allows one gradient collector at a time. Values come from the seed printed with any failure.
 */
class DjlLayerTest {

    private static final long SEED = Long.getLong(GradCheck.SEED_PROPERTY, GradCheck.DEFAULT_SEED);

    private static double[] uniform(Random random, Shape shape, double scale) {
        double[] values = new double[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * (2 * random.nextDouble() - 1);
        }
        return values;
    }

    /** A check of the block's function at random values: x, then each parameter by its name. */
    private static GradCheck check(DjlBlockFunction f, Shape xShape, boolean scalar, String label) {
        Random random = new Random(SEED);
        GradCheck check = scalar ? GradCheck.scalar(in -> f.value(in)[0], in -> f.backward(in, new double[] {1}))
                : GradCheck.vector(f::value, f::backward);
        check.input("x", uniform(random, xShape, 2), DjlAdapter.dims(xShape));
        List<String> names = f.parameterNames();
        for (int i = 0; i < names.size(); i++) {
            Shape shape = f.parameterShapes().get(i);
            check.input(names.get(i), uniform(random, shape, 1), DjlAdapter.dims(shape));
        }
        return check.label(label).seed(SEED).parallelism(1);
    }

    private static void assertPasses(GradCheckResult result) {
        assertTrue(result.passed(), () -> result.failureMessage() + "\nreplay: -D" + GradCheck.SEED_PROPERTY + "=" + SEED);
    }

    @Test
    void theLinearBlocksGradientsMatchNumerical() {
        Shape x = new Shape(4, 3);
        try (DjlBlockFunction f = new DjlBlockFunction(Linear.builder().setUnits(2).build(), x, null, null)) {
            assertPasses(check(f, x, false, "DJL Linear(2) on [4, 3]: x, weight, bias").check());
        }
    }

    @Test
    void theLinearBlockWithoutBiasMatchesNumerical() {
        Shape x = new Shape(3, 5);
        try (DjlBlockFunction f = new DjlBlockFunction(Linear.builder().setUnits(4).optBias(false).build(), x, null,
                null)) {
            assertPasses(check(f, x, false, "DJL Linear(4) without bias on [3, 5]").check());
        }
    }

    @Test
    void aTwoLayerNetworkWithSoftmaxCrossEntropyMatchesNumerical() {
        Shape x = new Shape(5, 3);
        SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                .add(Activation::tanh).add(Linear.builder().setUnits(3).build());
        try (DjlBlockFunction f = new DjlBlockFunction(net, x, new SoftmaxCrossEntropyLoss("loss"),
                new long[] {0, 2, 1, 1, 0})) {
            assertPasses(check(f, x, true, "DJL Linear(4), tanh, Linear(3), softmax cross-entropy on [5, 3]")
                    .exclude("x").check());
        }
    }
}
