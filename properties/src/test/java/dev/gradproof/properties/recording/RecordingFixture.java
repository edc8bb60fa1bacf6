package dev.gradproof.properties.recording;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import dev.gradproof.gradcheck.model.TestContext;
import net.jqwik.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties run only by {@link PropertyRunRecorderTest} through the engine test kit. */
class RecordingFixture {

    static final int TRIES = 50;

    @Property(tries = TRIES, seed = "42")
    void withStatistics(@ForAll @IntRange(min = -100, max = 100) int x) {
        Statistics.collect(x < 0 ? "negative" : "non-negative");
        Statistics.coverage(coverage -> coverage.check("negative").percentage(p -> p > 5));
    }

    @Property(tries = TRIES, seed = "42")
    void withAnAssumption(@ForAll @IntRange(min = 0, max = 100) int x) {
        Assume.that(x % 2 == 0);
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Property(seed = "42")
    void falsifiedAndShrunk(@ForAll @IntRange(min = 0, max = 1000) int x) {
        assertThat(x).isLessThan(10);
    }
}
