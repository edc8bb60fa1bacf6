package dev.gradproof.properties.core;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.GradMode;
import dev.gradproof.autograd.Op;
import dev.gradproof.autograd.Scope;
import dev.gradproof.autograd.Shape;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.properties.generators.GradArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backward passes of autograd-core that overlap over the same nodes: one started inside another
 * (an op whose backward differentiates its own forward again, as gradient checkpointing does) and
 * passes on several threads at once. Each pass must see the graph as if it were alone; the
 * gradients are compared with those of the same function run alone, and with finite differences.
 */
class OverlappingBackwardProperties {

    /** The leaves a and b: 3 x 4 matrices with values in [-1, 1], from the project's tensor generator. */
    @Provide
    Arbitrary<Tensor> leaves() {
        return GradArbitraries.tensors().ofShape(Shape.of(3, 4)).values(-1, 1);
    }

    /**
     * {@code f(x) = exp(x) * tanh(x)}, elementwise, computed without recording a graph; its backward
     * records {@code f} again from the op's input and differentiates it with {@link Autograd#grad}
     * while the outer pass still holds that input and everything it was made from.
     */
    static final class Checkpointed extends Op {

        private Checkpointed(Variable x) {
            super("checkpointed", x);
        }

        static Variable apply(Variable x) {
            Tensor value;
            try (Scope ignored = GradMode.noGrad()) {
                value = f(x).value();
            }
            return new Checkpointed(x).record(value);
        }

        private static Variable f(Variable x) {
            return x.exp().mul(x.tanh());
        }

        @Override
        protected Variable[] backward(Variable upstream, Variable output) {
            Variable x = input(0);
            Variable recomputed;
            try (Scope ignored = GradMode.enableGrad()) {
                recomputed = f(x);
            }
            return new Variable[] {Autograd.grad(recomputed, List.of(x), upstream, false).get(0)};
        }
    }

    /**
     * {@code L(a, b) = sum(f(x) * x + x)} with {@code x = a * b + a}: the inner pass reaches
     * {@code x} (made by ops, held by the outer pass) from two of its own nodes, exp and tanh, and
     * {@code a} both directly and through the product, so its walk must track held nodes that
     * fork and join.
     */
    private static Variable loss(Variable a, Variable b, boolean checkpointed) {
        Variable x = a.mul(b).add(a);
        Variable y = checkpointed ? Checkpointed.apply(x) : Checkpointed.f(x);
        return y.mul(x).add(x).sum();
    }

    @Property
    void aBackwardInsideABackwardGivesTheGradientsOfThePlainGraph(@ForAll("leaves") Tensor a,
                                                                 @ForAll("leaves") Tensor b) {
        List<Variable> plain = gradients(a, b, false);
        List<Variable> nested = gradients(a, b, true);
        for (int i = 0; i < 2; i++) {
            assertClose("dL/d" + (i == 0 ? "a" : "b"), nested.get(i).value(), plain.get(i).value());
        }

        // the same through backward(), which accumulates into grad()
        Variable va = Variable.leaf("a", a);
        Variable vb = Variable.leaf("b", b);
        loss(va, vb, true).backward();
        assertClose("a.grad() after backward()", va.grad(), plain.get(0).value());
        assertClose("b.grad() after backward()", vb.grad(), plain.get(1).value());
    }

    /** Finite differences, not autograd-core, judge the checkpointed function's gradient. */
    @Property(tries = 20)
    void theNestedPassPassesGradcheck(@ForAll("leaves") Tensor a, @ForAll("leaves") Tensor b, @ForAll long seed) {
        GradCheckResult result = GradCheck.of(in -> loss(in.get(0), in.get(1), true))
                .input("a", a).input("b", b).seed(seed).record(false).check();
        assertThat(result.passed()).as("gradcheck of the checkpointed loss, seed %d:%n%s", seed, result.failureMessage())
                .isTrue();
    }

    /**
     * Several threads differentiate heads that share one graph (a chain of forks and joins) at the
     * same moment; each thread's gradients are bit for bit those of the same pass run alone.
     */
    @Property(tries = 10)
    void concurrentPassesOverSharedNodesGiveTheGradientsOfPassesRunAlone(@ForAll("leaves") Tensor aValue,
                                                                         @ForAll("leaves") Tensor bValue) throws Exception {
        Variable a = Variable.leaf("a", aValue);
        Variable b = Variable.leaf("b", bValue);
        Variable shared = a;
        for (int i = 0; i < 300; i++) {
            Variable t = shared.tanh();
            shared = t.mul(b).add(t).add(shared.mul(0.5));
        }
        int threads = 4;
        List<Variable> heads = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            heads.add(shared.mul(t + 1.0).exp().add(shared).sum());
        }
        List<List<Variable>> alone = new ArrayList<>();
        for (Variable head : heads) {
            alone.add(Autograd.grad(head, List.of(a, b), false));
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<List<Variable>>> together = new ArrayList<>();
                for (Variable head : heads) {
                    together.add(pool.submit(() -> {
                        start.await();
                        return Autograd.grad(head, List.of(a, b), false);
                    }));
                }
                for (int t = 0; t < threads; t++) {
                    List<Variable> got = together.get(t).get();
                    for (int i = 0; i < 2; i++) {
                        assertThat(got.get(i).value().toArray())
                                .as("head %d, input %d, round %d", t, i, round)
                                .containsExactly(alone.get(t).get(i).value().toArray());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Variable> gradients(Tensor a, Tensor b, boolean checkpointed) {
        Variable va = Variable.leaf("a", a);
        Variable vb = Variable.leaf("b", b);
        return Autograd.grad(loss(va, vb, checkpointed), List.of(va, vb), false);
    }

    /**
     * The nested pass adds the same terms in another order (its gradient of {@code f} arrives as
     * one sum): equal up to a few roundings of the largest term.
     */
    private static void assertClose(String what, Tensor actual, Tensor expected) {
        double[] got = actual.toArray();
        double[] want = expected.toArray();
        assertThat(actual.dims()).as(what + ": shape").containsExactly(expected.dims());
        for (int i = 0; i < want.length; i++) {
            assertThat(Math.abs(got[i] - want[i])).as("%s at flat %d: %s, expected %s", what, i, got[i], want[i])
                    .isLessThanOrEqualTo(1e-13 * (1 + Math.abs(want[i])) * 16);
        }
    }
}
