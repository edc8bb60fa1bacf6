package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How gradients accumulate: forks add ({@code +=}), repeated backward calls add, {@link
 * Variable#zeroGrad()} resets, no-grad and {@link Variable#detach()} cut the graph, and the walk
 * over the graph is iterative and visits every node once (a million-node chain, a 2^60-path
 * diamond).
 */
class AccumulationTest {

    /** An identity op that counts its backward runs: an honest observable of "once per call". */
    static final class CountingIdentity extends Op {

        private final AtomicInteger backwardRuns;

        private CountingIdentity(Variable x, AtomicInteger backwardRuns) {
            super("countingIdentity", x);
            this.backwardRuns = backwardRuns;
        }

        static Variable apply(Variable x, AtomicInteger backwardRuns) {
            return new CountingIdentity(x, backwardRuns).record(x.value());
        }

        @Override
        protected Variable[] backward(Variable upstream, Variable output) {
            backwardRuns.incrementAndGet();
            return new Variable[] {upstream};
        }
    }

    // ------------------------------------------------------------------ forks

    @Test
    void xTimesXGivesTwoX() {
        Variable x = Variable.leaf("x", Tensor.vector(1.5, -2, 0.25));
        x.mul(x).backward(Tensor.ones(3));
        assertThat(x.grad()).isEqualTo(Tensor.vector(3, -4, 0.5));
    }

    @Test
    void xPlusXGivesTwo() {
        Variable x = Variable.leaf("x", Tensor.vector(1.5, -2));
        x.add(x).backward(Tensor.ones(2));
        assertThat(x.grad()).isEqualTo(Tensor.vector(2, 2));
    }

    @Test
    void oneVariableInThreeBranchesSumsAllThree() {
        // f = x^2 + 4x - x: df/dx = 2x + 4 - 1, which is 6 at x = 1.5.
        Variable x = Variable.scalar("x", 1.5);
        Variable f = x.mul(x).add(x.mul(4.0)).add(x.neg());
        f.backward();
        assertThat(x.grad().item()).isEqualTo(6.0);
    }

    @Test
    void forkThroughBroadcastingAddsFromEveryElement() {
        // s (a scalar) is broadcast against a vector of 4 and used again on its own: 4 + 1 = 5.
        Variable s = Variable.scalar("s", 2);
        Variable v = Variable.constant(Tensor.vector(1, 2, 3, 4));
        v.add(s).sum().add(s).backward();
        assertThat(s.grad().item()).isEqualTo(5.0);
    }

    // ------------------------------------------------------------------ repeated backward, zeroGrad

    @Test
    void repeatedBackwardAccumulatesUntilZeroGrad() {
        Variable x = Variable.scalar("x", 3);
        Variable square = x.square();
        Variable f = square.mul(1.0);

        f.backward();
        assertThat(x.grad().item()).isEqualTo(6.0);
        f.backward();
        assertThat(x.grad().item()).isEqualTo(12.0);
        assertThat(square.grad().item()).as("intermediate nodes accumulate too").isEqualTo(2.0);

        x.zeroGrad();
        assertThat(x.grad()).isEqualTo(Tensor.scalar(0));
        f.backward();
        assertThat(x.grad().item()).isEqualTo(6.0);
    }

    @Test
    void zeroGradGivesZerosOfTheShape() {
        Variable x = Variable.leaf(Tensor.ones(2, 3));
        x.mul(x).sum().backward();
        x.zeroGrad();
        assertThat(x.grad()).isEqualTo(Tensor.zeros(2, 3));
    }

    @Test
    void functionalGradReturnsAndDoesNotAccumulate() {
        Variable x = Variable.scalar("x", 3);
        Variable f = x.square();
        Variable g = Autograd.grad(f, x, false);
        assertThat(g.value().item()).isEqualTo(6.0);
        assertThat(g.requiresGrad()).isFalse();
        assertThat(x.grad()).isEqualTo(Tensor.scalar(0));
    }

    @Test
    void functionalGradOfSeveralOutputsSumsTheirVectorJacobianProducts() {
        Variable x = Variable.leaf("x", Tensor.vector(1, 2));
        Variable y1 = x.mul(3.0);
        Variable y2 = x.square();
        List<Variable> g = Autograd.grad(List.of(y1, y2), List.of(x),
                List.of(Variable.constant(Tensor.vector(1, 10)), Variable.constant(Tensor.vector(100, 1000))), false);
        // 3 u1 + 2 x u2 = (3 + 200, 30 + 4000)
        assertThat(g.get(0).value()).isEqualTo(Tensor.vector(203, 4030));
    }

    // ------------------------------------------------------------------ no-grad and detach

    @Test
    void noGradRecordsNothing() {
        Variable x = Variable.leaf("x", Tensor.vector(1, 2));
        Variable y;
        try (Scope ignored = GradMode.noGrad()) {
            assertThat(GradMode.isEnabled()).isFalse();
            y = x.mul(x).add(1.0).sum();
        }
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(y.value().item()).isEqualTo(7.0);
        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.isLeaf()).isTrue();
        assertThat(y.creator()).isEmpty();
        assertThat(y.parents()).isEmpty();
        assertThatThrownBy(y::backward).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not require grad");
    }

    static List<Arguments> shapePreservingOps() {
        return List.of(
                Arguments.of("reshape to the same shape", Tensor.vector(1, 2, 3),
                        (UnaryOperator<Variable>) v -> v.reshape(v.shape())),
                Arguments.of("sum of a scalar", Tensor.scalar(4), (UnaryOperator<Variable>) Variable::sum),
                Arguments.of("sum along an axis of size 1", Tensor.ones(1, 3),
                        (UnaryOperator<Variable>) v -> v.sum(0, true)),
                Arguments.of("broadcastTo the same shape", Tensor.vector(1, 2, 3),
                        (UnaryOperator<Variable>) v -> v.broadcastTo(v.shape())),
                Arguments.of("sumToShape the same shape", Tensor.vector(1, 2, 3),
                        (UnaryOperator<Variable>) v -> v.sumToShape(v.shape())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapePreservingOps")
    void noGradResultsAreConstantsEvenWhenAnOpChangesNothing(String name, Tensor input, UnaryOperator<Variable> op) {
        Variable x = Variable.leaf("x", input);
        Variable y;
        try (Scope ignored = GradMode.noGrad()) {
            y = op.apply(x);
        }
        assertThat(y.value()).isEqualTo(input);
        assertThat(y.requiresGrad()).as("a result computed under noGrad").isFalse();
        assertThat(x.requiresGrad()).as("the input is untouched").isTrue();
    }

    @Test
    void noGradScopesNestAndRestore() {
        Variable x = Variable.scalar("x", 2);
        try (Scope outer = GradMode.noGrad()) {
            try (Scope inner = GradMode.enableGrad()) {
                assertThat(GradMode.isEnabled()).isTrue();
                assertThat(x.mul(x).requiresGrad()).isTrue();
                try (Scope innermost = GradMode.noGrad()) {
                    assertThat(x.mul(x).requiresGrad()).isFalse();
                }
                assertThat(GradMode.isEnabled()).isTrue();
            }
            assertThat(GradMode.isEnabled()).isFalse();
            assertThat(x.mul(x).requiresGrad()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(x.mul(x).requiresGrad()).isTrue();
    }

    @Test
    void noGradIsPerThread() throws InterruptedException {
        boolean[] otherThreadEnabled = new boolean[1];
        try (Scope ignored = GradMode.noGrad()) {
            Thread other = new Thread(() -> otherThreadEnabled[0] = GradMode.isEnabled());
            other.start();
            other.join();
        }
        assertThat(otherThreadEnabled[0]).isTrue();
    }

    @Test
    void detachCutsTheGraph() {
        Variable x = Variable.scalar("x", 3);
        Variable y = x.mul(2.0);
        Variable d = y.detach();
        Variable f = d.mul(x);        // = 2x * x, but 2x is a constant here
        f.backward();

        assertThat(d.value()).isEqualTo(y.value());
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.isLeaf()).isTrue();
        assertThat(x.grad().item()).as("only the direct use of x: d = 6").isEqualTo(6.0);
        assertThat(y.grad().item()).as("nothing flows back through the detached node").isEqualTo(0.0);
    }

    // ------------------------------------------------------------------ constants and unused leaves

    @Test
    void constantsGetZeroGradAndUnusedLeavesGetZerosOfTheirShape() {
        Variable x = Variable.leaf("x", Tensor.vector(1, 2));
        Variable c = Variable.constant(Tensor.vector(5, 7));
        Variable unused = Variable.leaf("unused", Tensor.ones(2, 3));
        x.mul(c).sum().backward();

        assertThat(x.grad()).isEqualTo(Tensor.vector(5, 7));
        assertThat(c.requiresGrad()).isFalse();
        assertThat(c.grad()).isEqualTo(Tensor.zeros(2));
        assertThat(unused.grad()).isEqualTo(Tensor.zeros(2, 3));

        List<Variable> g = Autograd.grad(x.mul(c).sum(), List.of(x, unused), false);
        assertThat(g.get(1).value()).isEqualTo(Tensor.zeros(2, 3));
        assertThat(g.get(1).requiresGrad()).isFalse();
    }

    // ------------------------------------------------------------------ deep and wide graphs

    @Test
    void millionNodeChainNeitherOverflowsTheStackNorLosesExactness() {
        int length = 1_000_000;
        Variable x = Variable.scalar("x", 1.25);
        Variable y = x;
        for (int i = 0; i < length; i++) {
            y = y.neg();
        }
        assertThat(y.value().item()).isEqualTo(1.25);   // an even number of negations
        assertThat(Graph.topologicalOrder(List.of(y))).hasSize(length + 1);

        y.backward();
        assertThat(x.grad().item()).isEqualTo(1.0);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)   // a hang detector: 2^60 paths must not be walked
    void diamondOfDepthSixtyFinishesAtOnceWithTheExactGradient() {
        // y_{i+1} = y_i + y_i: 2^60 paths from y_60 back to x, each contributing 1.
        Variable x = Variable.scalar("x", 1.0);
        Variable y = x;
        for (int i = 0; i < 60; i++) {
            y = y.add(y);
        }
        y.backward();
        assertThat(y.value().item()).isEqualTo(Math.scalb(1.0, 60));
        assertThat(x.grad().item()).isEqualTo(Math.scalb(1.0, 60));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void eachNodesBackwardRunsOncePerCallInADiamond() {
        // Each level forks through two distinct nodes that join again:
        // c_i = counted(y_i); y_{i+1} = c_i * 1 + (c_i + 0).
        AtomicInteger runs = new AtomicInteger();
        Variable x = Variable.scalar("x", 1.0);
        Variable y = x;
        for (int i = 0; i < 60; i++) {
            Variable c = CountingIdentity.apply(y, runs);
            y = c.mul(1.0).add(c.add(0.0));
        }
        y.backward();
        assertThat(runs.get()).isEqualTo(60);
        assertThat(x.grad().item()).isEqualTo(Math.scalb(1.0, 60));

        y.backward();
        assertThat(runs.get()).as("a second call runs each backward once more").isEqualTo(120);
        assertThat(x.grad().item()).isEqualTo(Math.scalb(1.0, 61));

        Autograd.grad(y, x, false);
        assertThat(runs.get()).isEqualTo(180);
        assertThat(Graph.topologicalOrder(List.of(y))).as("each node once").hasSize(1 + 60 * 4);
    }

    @Test
    void topologicalOrderPutsParentsBeforeChildren() {
        Variable a = Variable.scalar("a", 1);
        Variable b = Variable.scalar("b", 2);
        Variable c = Variable.constant(3);
        Variable ab = a.mul(b);
        Variable abc = ab.add(c);
        Variable f = abc.add(a);
        List<Variable> order = Graph.topologicalOrder(List.of(f));
        assertThat(order).as("constants are left out").containsExactlyInAnyOrder(a, b, ab, abc, f);
        assertThat(order.indexOf(a)).isLessThan(order.indexOf(ab));
        assertThat(order.indexOf(b)).isLessThan(order.indexOf(ab));
        assertThat(order.indexOf(ab)).isLessThan(order.indexOf(abc));
        assertThat(order.indexOf(abc)).isLessThan(order.indexOf(f));
        assertThat(order.get(order.size() - 1)).isSameAs(f);
    }
}
