package dev.gradproof.reports.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gradproof.gradcheck.model.ResultJson;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.reports.collect.ResultsDirectory;
import dev.gradproof.reports.output.ReportWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The listener, run by a launcher of its own over a Jupiter test and a jqwik property that check
 * gradients: at the end of the run the project's report holds the checks of both engines, and
 * its path is printed.
 */
class ReportListenerTest {

    @TempDir
    Path project;

    private Path results;
    private Path folder;
    private String previousResultsDir;

    @BeforeEach
    void recordIntoTheProject() {
        results = project.resolve("target").resolve(ResultRecorder.DIRECTORY_NAME);
        folder = project.resolve("target").resolve("gradproof-report");
        previousResultsDir = System.setProperty(ResultRecorder.DIRECTORY_PROPERTY, results.toString());
    }

    @AfterEach
    void restore() {
        if (previousResultsDir == null) {
            System.clearProperty(ResultRecorder.DIRECTORY_PROPERTY);
        } else {
            System.setProperty(ResultRecorder.DIRECTORY_PROPERTY, previousResultsDir);
        }
    }

    private String run(Class<?>... classes) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ReportListener listener = new ReportListener(new ResultsDirectory("project", results), folder,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(summary, listener)
                .build());
        List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> c : classes) {
            selectors.add(selectClass(c));
        }
        LauncherDiscoveryRequest request = request().selectors(selectors).build();
        launcher.execute(request);
        assertThat(summary.getSummary().getTotalFailureCount()).as("fixture failures").isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReportOfARunHoldsTheChecksOfJupiterTestsAndJqwikPropertiesAlike() throws IOException {
        String printed = run(JupiterFixture.class, JqwikFixture.class);

        Path index = folder.resolve(ReportWriter.INDEX);
        assertThat(index).exists();
        assertThat(printed.trim()).isEqualTo("gradproof report: " + index.toAbsolutePath() + " ("
                + (1 + JqwikFixture.TRIES) + " checks: " + (1 + JqwikFixture.TRIES) + " PASS, 0 FAIL, 0 INCONCLUSIVE, 0 KINK;"
                + " 1 property runs, 0 failed)");
        JsonNode aggregate = ResultJson.mapper().readTree(folder.resolve(ReportWriter.JSON).toFile());
        List<String> engines = new ArrayList<>();
        aggregate.get("checks").forEach(c -> engines.add(c.get("result").get("context").get("engine").asText()));
        assertThat(engines).containsExactlyInAnyOrder("junit-jupiter", "jqwik", "jqwik", "jqwik");
        // the property run itself, recorded by the properties module's jqwik hook
        assertThat(aggregate.get("properties")).singleElement().satisfies(p -> {
            assertThat(p.get("run").get("property").asText()).isEqualTo("tanhIsRightAnywhere");
            assertThat(p.get("run").get("status").asText()).isEqualTo("SUCCESSFUL");
            assertThat(p.get("run").get("tries").asInt()).isEqualTo(JqwikFixture.TRIES);
            assertThat(p.get("run").get("seed").asText()).isEqualTo("42");
        });
        String html = Files.readString(index);
        assertThat(html).contains("JqwikFixture").contains("tanhIsRightAnywhere")
                .contains("JupiterFixture").contains("sigmoidIsRight");
    }

    @Test
    void resultsOfEarlierRunsAreLeftOut() throws IOException {
        run(JupiterFixture.class);
        String printed = run(JqwikFixture.class);

        assertThat(printed).contains("(" + JqwikFixture.TRIES + " checks: ");
        assertThat(Files.readString(folder.resolve(ReportWriter.INDEX)))
                .contains("1 older result files (recorded before this run) were left out");
    }

    @Test
    void aRunThatRecordedNothingWritesNoReport() {
        String printed = run(NothingToCheckFixture.class);

        assertThat(printed).isEmpty();
        assertThat(folder).doesNotExist();
    }

    @Test
    void theListenerCanBeSwitchedOff() {
        String previous = System.setProperty(ReportListener.ENABLED_PROPERTY, "false");
        try {
            run(JupiterFixture.class);
        } finally {
            if (previous == null) {
                System.clearProperty(ReportListener.ENABLED_PROPERTY);
            } else {
                System.setProperty(ReportListener.ENABLED_PROPERTY, previous);
            }
        }
        assertThat(results).isDirectory();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aReportThatCannotBeWrittenIsSaidAndNeverFailsTheRun() throws IOException {
        Files.createDirectories(folder.getParent());
        Files.writeString(folder, "a file where the report's folder would go");
        java.io.PrintStream originalErr = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            run(JupiterFixture.class);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(said.toString(StandardCharsets.UTF_8)).startsWith("gradproof report: could not write the report into "
                + folder);
    }

    @Test
    void theListenerIsRegisteredAsAServiceSoThatEveryEngineReportsToIt() {
        List<Class<?>> listeners = new ArrayList<>();
        ServiceLoader.load(TestExecutionListener.class).forEach(l -> listeners.add(l.getClass()));

        assertThat(listeners).contains(ReportListener.class);
    }

    /** A test that checks no gradient. */
    static class NothingToCheckFixture {
        @org.junit.jupiter.api.Test
        void nothing() {
            assertThat(1 + 1).isEqualTo(2);
        }
    }
}
