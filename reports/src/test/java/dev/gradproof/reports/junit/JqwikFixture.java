package dev.gradproof.reports.junit;

import dev.gradproof.gradcheck.GradCheck;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;

/** Run only by {@link ReportListenerTest} through its own launcher (the name keeps Surefire away). */
class JqwikFixture {

    static final int TRIES = 3;

    @Property(tries = TRIES, seed = "42")
    void tanhIsRightAnywhere(@ForAll @DoubleRange(min = -2, max = 2) double x) {
        assertThat(GradCheck.of(v -> v.get(0).tanh().sum()).input("x", new double[] {x})
                .label("tanh from a jqwik property").check()).passes();
    }
}
