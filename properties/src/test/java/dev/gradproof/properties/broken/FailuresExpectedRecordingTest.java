package dev.gradproof.properties.broken;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.properties.recording.RecordingFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A contract that says {@code failuresExpected()} records its failed runs as expected failures, as a
 * class tagged {@code expected-failure} does: the examples' seeded-bug suites say it that way, and
 * their reports and the plugin's check goal must not count those runs as the engine's failures.
 */
class FailuresExpectedRecordingTest {

    /** A seeded fault, said by the method and not by a tag; run here only. */
    static class SeededFaultSaidByMethod extends AutogradContract<MiniEngine.Node> {
        @Override
        protected AutogradAdapter<MiniEngine.Node> engine() {
            return new MiniEngine(MiniEngine.Fault.FORGETS_TO_ACCUMULATE_AT_FORKS);
        }

        @Override
        protected boolean failuresExpected() {
            return true;
        }
    }

    @Test
    void theFailedRunsOfAContractThatExpectsFailuresAreRecordedAsExpected(@TempDir Path results) throws IOException {
        List<PropertyRun> runs;
        try (RecordingFolder recording = new RecordingFolder(results)) {
            EngineTestKit.engine("jqwik").selectors(selectClass(SeededFaultSaidByMethod.class))
                    .configurationParameter("jqwik.database", "")
                    .execute();
            runs = recording.propertyRuns();
        }

        List<PropertyRun> failed = runs.stream().filter(r -> "FAILED".equals(r.status())).toList();
        assertThat(failed).as("runs the seeded fault failed").isNotEmpty()
                .allSatisfy(r -> assertThat(r.expectedFailure()).as(r.property()).isTrue());
        assertThat(runs).filteredOn(r -> "SUCCESSFUL".equals(r.status())).as("runs that passed").isNotEmpty();
    }
}
