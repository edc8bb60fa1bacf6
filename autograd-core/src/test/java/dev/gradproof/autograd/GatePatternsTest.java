package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The patterns in backward flow of the notes, on their example circuit
 * {@code f = 2 (x y + max(z, w))} at {@code x = 3, y = -4, z = 2, w = -1}: the add gate
 * distributes, the mul gate swaps, the max gate routes, the copy gate adds.
 */
class GatePatternsTest {

    private final Variable x = Variable.scalar("x", 3);
    private final Variable y = Variable.scalar("y", -4);
    private final Variable z = Variable.scalar("z", 2);
    private final Variable w = Variable.scalar("w", -1);

    /** Builds the circuit, runs backward, returns f; keeps the intermediate nodes for inspection. */
    private Variable[] circuit() {
        Variable xy = x.mul(y);              // -12
        Variable max = z.maximum(w);         // 2
        Variable sum = xy.add(max);          // -10
        Variable f = sum.mul(2.0);           // -20
        f.backward();
        return new Variable[] {xy, max, sum, f};
    }

    @Test
    void forwardValuesOfTheCircuit() {
        Variable[] nodes = circuit();
        assertThat(nodes[0].value().item()).isEqualTo(-12.0);
        assertThat(nodes[1].value().item()).isEqualTo(2.0);
        assertThat(nodes[2].value().item()).isEqualTo(-10.0);
        assertThat(nodes[3].value().item()).isEqualTo(-20.0);
    }

    @Test
    void addGateDistributesTheUpstreamUnchangedToAllInputs() {
        Variable[] nodes = circuit();
        assertThat(nodes[2].grad().item()).isEqualTo(2.0);   // the + gate receives 2.00
        assertThat(nodes[0].grad().item()).isEqualTo(2.0);   // and routes 2.00 to both inputs
        assertThat(nodes[1].grad().item()).isEqualTo(2.0);
    }

    @Test
    void mulGateSwapsItsInputs() {
        circuit();
        assertThat(x.grad().item()).isEqualTo(-8.0);   // -4.00 x 2.00: y times the upstream
        assertThat(y.grad().item()).isEqualTo(6.0);    // 3 x 2: x times the upstream
    }

    @Test
    void maxGateRoutesTheUpstreamToTheWinnerOnly() {
        circuit();
        assertThat(z.grad().item()).isEqualTo(2.0);
        assertThat(w.grad().item()).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(w.grad().item())).as("exactly +0.0").isZero();
    }

    @Test
    void maxGateRoutesElementwiseOnTensors() {
        Variable a = Variable.leaf("a", Tensor.vector(1, 5, -2));
        Variable b = Variable.leaf("b", Tensor.vector(3, 4, -7));
        a.maximum(b).backward(Tensor.vector(10, 20, 30));
        assertThat(a.grad()).isEqualTo(Tensor.vector(0, 20, 30));
        assertThat(b.grad()).isEqualTo(Tensor.vector(10, 0, 0));
    }

    @Test
    void copyGateAddsTheGradientsOfBothUses() {
        // f = x y + x: x is used twice, so df/dx = y + 1.
        Variable f = x.mul(y).add(x);
        f.backward();
        assertThat(x.grad().item()).isEqualTo(-4.0 + 1.0);
        assertThat(y.grad().item()).isEqualTo(3.0);
    }

    @Test
    void copyGateOnTensorsAddsTheUpstreamsOfBothBranches() {
        Variable v = Variable.leaf("v", Tensor.vector(1, 2));
        Variable f = v.mul(3.0).add(v.mul(-5.0));
        f.backward(Tensor.vector(1, 10));
        assertThat(v.grad()).isEqualTo(Tensor.vector(-2, -20));
    }
}
