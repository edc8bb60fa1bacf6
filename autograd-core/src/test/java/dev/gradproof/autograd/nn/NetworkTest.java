package dev.gradproof.autograd.nn;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NetworkTest {

    @Test
    void theNotesFirstNetworkHas26LearnableParameters() {
        // "[3 x 4] + [4 x 2] = 20 weights and 4 + 2 = 6 biases, for a total of 26 learnable parameters"
        Network net = Network.builder(3).layer(4, Activation.RELU).layer(2, Activation.IDENTITY).build();
        assertThat(net.parameterCount()).isEqualTo(26);
        assertThat(net.parameters()).extracting(p -> p.value().shape().toString())
                .containsExactly("[3, 4]", "[4]", "[4, 2]", "[2]");
    }

    @Test
    void theNotesSecondNetworkHas41LearnableParameters() {
        // "[3 x 4] + [4 x 4] + [4 x 1] = 12 + 16 + 4 = 32 weights and 4 + 4 + 1 = 9 biases, ... 41"
        Network net = Network.builder(3).layer(4, Activation.RELU).layer(4, Activation.RELU)
                .layer(1, Activation.IDENTITY).build();
        assertThat(net.parameterCount()).isEqualTo(41);
    }

    @Test
    void maxoutDoublesTheParametersOfItsLayer() {
        Network net = Network.builder(3).layer(4, Activation.MAXOUT).layer(2, Activation.IDENTITY).build();
        assertThat(net.parameterCount()).isEqualTo(2 * (12 + 4) + 8 + 2);
    }

    @Test
    void aLinearLayerComputesXWPlusB() {
        Linear layer = new Linear("fc", Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}}), Tensor.vector(10, 20));
        Variable y = layer.forward(Variable.constant(Tensor.matrix(new double[][] {{1, 0, -1}, {2, 1, 0}})));
        // [1,0,-1]·W = [1-5, 2-6] = [-4, -4]; [2,1,0]·W = [2+3, 4+4] = [5, 8]; plus b
        assertThat(y.value()).isEqualTo(Tensor.matrix(new double[][] {{6, 16}, {15, 28}}));
    }

    @Test
    void forwardThroughIdentityLayersIsTheChainOfAffineMaps() {
        Network net = Network.builder(2).layer(3, Activation.TANH).layer(2, Activation.IDENTITY).seed(9).build();
        Tensor x = Tensor.randn(1, 5, 2);
        Linear first = net.layers().get(0).linear();
        Linear second = net.layers().get(1).linear();
        Tensor h = x.matmul(first.weight().value()).plus(first.bias().orElseThrow().value()).map(Math::tanh);
        Tensor expected = h.matmul(second.weight().value()).plus(second.bias().orElseThrow().value());
        assertThat(net.forward(x).value()).isEqualTo(expected);
    }

    @Test
    void l2AddsLambdaTimesTheSumOfSquaredWeightsButNotBiases() {
        Network plain = Network.builder(3).layer(4, Activation.RELU).layer(2, Activation.IDENTITY)
                .loss(Loss.SOFTMAX_CROSS_ENTROPY).seed(3).build();
        Network regularized = Network.builder(3).layer(4, Activation.RELU).layer(2, Activation.IDENTITY)
                .loss(Loss.SOFTMAX_CROSS_ENTROPY).l2(0.5).seed(3).build();
        Tensor x = Tensor.randn(2, 5, 3);
        Tensor labels = Tensor.vector(0, 1, 1, 0, 1);
        double sumOfSquares = 0;
        for (Layer layer : plain.layers()) {
            double[] w = layer.linear().weight().value().toArray();
            for (double v : w) {
                sumOfSquares += v * v;
            }
        }
        double difference = regularized.loss(x, labels).value().item() - plain.loss(x, labels).value().item();
        assertThat(difference).isCloseTo(0.5 * sumOfSquares, within(1e-12 * (1 + sumOfSquares)));
    }

    @Test
    void theL2GradientOfAWeightIsTwoLambdaW() {
        Network net = Network.builder(2).layer(2, Activation.IDENTITY).l2(0.25).seed(4).build();
        Network unregularized = Network.builder(2).layer(2, Activation.IDENTITY).seed(4).build();
        Tensor x = Tensor.randn(5, 3, 2);
        Tensor y = Tensor.randn(6, 3, 2);
        net.loss(x, y).backward();
        unregularized.loss(x, y).backward();
        Tensor w = net.parameters().get(0).value();
        Tensor extra = net.parameters().get(0).grad().minus(unregularized.parameters().get(0).grad());
        for (int i = 0; i < w.size(); i++) {
            assertThat(extra.getFlat(i)).isCloseTo(2 * 0.25 * w.getFlat(i), within(1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void everyLossTrainsDownhill(Loss loss) {
        Network net = Network.builder(4).layer(8, Activation.TANH).layer(3, Activation.IDENTITY)
                .loss(loss).seed(11).build();
        Tensor x = Tensor.randn(12, 10, 4);
        Tensor targets = loss == Loss.SUM_SQUARED_ERROR ? Tensor.randn(13, 10, 3)
                : Tensor.vector(0, 1, 2, 0, 1, 2, 0, 1, 2, 0);
        GradientDescent descent = new GradientDescent(1e-2);
        double first = net.loss(x, targets).value().item();
        for (int t = 0; t < 100; t++) {
            net.loss(x, targets).backward();
            descent.step(net.parameters());
        }
        assertThat(net.loss(x, targets).value().item()).isLessThan(first);
    }

    @Test
    void gradientDescentMovesAgainstTheGradientExactly() {
        Parameter p = new Parameter("w", Tensor.vector(1.0, -2.0));
        Variable loss = Losses.sumSquaredError(p.variable(), Variable.constant(Tensor.vector(0.0, 0.0)));
        loss.backward();   // grad = 2w = (2, -4)
        new GradientDescent(0.25).step(List.of(p));
        assertThat(p.value()).isEqualTo(Tensor.vector(0.5, -1.0));
        assertThat(p.grad()).isEqualTo(Tensor.zeros(2));
    }

    @Test
    void zeroGradForgetsEveryParametersGradient() {
        Network net = Network.builder(2).layer(2, Activation.SIGMOID).seed(1).build();
        net.loss(Tensor.ones(3, 2), Tensor.zeros(3, 2)).backward();
        assertThat(net.parameters()).allSatisfy(p -> assertThat(p.grad().sumAsDouble()).isNotZero());
        net.zeroGrad();
        assertThat(net.parameters()).allSatisfy(p -> assertThat(p.grad()).isEqualTo(Tensor.zeros(p.value().shape())));
    }

    @Test
    void oneSeedOneNetwork() {
        Network a = Network.builder(3).layer(4, Activation.GELU).seed(77).build();
        Network b = Network.builder(3).layer(4, Activation.GELU).seed(77).build();
        Network c = Network.builder(3).layer(4, Activation.GELU).seed(78).build();
        assertThat(a.parameters().get(0).value()).isEqualTo(b.parameters().get(0).value());
        assertThat(a.parameters().get(0).value()).isNotEqualTo(c.parameters().get(0).value());
    }

    @Test
    void theNotesNetworkHasNoBiasAndStandardNormalWeights() {
        Network net = Network.builder(1000).layer(100, Activation.SIGMOID).layer(10, Activation.IDENTITY)
                .bias(false).init(WeightInit.STANDARD_NORMAL).build();
        assertThat(net.parameterCount()).isEqualTo(1000 * 100 + 100 * 10);
        assertThat(net.toString()).isEqualTo("Network[1000 -> 100 sigmoid, 100 -> 10 identity, sum_squared_error]");
    }

    @Test
    void badInputsNameTheShapeOrIndex() {
        Network net = Network.builder(3).layer(2, Activation.IDENTITY).loss(Loss.SOFTMAX_CROSS_ENTROPY).build();
        assertThatThrownBy(() -> net.forward(Tensor.zeros(4, 5)))
                .hasMessage("layer1.W: input must have shape [N, 3], got [4, 5]");
        assertThatThrownBy(() -> net.loss(Tensor.zeros(2, 3), Tensor.vector(0, 1.5)))
                .hasMessage("SOFTMAX_CROSS_ENTROPY: target 1.5 at index 1 is not a class index");
        assertThatThrownBy(() -> net.loss(Tensor.zeros(2, 3), Tensor.vector(0, 2)))
                .hasMessageContaining("label 2 at index 1 is out of range for 2 classes");
        assertThatThrownBy(() -> new Linear("fc", Tensor.zeros(3, 2), Tensor.zeros(3)))
                .hasMessage("fc: bias of shape [3] does not fit weight of shape [3, 2] (expected [2])");
        assertThatThrownBy(() -> Network.builder(3).build()).hasMessage("network: no layers");
        assertThatThrownBy(() -> Network.builder(3).l2(-1)).hasMessageContaining("l2 strength must be >= 0");
        assertThatThrownBy(() -> new GradientDescent(Double.NaN)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new Parameter("w", Tensor.zeros(2)).set(Tensor.zeros(3)))
                .hasMessage("parameter w: new value has shape [3] but the parameter has shape [2]");
        assertThatThrownBy(() -> Activation.MAXOUT.apply(Variable.constant(1.0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
