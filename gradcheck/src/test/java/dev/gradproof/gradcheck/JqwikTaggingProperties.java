package dev.gradproof.gradcheck;

import dev.gradproof.gradcheck.model.GradCheckResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Checks run inside a jqwik property are tagged with the property (found by annotation name). */
class JqwikTaggingProperties {

    @Property(tries = 5, seed = "7")
    void checksInsidePropertiesAreTaggedWithTheProperty(@ForAll @DoubleRange(min = -3, max = 3) double x) {
        GradCheckResult result = GradCheck.of(v -> v.get(0).tanh().sum()).input("x", new double[] {x, 2 * x})
                .record(false).check();
        assertThat(result).passes();
        assertThat(result.context().engine()).isEqualTo("jqwik");
        assertThat(result.context().annotation()).isEqualTo("Property");
        assertThat(result.context().testMethod()).isEqualTo("checksInsidePropertiesAreTaggedWithTheProperty");
        assertThat(result.context().testClass()).isEqualTo(JqwikTaggingProperties.class.getName());
    }
}
