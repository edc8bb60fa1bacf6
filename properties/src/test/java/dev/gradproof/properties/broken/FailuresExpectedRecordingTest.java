package dev.gradproof.properties.broken;

import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.properties.recording.PropertyRunJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

    @TempDir
    Path results;

    private String previousDirectory;
    private String previousRecord;

    @BeforeEach
    void recordIntoATemporaryFolder() {
        previousDirectory = System.setProperty(ResultRecorder.DIRECTORY_PROPERTY, results.toString());
        previousRecord = System.clearProperty(ResultRecorder.RECORD_PROPERTY);
    }

    @AfterEach
    void restore() {
        restore(ResultRecorder.DIRECTORY_PROPERTY, previousDirectory);
        restore(ResultRecorder.RECORD_PROPERTY, previousRecord);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void theFailedRunsOfAContractThatExpectsFailuresAreRecordedAsExpected() throws IOException {
        EngineTestKit.engine("jqwik").selectors(selectClass(SeededFaultSaidByMethod.class))
                .configurationParameter("jqwik.database", "")
                .execute();

        List<PropertyRun> runs = recorded();
        List<PropertyRun> failed = runs.stream().filter(r -> "FAILED".equals(r.status())).toList();
        assertThat(failed).as("runs the seeded fault failed").isNotEmpty()
                .allSatisfy(r -> assertThat(r.expectedFailure()).as(r.property()).isTrue());
        assertThat(runs).filteredOn(r -> "SUCCESSFUL".equals(r.status())).as("runs that passed").isNotEmpty();
    }

    private List<PropertyRun> recorded() throws IOException {
        Path run = results.resolve(ResultRecorder.run());
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(p -> p.toString().endsWith(".json")).map(p -> {
                try {
                    return PropertyRunJson.read(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
