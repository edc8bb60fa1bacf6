package dev.gradproof.reports.junit;

import dev.gradproof.gradcheck.GradCheck;
import org.junit.jupiter.api.Test;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;

/** Run only by {@link ReportListenerTest} through its own launcher (the name keeps Surefire away). */
class JupiterFixture {

    @Test
    void sigmoidIsRight() {
        assertThat(GradCheck.of(v -> v.get(0).sigmoid().sum()).input("x", new double[] {-1, 0, 1})
                .label("sigmoid from a Jupiter test").check()).passes();
    }
}
