package dev.gradproof.properties.recording;

import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.gradcheck.recording.TestContexts;
import net.jqwik.api.Reporter;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A jqwik lifecycle hook that records every property run as a {@link PropertyRun} JSON file in
 * gradcheck's results folder ({@code target/gradproof-results/}, {@code -Dgradproof.results.dir}
 * elsewhere; {@code -Dgradproof.record=false} switches it off, as for gradcheck): status, tries,
 * checks, seed, the statistics and coverage reports the property published, and any shrunk
 * counterexample. It sits outside jqwik's statistics hook, catching the reports that hook
 * publishes through the property's reporter (and passing them on). It never changes a result,
 * and a file that cannot be written is said on standard error without failing the property.
 *
 * <p>Registered for every property through {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 */
public final class PropertyRunRecorder implements AroundPropertyHook {

    /** Outside jqwik's statistics hook (proximity -50), so that its reports pass through here. */
    static final int PROXIMITY = -100;
    /** The longest failure message kept. */
    static final int MAX_FAILURE = 2000;

    /** Registered at the engine's root, so it must reach every property below it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public int aroundPropertyProximity() {
        return PROXIMITY;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property)
            throws Throwable {
        if (!ResultRecorder.enabled(true)) {
            return property.execute();
        }
        List<PropertyRun.Report> reports = new ArrayList<>();
        context.wrapReporter(reporter -> new CapturingReporter(reporter, reports));
        long start = System.nanoTime();
        KitOutcomes.clear();
        PropertyExecutionResult result = property.execute();
        long millis = (System.nanoTime() - start) / 1_000_000;
        try {
            write(runOf(context, result, reports, millis, KitOutcomes.take()), ResultRecorder.directory());
        } catch (RuntimeException e) {
            System.err.println("gradproof: could not record property " + context.extendedLabel() + ": " + e.getMessage());
        }
        return result;
    }

    /** The record of a finished run. */
    static PropertyRun runOf(PropertyLifecycleContext context, PropertyExecutionResult result,
                             List<PropertyRun.Report> reports, long millis, KitOutcome kit) {
        Method method = context.targetMethod();
        List<String> counterexample = result.shrunkSample().map(PropertyRunRecorder::texts).orElse(List.of());
        List<String> original = result.originalSample().map(PropertyRunRecorder::texts).orElse(List.of());
        Integer steps = result.shrunkSample().map(ShrunkFalsifiedSample::countShrinkingSteps).orElse(null);
        String failure = result.throwable().map(PropertyRunRecorder::message).orElse(null);
        return new PropertyRun(PropertyRun.FORMAT, PropertyRun.SCHEMA_VERSION, context.containerClass().getName(),
                method.getName(), context.extendedLabel(), result.status().name(), result.countTries(),
                result.countChecks(), context.attributes().tries().orElse(null), result.seed().orElse(null),
                context.attributes().generation().map(Enum::name).orElse(null), reports, counterexample, steps,
                original, failure, Instant.now().toString(), millis, System.getProperty("java.version"),
                TestContexts.expectedToFail(context.containerClass(), method) || (kit != null && kit.failuresExpected()),
                kit);
    }

    /**
     * Records a property that was skipped before it ran (jqwik calls no around-property hook for
     * it): status {@code SKIPPED}, no tries, the reason as its failure and in the kit outcome.
     */
    public static void recordSkipped(net.jqwik.api.lifecycle.LifecycleContext context, String reason, KitOutcome kit) {
        if (!ResultRecorder.enabled(true) || context.optionalElement().isEmpty()) {
            return;
        }
        try {
            String container = context.optionalContainerClass().map(Class::getName).orElse("");
            String method = context.optionalElement().get() instanceof Method m ? m.getName() : context.label();
            write(new PropertyRun(PropertyRun.FORMAT, PropertyRun.SCHEMA_VERSION, container, method, context.label(),
                    "SKIPPED", 0, 0, null, null, null, List.of(), List.of(), null, List.of(), reason,
                    Instant.now().toString(), 0, System.getProperty("java.version"), false, kit),
                    ResultRecorder.directory());
        } catch (RuntimeException e) {
            System.err.println("gradproof: could not record skipped property " + context.label() + ": " + e.getMessage());
        }
    }

    private static List<String> texts(FalsifiedSample sample) {
        return sample.parameters().stream().map(String::valueOf).toList();
    }

    private static String message(Throwable t) {
        return truncated(t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    /** A failure's text as a property run records it: at most {@value #MAX_FAILURE} characters, then " …". */
    public static String truncated(String text) {
        return text.length() <= MAX_FAILURE ? text : text.substring(0, MAX_FAILURE) + " …";
    }

    /** Writes a run into {@code directory} (created if needed), atomically; returns the file. */
    public static Path write(PropertyRun run, Path directory) {
        return ResultRecorder.writeFile(directory, ResultRecorder.uniqueName("property." + run.shortName()),
                PropertyRunJson.write(run));
    }

    /** Passes every report on and keeps a copy (statistics, coverage, whatever the property published). */
    private static final class CapturingReporter implements Reporter {
        private final Reporter delegate;
        private final List<PropertyRun.Report> reports;

        CapturingReporter(Reporter delegate, List<PropertyRun.Report> reports) {
            this.delegate = delegate;
            this.reports = reports;
        }

        @Override
        public void publishValue(String key, String value) {
            keep(key, value);
            delegate.publishValue(key, value);
        }

        @Override
        public void publishReport(String key, Object object) {
            keep(key, String.valueOf(object));
            delegate.publishReport(key, object);
        }

        @Override
        public void publishReports(String key, Map<String, Object> objects) {
            StringBuilder text = new StringBuilder();
            objects.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
            keep(key, text.toString());
            delegate.publishReports(key, objects);
        }

        private void keep(String key, String text) {
            synchronized (reports) {
                reports.add(new PropertyRun.Report(key, text));
            }
        }
    }
}
