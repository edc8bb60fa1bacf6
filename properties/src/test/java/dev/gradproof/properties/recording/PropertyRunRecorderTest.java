package dev.gradproof.properties.recording;

import dev.gradproof.gradcheck.recording.ResultRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * The hook, registered through the service loader, records every property run: status, tries,
 * checks, seed, the statistics and coverage jqwik published, and the shrunk counterexample.
 */
class PropertyRunRecorderTest {

    @TempDir
    Path results;

    private RecordingFolder recording;

    @BeforeEach
    void recordIntoATemporaryFolder() {
        recording = new RecordingFolder(results);
    }

    @AfterEach
    void restore() {
        recording.close();
    }

    private Map<String, PropertyRun> runAll() throws IOException {
        EngineTestKit.engine("jqwik").selectors(selectClass(RecordingFixture.class))
                .configurationParameter("jqwik.database", "")
                .execute();
        return recorded();
    }

    private Map<String, PropertyRun> recorded() throws IOException {
        return recording.propertyRuns().stream().collect(Collectors.toMap(PropertyRun::property, Function.identity()));
    }

    @Test
    void everyRunIsRecordedWithTriesChecksAndSeed() throws IOException {
        Map<String, PropertyRun> runs = runAll();

        assertThat(runs).containsOnlyKeys("withStatistics", "withAnAssumption", "falsifiedAndShrunk");
        PropertyRun statistics = runs.get("withStatistics");
        assertThat(statistics.format()).isEqualTo(PropertyRun.FORMAT);
        assertThat(statistics.testClass()).isEqualTo(RecordingFixture.class.getName());
        assertThat(statistics.status()).isEqualTo("SUCCESSFUL");
        assertThat(statistics.tries()).isEqualTo(RecordingFixture.TRIES);
        assertThat(statistics.checks()).isEqualTo(RecordingFixture.TRIES);
        assertThat(statistics.configuredTries()).isEqualTo(RecordingFixture.TRIES);
        assertThat(statistics.seed()).isEqualTo("42");
        assertThat(statistics.counterexample()).isEmpty();
        assertThat(statistics.failure()).isNull();

        PropertyRun assumption = runs.get("withAnAssumption");
        assertThat(assumption.tries()).isEqualTo(RecordingFixture.TRIES);
        assertThat(assumption.checks()).isPositive().isLessThan(RecordingFixture.TRIES);
    }

    @Test
    void theStatisticsJqwikPublishedAreKept() throws IOException {
        PropertyRun run = runAll().get("withStatistics");

        assertThat(run.statistics()).singleElement().satisfies(report -> {
            assertThat(report.key()).contains("withStatistics").contains("statistics");
            assertThat(report.text()).contains("negative").contains("non-negative").contains("%");
        });
    }

    @Test
    void aFalsifiedPropertyKeepsItsShrunkCounterexample() throws IOException {
        PropertyRun run = runAll().get("falsifiedAndShrunk");

        assertThat(run.status()).isEqualTo("FAILED");
        // x < 10 over [0, 1000] shrinks to the smallest falsifying value, 10
        assertThat(run.counterexample()).containsExactly("10");
        assertThat(run.originalSample()).hasSize(1);
        assertThat(Integer.parseInt(run.originalSample().get(0))).isGreaterThanOrEqualTo(10);
        assertThat(run.shrinkingSteps()).isNotNull();
        assertThat(run.failure()).startsWith("AssertionError: ").contains("10");
        assertThat(run.seed()).isEqualTo("42");
    }

    @Test
    void recordingIsSwitchedOffWithGradcheck() throws IOException {
        System.setProperty(ResultRecorder.RECORD_PROPERTY, "false");

        EngineTestKit.engine("jqwik").selectors(selectMethod(RecordingFixture.class, "withStatistics", "int"))
                .configurationParameter("jqwik.database", "")
                .execute();

        assertThat(recorded()).isEmpty();
    }

    @Test
    void aRunRoundTripsThroughJson() {
        PropertyRun run = new PropertyRun(PropertyRun.FORMAT, 1, "a.B", "p", "B:p", "FAILED", 7, 6, 100, "123",
                "RANDOMIZED", List.of(new PropertyRun.Report("k", "t")), List.of("sum(x[2])"), 3, List.of("x"),
                "AssertionError: no", "2026-01-01T00:00:00Z", 12, "17");

        assertThat(PropertyRunJson.read(PropertyRunJson.write(run))).isEqualTo(run);
        assertThat(run.shortName()).isEqualTo("B.p");
    }

    @Test
    void aKitOutcomeRoundTripsThroughJsonWithItsLabelledCounts() {
        KitOutcome kit = new KitOutcome("KIT-902", "chains and diamonds ...", "mini", KitOutcome.Verdict.ENGINE_THREW,
                "the engine threw: mini threw StackOverflowError in backward", java.util.Map.of("mul of [2]", 3),
                java.util.Map.of("matmul: issue 7", 2), new KitOutcome.Crash("java.lang.StackOverflowError", "in backward",
                100001), false);
        PropertyRun run = new PropertyRun(PropertyRun.FORMAT, PropertyRun.SCHEMA_VERSION, "a.B", "p", "B:p", "FAILED", 1,
                1, null, "123", null, List.of(), List.of(), null, List.of(), "AssertionError: KIT-902", "2026-01-01T00:00:00Z",
                12, "17", false, kit);

        assertThat(PropertyRunJson.read(PropertyRunJson.write(run))).isEqualTo(run);
        assertThat(kit.labelledCounts()).containsExactlyInAnyOrder("tries declined by the engine: 3 (mul of [2])",
                "tries not run, known fault: 2 (matmul: issue 7)");
        assertThat(KitOutcome.firstLine("one\ntwo")).isEqualTo("one");
    }
}
