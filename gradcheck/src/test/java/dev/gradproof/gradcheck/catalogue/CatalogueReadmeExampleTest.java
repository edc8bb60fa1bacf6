package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.model.GradCheckResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The catalogue's README example, as written there, with its printed values checked. */
class CatalogueReadmeExampleTest {

    @Test
    void theReadmeExampleRunsAsShown() {
        List<String> printed = new ArrayList<>();
        // --- README
        OpSpec relu = OpCatalogue.spec("relu").orElseThrow();
        printed.add(relu.domain() + "; kinks " + relu.kinks());       // all reals; kinks [relu: x = 0 (subgradient 0)]
        for (OpSample sample : relu.samples(42)) {
            GradCheckResult first = sample.gradCheck().check();                    // FULL, seed 42, op "relu"
            GradCheckResult second = sample.gradGradCheck().orElseThrow().check(); // gradgradcheck
            printed.add(first.summary() + " / " + second.summary());
        }
        // another engine can reuse the Commons Math oracle of an op's derivative
        ElementwiseOracle sigmoid = ElementwiseOracle.unary(Variable::sigmoid, ElementwiseOracle::sigmoid);
        double[] valueAndSlope = sigmoid.valueAndGradient(1.0);       // {0.7310585786300049, 0.19661193324148188}
        // --- end of README
        assertThat(printed.get(0)).isEqualTo("all reals; kinks [relu: x = 0 (subgradient 0)]");
        assertThat(printed.subList(1, printed.size())).hasSize(relu.samples(42).size())
                .allMatch(line -> line.startsWith("gradcheck \"relu ") && line.contains("PASSED")
                        && !line.contains("FAILED"));
        double s = 1 / (1 + Math.exp(-1.0));
        assertThat(valueAndSlope).containsExactly(0.7310585786300049, 0.19661193324148188);
        assertThat(valueAndSlope[0]).isCloseTo(s, within(1e-16));
        assertThat(valueAndSlope[1]).isCloseTo(s * (1 - s), within(1e-16));
    }
}
