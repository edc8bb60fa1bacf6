package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.model.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.function.Function;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;

/** Correct autograd-core functions pass in every mode, far inside the notes' happy band. */
class CorrectFunctionsTest {

    private static void passes(Function<List<Variable>, Variable> f, Mode mode, String label, Object... namesAndTensors) {
        GradCheck check = GradCheck.of(f).mode(mode).label(label);
        for (int i = 0; i < namesAndTensors.length; i += 2) {
            check.input((String) namesAndTensors[i], (Tensor) namesAndTensors[i + 1]);
        }
        assertThat(check.check()).passes().hasNoKinks().hasMaxRelativeErrorBelow(1e-6);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void sigmoid(Mode mode) {
        passes(v -> v.get(0).sigmoid().sum(), mode, "sigmoid", "x", Tensor.uniform(51, -4, 4, 3, 4));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void tanh(Mode mode) {
        passes(v -> v.get(0).tanh().sum(), mode, "tanh", "x", Tensor.uniform(52, -2, 2, 3, 4));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void matmulWithAVectorOutput(Mode mode) {
        passes(v -> v.get(0).matmul(v.get(1)), mode, "matmul", "a", Tensor.randn(53, 3, 4), "b", Tensor.randn(54, 4, 5));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void softmaxCrossEntropy(Mode mode) {
        passes(v -> Losses.softmaxCrossEntropy(v.get(0), new int[] {2, 0, 1, 2}), mode, "softmax cross-entropy",
                "scores", Tensor.randn(55, 4, 3));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theNotesNetwork(Mode mode) {
        Tensor x = Tensor.randn(56, 6, 4);
        Tensor y = Tensor.randn(57, 6, 2);
        GradCheck check = GradCheck.of(v -> Losses.sumSquaredError(v.get(0).matmul(v.get(1)).sigmoid().matmul(v.get(2)),
                        v.get(3)))
                .input("x", x).input("w1", Tensor.randn(58, 4, 5)).input("w2", Tensor.randn(59, 5, 2)).input("y", y)
                .exclude("x", "y").mode(mode).label("the notes' network");
        assertThat(check.check()).passes().hasNoKinks().hasMaxRelativeErrorBelow(1e-6);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aNetworkWithReluAndHingeAndL2(Mode mode) {
        Tensor x = Tensor.randn(60, 5, 4);
        int[] labels = {0, 1, 2, 1, 0};
        GradCheck check = GradCheck.of(v -> {
            Variable scores = v.get(0).matmul(v.get(1)).relu().matmul(v.get(2));
            return Losses.svmHinge(scores, labels).add(Losses.l2(0.1, v.get(1), v.get(2)));
        }).input("x", x).input("w1", Tensor.randn(61, 4, 6)).input("w2", Tensor.randn(62, 6, 3)).exclude("x").mode(mode);
        assertThat(check.check()).passes();
    }
}
