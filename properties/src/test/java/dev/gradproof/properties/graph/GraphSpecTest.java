package dev.gradproof.properties.graph;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.ForwardingAdapter;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The graph model: printing, shape checks, rewrites, and the notes' worked examples through it. */
class GraphSpecTest {

    private static final AutogradCoreAdapter CORE = new AutogradCoreAdapter();

    /** The notes' first example, f = (x + y) z. */
    private static GraphSpec notesExample() {
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.leaf("x", Tensor.scalar(-2));
        int y = b.leaf("y", Tensor.scalar(5));
        int z = b.leaf("z", Tensor.scalar(-4));
        return b.build(b.apply(OpCall.of(Ops.MUL), b.apply(OpCall.of(Ops.ADD), x, y), z));
    }

    @Test
    void printsTheIssuesExample() {
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.constant("x", Tensor.zeros(2, 3));
        int w = b.leaf("w", Tensor.zeros(3, 1));
        int bias = b.leaf("b", Tensor.zeros(1));
        int z = b.apply(OpCall.of(Ops.ADD), b.apply(OpCall.of(Ops.MATMUL), x, w), bias);
        GraphSpec spec = b.build(b.apply(OpCall.of(Ops.SUM), b.apply(OpCall.of(Ops.RELU), z)));
        assertThat(spec).hasToString("sum(relu(matmul(x[2,3], w[3,1]) + b[1]))");
    }

    @Test
    void bindsSharedNodesAndParenthesizesNestedGates() {
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.leaf("x0", Tensor.zeros(2));
        int t = b.apply(OpCall.of(Ops.TANH), x);
        int square = b.apply(OpCall.of(Ops.MUL), t, t);
        int shifted = b.apply(OpCall.withScalar(Ops.ADD_CONSTANT, -0.5), b.apply(OpCall.withScalar(Ops.MUL_CONSTANT, 2), square));
        int axis = b.apply(OpCall.alongAxis(Ops.SUM_AXIS, 0, true), shifted);
        GraphSpec spec = b.build(b.apply(OpCall.of(Ops.SUM), axis));
        assertThat(spec).hasToString("t1 = tanh(x0[2]); sum(sum((2 * (t1 * t1)) - 0.5, axis=0, keepDims))");
        assertThat(spec.forks()).containsExactly(t);
        assertThat(spec.consumers(t)).containsExactly(square, square);
    }

    @Test
    void shapesAreCheckedWithTheShapesNamed() {
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.leaf("x", Tensor.zeros(2, 3));
        int w = b.leaf("w", Tensor.zeros(4, 5));
        assertThatThrownBy(() -> b.apply(OpCall.of(Ops.MATMUL), x, w))
                .hasMessage("matmul: inner dimensions differ: [2, 3] @ [4, 5]");
        assertThatThrownBy(() -> b.apply(OpCall.of(Ops.ADD), x, w))
                .hasMessageContaining("add: shapes do not broadcast: [2, 3] and [4, 5]");
        assertThatThrownBy(() -> b.apply(OpCall.of("softplus"), x)).hasMessageStartingWith("unknown op \"softplus\"");
        assertThatThrownBy(() -> b.apply(OpCall.of(Ops.NEG), 7)).hasMessageContaining("input 7 is not an earlier node");
        assertThatThrownBy(() -> b.leaf("x", Tensor.scalar(1))).hasMessage("leaf name x is already used");
    }

    @Test
    void theNotesExampleThroughTheCoreAdapter() {
        Evaluation<Variable> run = notesExample().evaluate(CORE).backward();
        assertThat(run.outputValue().get(0)).isEqualTo(-12.0);
        // df/dx = df/dy = z = -4, df/dz = x + y = 3
        assertThat(run.grad(0).data()).containsExactly(-4.0);
        assertThat(run.grad(1).data()).containsExactly(-4.0);
        assertThat(run.grad(2).data()).containsExactly(3.0);
    }

    @Test
    void aGraphIsAFunctionOfItsLeavesArrays() {
        GraphFunction f = GraphFunction.of(notesExample(), CORE);
        assertThat(f.names()).containsExactly("x", "y", "z");
        assertThat(f.value(f.point())).isEqualTo(-12.0);
        List<double[]> at = List.of(new double[] {1}, new double[] {2}, new double[] {3});
        assertThat(f.value(at)).isEqualTo(9.0);
        assertThat(f.gradient(at)).satisfiesExactly(
                g -> assertThat(g).containsExactly(3.0), g -> assertThat(g).containsExactly(3.0),
                g -> assertThat(g).containsExactly(3.0));
    }

    @Test
    void aGraphBuildsOverTheCallersOwnVariables() {
        Variable x = Variable.scalar("x", -2);
        Variable y = Variable.scalar("y", 5);
        Variable z = Variable.scalar("z", -4);
        Variable f = notesExample().evaluate(CORE, List.of(x, y, z)).output();
        f.backward();
        assertThat(x.grad().item()).isEqualTo(-4.0);
        assertThat(z.grad().item()).isEqualTo(3.0);
    }

    /** The notes' sigmoid neuron: w = [2, -3, -3], x = [-1, -2], fused and as its circuit. */
    @Test
    void theSigmoidNeuronFusedAndAsItsCircuit() {
        GraphSpec.Builder b = GraphSpec.builder();
        int w = b.leaf("w", Tensor.vector(2, -3));
        int w2 = b.leaf("w2", Tensor.scalar(-3));
        int x = b.leaf("x", Tensor.vector(-1, -2));
        int dot = b.apply(OpCall.of(Ops.ADD), b.apply(OpCall.of(Ops.SUM), b.apply(OpCall.of(Ops.MUL), w, x)), w2);
        GraphSpec fused = b.build(b.apply(OpCall.of(Ops.SIGMOID), dot));
        GraphSpec circuit = GraphRewrites.rewrite(fused, Identity.SIGMOID);
        assertThat(circuit).hasToString("reciprocal(exp(-(sum(w[2] * x[2]) + w2[])) + 1)");
        double sigma = 1 / (1 + Math.exp(-1.0));      // the dot product is 1
        double local = (1 - sigma) * sigma;           // about 0.2, as the notes compute
        for (GraphSpec spec : List.of(fused, circuit)) {
            Evaluation<Variable> run = spec.evaluate(CORE).backward();
            assertThat(run.outputValue().get(0)).isCloseTo(sigma, within(1e-15));
            assertThat(run.grad(w).data()).containsExactly(new double[] {-local, -2 * local}, within(1e-15));
            assertThat(run.grad(x).data()).containsExactly(new double[] {2 * local, -3 * local}, within(1e-15));
            assertThat(run.grad(w2).data()).containsExactly(new double[] {local}, within(1e-15));
        }
    }

    @Test
    void rewritesKeepTheFunction() {
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.leaf("x0", Tensor.vector(0.5, -1.5));
        int t = b.apply(OpCall.of(Ops.TANH), x);
        GraphSpec spec = b.build(b.apply(OpCall.of(Ops.SUM), b.apply(OpCall.of(Ops.MUL), t, t)));
        double value = spec.evaluate(CORE).outputValue().get(0);
        double expected = Math.pow(Math.tanh(0.5), 2) + Math.pow(Math.tanh(-1.5), 2);
        assertThat(value).isCloseTo(expected, within(1e-15));

        GraphSpec unshared = GraphRewrites.unshare(spec, t);
        assertThat(unshared).hasToString("sum(tanh(x0[2]) * tanh(x0[2]))");
        assertThat(unshared.forks()).isEmpty();
        assertThat(GraphRewrites.sumWithItself(spec)).hasToString("t1 = tanh(x0[2]); t3 = sum(t1 * t1); t3 + t3");
        GraphSpec copy = GraphRewrites.sumWithCopy(spec);
        assertThat(copy.opCount()).isEqualTo(2 * spec.opCount() + 1);
        assertThat(copy.evaluate(CORE).outputValue().get(0)).isEqualTo(2 * value);
        assertThat(GraphRewrites.detached(spec, t).toString()).isEqualTo("t2 = detach(tanh(x0[2])); sum(t2 * t2)");
        GraphSpec constant = GraphRewrites.withConstantLeaf(spec, x);
        assertThat(constant.gradLeafIndices()).isEmpty();
        GraphSpec replaced = GraphRewrites.replacedByConstant(spec, t, "c", Tensor.vector(1, 2));
        assertThat(replaced.evaluate(CORE).outputValue().get(0)).isEqualTo(5.0);
        GraphSpec unused = GraphRewrites.withUnusedLeaf(spec, "u", Tensor.zeros(3));
        assertThat(unused.leafIndices()).hasSize(2);
        assertThat(unused.toString()).isEqualTo(spec.toString());
    }

    /** autograd-core under another name, for engines that break one method; it declares no optional capability. */
    private static class CoreUnderAnotherName extends ForwardingAdapter<Variable> {
        private final String name;

        CoreUnderAnotherName(String name) {
            super(CORE);
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }
    }

    @Test
    void anEnginesExceptionIsReportedWithWhatItWasDoingAndTheGraph() {
        AutogradAdapter<Variable> crashing = new CoreUnderAnotherName("crashing engine") {
            @Override
            public Variable apply(OpCall call, List<Variable> inputs) {
                throw new IllegalStateException("no " + call.op() + " today");
            }
        };
        assertThatThrownBy(() -> notesExample().evaluate(crashing))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("the engine threw: crashing engine threw IllegalStateException applying add (node 3): no add today\n"
                        + "  in graph (5 nodes): (x[] + y[]) * z[]")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStackOverflowInBackwardIsCapturedWithItsTypeAndTheGraphSize() {
        AutogradAdapter<Variable> overflowing = new CoreUnderAnotherName("overflowing engine") {
            @Override
            public void backward(Variable output, DenseArray upstream) {
                recurse(0);
            }

            private int recurse(int depth) {
                return recurse(depth + 1) + 1;
            }
        };
        assertThatThrownBy(() -> notesExample().evaluate(overflowing).backward())
                .isInstanceOfSatisfying(EngineFailure.class, e -> {
                    assertThat(e.thrown()).isEqualTo("java.lang.StackOverflowError");
                    assertThat(e.graphSize()).isEqualTo(5);
                    assertThat(e.duringWhat()).isEqualTo("in backward");
                })
                .hasMessageStartingWith("the engine threw: overflowing engine threw StackOverflowError in backward")
                .hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void aGraphTooLargeToPrintPrintsItsSizeAndOps() {
        GraphSpec.Builder b = GraphSpec.builder();
        int h = b.leaf("x", Tensor.scalar(1));
        for (int i = 0; i < GraphSpec.MAX_PRINTED_NODES; i++) {
            h = b.apply(OpCall.of(Ops.NEG), h);
        }
        assertThat(b.build(h)).hasToString("<2001 nodes (2000 ops: [neg]), too large to print>");
    }

    @Test
    void everyIdentityKeepsTheValue() {
        for (Identity identity : Identity.ALL) {
            GraphSpec.Builder b = GraphSpec.builder();
            int a = b.leaf("a", Tensor.vector(0.7, -1.2, 2.5));
            int c = b.leaf("c", Tensor.vector(1.5, 0.5, 3.0));
            OpCall call = identity.op().equals(Ops.SOFTMAX) ? OpCall.alongAxis(Ops.SOFTMAX, 0, false) : OpCall.of(identity.op());
            int[] inputs = List.of(Ops.SUB, Ops.DIV).contains(identity.op()) ? new int[] {a, c} : new int[] {a};
            GraphSpec spec = b.build(b.apply(OpCall.of(Ops.SUM), b.apply(call, inputs)));
            GraphSpec rewritten = GraphRewrites.rewrite(spec, identity);
            assertThat(rewritten.opNames()).as(identity.name()).doesNotContain(identity.op());
            assertThat(rewritten.evaluate(CORE).outputValue().get(0)).as(identity.name())
                    .isCloseTo(spec.evaluate(CORE).outputValue().get(0), within(1e-14));
        }
    }
}
