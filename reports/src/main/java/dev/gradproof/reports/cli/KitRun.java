package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.ResultCollector;
import dev.gradproof.reports.collect.ResultsDirectory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.function.Supplier;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs the contract kit ({@link AdapterContract}) against the user's adapter through the JUnit
 * Platform launcher and jqwik, with the kit's property runs and gradchecks recorded into a results
 * folder of the command's run, from which the command's report reads them as the build's report
 * does. jqwik's database goes there too, so that nothing is written to the working directory.
 *
 * @param tries tries per property
 * @param results the run's results folder
 */
record KitRun(int tries, Path results) {

    /** jqwik's own log (edge cases outnumbering tries, its database), which says nothing the report does not. */
    private static final Logger JQWIK_LOG = Logger.getLogger("net.jqwik");

    /**
     * What the kit's run gave.
     *
     * @param recorded the property runs and gradchecks it recorded, read back as the report reads a build's
     * @param skipped  the properties skipped because the adapter does not declare what they need, with the reason
     */
    record Outcome(CollectedResults recorded, List<String> skipped) {
    }

    /** Runs every property of the kit; prints one line per finished property to {@code progress}. */
    Outcome run(Supplier<AutogradAdapter<?>> adapter, PrintStream progress) {
        AdapterContract.use(adapter);
        String previous = System.getProperty(ResultRecorder.DIRECTORY_PROPERTY);
        System.setProperty(ResultRecorder.DIRECTORY_PROPERTY, results.toString());
        Level level = JQWIK_LOG.getLevel();
        JQWIK_LOG.setLevel(Level.SEVERE);
        try {
            Files.createDirectories(results);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(AdapterContract.class))
                    .filters(EngineFilter.includeEngines("jqwik"))
                    .configurationParameter("jqwik.tries.default", Integer.toString(tries))
                    .configurationParameter("jqwik.database", results.resolve(".jqwik-database").toString())
                    .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                    .build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            Progress listener = new Progress(progress);
            launcher.execute(request, listener);
            return new Outcome(ResultCollector.all().collect(List.of(new ResultsDirectory("kit", results))),
                    List.copyOf(listener.skipped));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the kit's results folder " + results, e);
        } finally {
            JQWIK_LOG.setLevel(level);
            if (previous == null) {
                System.clearProperty(ResultRecorder.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(ResultRecorder.DIRECTORY_PROPERTY, previous);
            }
            AdapterContract.use(null);
        }
    }

    /** One line per property as it finishes: {@code kit 3/21 forksAccumulateTheBranchGradients SUCCESSFUL}. */
    private static final class Progress implements TestExecutionListener {
        private final PrintStream out;
        private final List<String> skipped = new ArrayList<>();
        private long total;
        private long done;

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            total = plan.countTestIdentifiers(TestIdentifier::isTest);
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                out.printf("kit %d/%d %s %s%n", ++done, total, id.getDisplayName(), result.getStatus());
                out.flush();
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                out.printf("kit %d/%d %s skipped: %s%n", ++done, total, id.getDisplayName(), Objects.toString(reason));
                skipped.add(id.getDisplayName() + ": " + reason);
            }
        }
    }
}
