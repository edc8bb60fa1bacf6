package dev.gradproof.properties.core;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.GradMode;
import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Scope;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What autograd-core's grad mode promises (GradMode's and Autograd's javadoc, torch's {@code no_grad},
 * {@code enable_grad} and {@code create_graph}), stated as properties of results rather than of the mode flag:
 * <ol>
 *   <li>a result computed under {@link GradMode#noGrad()} is a constant (does not require grad, has no
 *       creator), whatever op made it, including the ops that may return their input unchanged (a reshape,
 *       sum or broadcast to the input's own shape); outside the scope the same op records again;</li>
 *   <li>first-order gradients ({@code createGraph} false) are constants, while with {@code createGraph} true
 *       the gradient of a non-linear function requires grad and can be differentiated again;</li>
 *   <li>{@code Autograd.grad(..., true)} run inside a noGrad scope records its gradient (enableGrad inside
 *       noGrad) and leaves the noGrad scope in force when it returns: its enableGrad scope closes.</li>
 * </ol>
 * Inputs are drawn from a printed seed ({@value GradCheck#SEED_PROPERTY}, default {@link GradCheck#DEFAULT_SEED}).
 */
class GradModeTest {

    private static final long SEED = Long.getLong(GradCheck.SEED_PROPERTY, GradCheck.DEFAULT_SEED);

    /** One op of each kind, from leaves x [2, 3] and w [3, 2] that require grad. */
    private static Map<String, Function<Variable[], Variable>> ops() {
        Map<String, Function<Variable[], Variable>> ops = new LinkedHashMap<>();
        ops.put("x * x", v -> v[0].mul(v[0]));
        ops.put("x + 1", v -> v[0].add(1.0));
        ops.put("sigmoid(x)", v -> v[0].sigmoid());
        ops.put("tanh(x)", v -> v[0].tanh());
        ops.put("relu(x)", v -> v[0].relu());
        ops.put("abs(x)", v -> v[0].abs());
        ops.put("x @ w", v -> v[0].matmul(v[1]));
        ops.put("sum(x)", v -> v[0].sum());
        ops.put("transpose(x)", v -> v[0].transpose());
        ops.put("reshape(x) to its own shape", v -> v[0].reshape(v[0].shape()));
        ops.put("sumToShape(x) to its own shape", v -> v[0].sumToShape(v[0].shape()));
        ops.put("broadcastTo(x) its own shape", v -> v[0].broadcastTo(v[0].shape()));
        ops.put("svmHinge(x)", v -> Losses.svmHinge(v[0], new int[] {0, 2}));
        return ops;
    }

    private static Variable[] leaves(Random random) {
        return new Variable[] {Variable.leaf("x", Tensor.uniform(random, -2, 2, 2, 3)),
            Variable.leaf("w", Tensor.uniform(random, -2, 2, 3, 2))};
    }

    @Test
    void resultsComputedUnderNoGradAreConstantsAndOutsideItAreRecorded() {
        System.out.printf("grad mode: results under noGrad, seed %d%n", SEED);
        Random random = new Random(SEED);
        for (Map.Entry<String, Function<Variable[], Variable>> op : ops().entrySet()) {
            Variable[] v = leaves(random);
            Variable constant;
            try (Scope ignored = GradMode.noGrad()) {
                constant = op.getValue().apply(v);
            }
            assertThat(constant.requiresGrad()).as("%s under noGrad requires grad", op.getKey()).isFalse();
            assertThat(constant.creator()).as("%s under noGrad records an op", op.getKey()).isEmpty();
            Variable recorded = op.getValue().apply(v);
            assertThat(recorded.requiresGrad()).as("%s after the noGrad scope closed", op.getKey()).isTrue();
            assertThat(recorded.value().toArray()).as("%s: the same value either way", op.getKey())
                    .containsExactly(constant.value().toArray());
        }
    }

    @Test
    void theModeIsOnByDefaultOffInNoGradAndScopesRestoreWhatWasInForce() {
        assertThat(GradMode.isEnabled()).isTrue();
        try (Scope outer = GradMode.noGrad()) {
            assertThat(GradMode.isEnabled()).isFalse();
            try (Scope inner = GradMode.enableGrad()) {
                assertThat(GradMode.isEnabled()).isTrue();
                try (Scope innermost = GradMode.noGrad()) {
                    assertThat(GradMode.isEnabled()).isFalse();
                }
                assertThat(GradMode.isEnabled()).isTrue();
            }
            assertThat(GradMode.isEnabled()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void firstOrderGradientsAreConstantsAndGradientsWithCreateGraphAreRecorded() {
        System.out.printf("grad mode: first-order gradients, seed %d%n", SEED + 1);
        Random random = new Random(SEED + 1);
        for (Map.Entry<String, Function<Variable[], Variable>> op : ops().entrySet()) {
            Variable[] v = leaves(random);
            // squared so that the gradient depends on x for every op, linear ones included
            Variable loss = op.getValue().apply(v).square().sum();
            List<Variable> first = Autograd.grad(loss, List.of(v[0]), false);
            assertThat(first.get(0).requiresGrad()).as("d/dx sum(%s^2), createGraph false", op.getKey()).isFalse();
            assertThat(first.get(0).creator()).as("d/dx sum(%s^2), createGraph false", op.getKey()).isEmpty();
            List<Variable> recorded = Autograd.grad(loss, List.of(v[0]), true);
            assertThat(recorded.get(0).requiresGrad()).as("d/dx sum(%s^2), createGraph true", op.getKey()).isTrue();
            assertThat(recorded.get(0).value().toArray()).as("%s: the same gradient either way", op.getKey())
                    .containsExactly(first.get(0).value().toArray());
        }
    }

    @Test
    void gradWithCreateGraphInsideNoGradRecordsItsGradientAndLeavesNoGradInForce() {
        System.out.printf("grad mode: createGraph inside noGrad, seed %d%n", SEED + 2);
        Random random = new Random(SEED + 2);
        Variable x = Variable.leaf("x", Tensor.uniform(random, -2, 2, 2, 3));
        Variable loss = x.mul(x).sigmoid().sum();
        try (Scope ignored = GradMode.noGrad()) {
            Variable g = Autograd.grad(loss, x, true);
            assertThat(g.requiresGrad()).as("the gradient, recorded under enableGrad").isTrue();
            Variable after = x.mul(x);
            assertThat(after.requiresGrad()).as("x * x after grad(..., true) returned, still inside noGrad").isFalse();
            assertThat(GradMode.isEnabled()).isFalse();
            Variable firstOrder = Autograd.grad(loss, x, false);
            assertThat(firstOrder.requiresGrad()).isFalse();
            assertThat(x.sigmoid().requiresGrad()).as("sigmoid after grad(..., false) inside noGrad").isFalse();
        }
        assertThat(x.mul(x).requiresGrad()).as("x * x once the noGrad scope closed").isTrue();
        // and the other way round: a first-order gradient inside enableGrad leaves the mode on
        Variable g = Autograd.grad(loss, x, false);
        assertThat(g.requiresGrad()).isFalse();
        assertThat(x.mul(x).requiresGrad()).as("x * x after grad(..., false) returned").isTrue();
    }
}
