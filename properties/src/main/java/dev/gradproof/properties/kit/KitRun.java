package dev.gradproof.properties.kit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * One run of a contract class, started programmatically with JUnit's EngineTestKit (100 tries per
 * property, no jqwik database): each property's outcome, failure message and jqwik report. How a
 * test proves that the kit finds a seeded bug and shrinks it ({@link #assertFoundAndShrunk}),
 * without failing the build on the bug itself.
 *
 * @param kit      the contract class's simple name
 * @param failures failed properties and their messages
 * @param skipped  properties skipped before they ran, and the reasons
 * @param passed   the properties that passed
 * @param reports  jqwik's reports per property (seed, shrunk sample, statistics)
 * @param aborted  properties that ran but were not verified (every try declined), and the reasons
 */
public record KitRun(String kit, Map<String, String> failures, Map<String, String> skipped, Set<String> passed,
                     Map<String, String> reports, Map<String, String> aborted) {

    private static final Pattern NODES = Pattern.compile("graph \\((\\d+) nodes\\)");
    private static final Pattern SEED = Pattern.compile("seed = (-?\\d+)");

    /** Copies the collections. */
    public KitRun {
        failures = Map.copyOf(failures);
        skipped = Map.copyOf(skipped);
        passed = Set.copyOf(passed);
        reports = Map.copyOf(reports);
        aborted = Map.copyOf(aborted);
    }

    /** Runs every property of {@code contract} at 100 tries. */
    public static KitRun of(Class<?> contract) {
        return of(contract, 100);
    }

    /** Runs every property of {@code contract} at {@code tries} tries. */
    public static KitRun of(Class<?> contract, int tries) {
        EngineExecutionResults results = EngineTestKit.engine("jqwik")
                .selectors(selectClass(contract))
                .configurationParameter("jqwik.tries.default", Integer.toString(tries))
                .configurationParameter("jqwik.database", "")
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .execute();
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, String> aborted = new LinkedHashMap<>();
        Set<String> passed = new TreeSet<>();
        for (Event event : results.testEvents().finished().list()) {
            String property = event.getTestDescriptor().getDisplayName();
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            String message = result.getThrowable().map(Throwable::getMessage).orElse(result.getStatus().toString());
            switch (result.getStatus()) {
                case SUCCESSFUL -> passed.add(property);
                case ABORTED -> aborted.put(property, message);
                default -> failures.put(property, message);
            }
        }
        Map<String, String> skipped = new LinkedHashMap<>();
        results.testEvents().skipped().stream().forEach(e ->
                skipped.put(e.getTestDescriptor().getDisplayName(), e.getRequiredPayload(String.class)));
        Map<String, String> reports = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream().forEach(e -> {
            String property = e.getTestDescriptor().getDisplayName();
            e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().values()
                    .forEach(text -> reports.merge(property, text, (a, b) -> a + "\n" + b));
        });
        return new KitRun(contract.getSimpleName(), failures, skipped, passed, reports, aborted);
    }

    /**
     * Fails unless {@code property} failed with one of the {@code messages}, jqwik reported a shrunk
     * sample and its seed, and, when the failure names a graph, the graph has at most {@code maxNodes}
     * nodes (the gate and layer rules fail on small hand-shaped cases, not graphs); prints the failure.
     *
     * @throws AssertionError naming what is missing
     */
    public void assertFoundAndShrunk(String property, int maxNodes, String... messages) {
        String message = failures.get(property);
        if (message == null) {
            throw new AssertionError(kit + ": " + property + " did not fail; failures: " + failures.keySet()
                    + ", passed: " + passed);
        }
        String report = reports.getOrDefault(property, "");
        Matcher seed = SEED.matcher(report);
        Matcher nodes = NODES.matcher(message);
        System.out.println("[" + kit + "] " + property + " failed" + (seed.find() ? " with seed " + seed.group(1) : "")
                + ":\n" + message + "\n  " + shrunkSample(report));
        if (Arrays.stream(messages).noneMatch(message::contains)) {
            throw new AssertionError(kit + ": " + property + " failed with none of " + Arrays.toString(messages)
                    + ":\n" + message);
        }
        if (!report.contains("Shrunk Sample") || !report.contains("seed = ")) {
            throw new AssertionError(kit + ": jqwik's report of " + property + " has no shrunk sample and seed:\n" + report);
        }
        if (nodes.find() && Integer.parseInt(nodes.group(1)) > maxNodes) {
            throw new AssertionError(kit + ": " + property + " shrunk to " + nodes.group(1) + " nodes, more than "
                    + maxNodes + ":\n" + message);
        }
    }

    private static String shrunkSample(String report) {
        int start = report.indexOf("Shrunk Sample");
        int end = report.indexOf("Original Sample");
        return start < 0 ? "(no shrunk sample)" : report.substring(start, end < 0 ? report.length() : end).trim();
    }
}
