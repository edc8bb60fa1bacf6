package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Autograd#grad} keeps only the gradients it was asked for, dropping the others as it goes:
 * interior nodes asked for still get theirs, in any order and beside leaves, and
 * {@link Variable#backward()} still fills every node.
 */
class InteriorGradientTest {

    @Test
    void interiorNodesAskedForKeepTheirGradients() {
        Variable x = Variable.scalar("x", 3);
        Variable q = x.mul(x);          // 9
        Variable r = q.add(1.0);        // 10
        Variable f = r.mul(2.0);        // 20: df/dr = 2, df/dq = 2, df/dx = 2 * 2x = 12
        List<Variable> grads = Autograd.grad(f, List.of(q, x, r), false);
        assertThat(grads.get(0).value().item()).isEqualTo(2.0);
        assertThat(grads.get(1).value().item()).isEqualTo(12.0);
        assertThat(grads.get(2).value().item()).isEqualTo(2.0);
    }

    @Test
    void backwardStillFillsEveryNode() {
        Variable x = Variable.scalar("x", 3);
        Variable q = x.mul(x);
        Variable f = q.mul(2.0);
        f.backward();
        assertThat(q.grad().item()).isEqualTo(2.0);
        assertThat(x.grad().item()).isEqualTo(12.0);
    }

    @Test
    void aLongChainKeepsItsGradientExact() {
        Variable x = Variable.scalar("x", 0.5);
        Variable y = x;
        for (int i = 0; i < 200_000; i++) {
            y = y.mul(1.0);
        }
        assertThat(Autograd.grad(y.mul(3.0), x, false).value().item()).isEqualTo(3.0);
    }
}
