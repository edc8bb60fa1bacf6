package dev.gradproof.properties.scalar;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.kit.AutogradContract;
import dev.gradproof.properties.kit.KitRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ready base for scalar engines: a scalar engine (autograd-core on rank-0 tensors) passes the
 * whole kit through {@link ScalarAdapter}, whose sums, axes, broadcasts, transposes and matrix
 * products are checked against autograd-core's by the forward-value rule (KIT-901) and by every
 * gradient rule.
 */
class ScalarAdapterTest {

    /** autograd-core restricted to scalars: what a micrograd-style engine offers. */
    static class CoreScalars implements ScalarEngine<Variable> {
        private static final AutogradCoreAdapter CORE = new AutogradCoreAdapter();

        @Override
        public String name() {
            return "core scalars";
        }

        @Override
        public Set<String> ops() {
            return Set.of(Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.NEG, Ops.TANH, Ops.EXP, Ops.LOG, Ops.RELU,
                    Ops.MAXIMUM, Ops.ADD_CONSTANT, Ops.MUL_CONSTANT, Ops.SQUARE);
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.CONSTANTS, Capability.ZERO_GRAD);
        }

        @Override
        public Variable leaf(double value) {
            return Variable.leaf("s", Tensor.scalar(value));
        }

        @Override
        public Variable constant(double value) {
            return Variable.constant("c", Tensor.scalar(value));
        }

        @Override
        public Variable apply(OpCall call, List<Variable> inputs) {
            for (Variable input : inputs) {
                assertThat(input.value().dims()).as("a scalar engine gets scalars only").isEmpty();
            }
            return CORE.apply(call, inputs);
        }

        @Override
        public void backward(Variable output) {
            CORE.backward(output, DenseArray.scalar(1.0));
        }

        @Override
        public double value(Variable node) {
            return node.value().item();
        }

        @Override
        public double grad(Variable node) {
            return CORE.grad(node).get(0);
        }

        @Override
        public void zeroGrad(Variable node) {
            CORE.zeroGrad(node);
        }
    }

    static class CoreScalarsContract extends AutogradContract<ScalarTensor<Variable>> {
        @Override
        protected AutogradAdapter<ScalarTensor<Variable>> engine() {
            return new ScalarAdapter<>(new CoreScalars());
        }

        @Override
        protected int deepGraphDepth() {
            return 10_000;
        }
    }

    @Test
    void aScalarEnginePassesTheKitThroughTheAdapter() {
        KitRun run = KitRun.of(CoreScalarsContract.class);
        assertThat(run.failures()).as("failures").isEmpty();
        assertThat(run.aborted()).as("not verified").isEmpty();
        assertThat(run.passed()).contains("forwardValuesMatchTheReference", "addGateDistributesTheUpstream",
                "backwardIsLinearInTheUpstream", "scalingTheInputScalesTheWeightGradient", "constantsGetNoGradient");
    }

    @Test
    void theAdapterBuildsTheTensorOpsItsScalarOpsAllow() {
        assertThat(new ScalarAdapter<>(new CoreScalars()).ops()).contains(Ops.SUM, Ops.SUM_AXIS, Ops.BROADCAST_TO,
                Ops.RESHAPE, Ops.TRANSPOSE, Ops.MATMUL, Ops.MEAN, Ops.MEAN_AXIS).doesNotContain(Ops.SOFTMAX);
    }

    @Test
    void aTensorOpDeclaredAsAScalarOpIsRefusedByName() {
        ScalarEngine<Variable> wrong = new CoreScalars() {
            @Override
            public Set<String> ops() {
                return Set.of(Ops.ADD, Ops.SOFTMAX);
            }
        };
        assertThatThrownBy(() -> new ScalarAdapter<>(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"softmax\", which is not a scalar op");
    }
}
