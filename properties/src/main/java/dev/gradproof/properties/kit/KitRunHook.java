package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Unsupported;
import dev.gradproof.properties.graph.EngineFailure;
import dev.gradproof.properties.graph.KnownFaultMet;
import dev.gradproof.properties.recording.KitOutcome;
import dev.gradproof.properties.recording.KitOutcome.Verdict;
import dev.gradproof.properties.recording.KitOutcomes;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;
import org.opentest4j.TestAbortedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one property of {@link AutogradContract} as a check of its {@link Rule}:
 * <ul>
 *   <li>a try the adapter declines ({@link Unsupported}) or that meets a known fault is not run:
 *       counted with its reason, never failed; a property none of whose tries ran is reported as
 *       skipped ("not verified") with those reasons, never as passed;</li>
 *   <li>a failure is named by its rule and said to be either a wrong result or "the engine threw"
 *       (an exception or error from the engine, with its type and the graph's size);</li>
 *   <li>the error bounds are scaled to the engine's declared precision while the property runs;</li>
 *   <li>the outcome is published for the property-run record ({@link KitOutcome}).</li>
 * </ul>
 */
public final class KitRunHook implements AroundPropertyHook, AroundTryHook {

    private static final ThreadLocal<TryLog> LOG = new ThreadLocal<>();

    /**
     * Inside the recorder (-100), outside jqwik's statistics hook (-50): sees coverage failures too,
     * which declined tries can cause (a declined try collects no statistics).
     */
    @Override
    public int aroundPropertyProximity() {
        return -60;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Rule rule = context.findAnnotation(Verifies.class).map(Verifies::value)
                .orElseThrow(() -> new IllegalStateException("KitRunHook on a property without @Verifies: "
                        + context.extendedLabel()));
        AutogradContract<?> contract = (AutogradContract<?>) context.testInstance();
        AutogradAdapter<?> engine = contract.adapter();
        TryLog log = new TryLog();
        LOG.set(log);
        Check.scaleBoundsBy(engine.declared().roundoffScale());
        PropertyExecutionResult result;
        try {
            result = property.execute();
        } finally {
            LOG.remove();
            Check.scaleBoundsBy(1);
        }
        if (!log.counts().isEmpty()) {
            context.reporter().publishValue("gradproof kit " + rule.id(), String.join("; ", log.counts()));
        }
        return judge(rule, engine.name(), contract.failuresExpected(), log, result);
    }

    private static PropertyExecutionResult judge(Rule rule, String engine, boolean expected, TryLog log,
                                                 PropertyExecutionResult result) {
        Throwable thrown = result.throwable().orElse(null);
        boolean nothingRan = log.checked == 0 && log.skippedAny();
        if (nothingRan || result.status() == PropertyExecutionResult.Status.FAILED
                && result.shrunkSample().isEmpty() && log.skippedAny()) {
            // every try declined or known-faulty (jqwik then fails for too many discards), or a
            // coverage check failed for want of the declined tries: not verified
            String reason = "not verified: " + rule.label() + ": " + log.checked + " tries ran; "
                    + String.join("; ", log.counts())
                    + (nothingRan || thrown == null ? "" : "; then: " + KitOutcome.firstLine(thrown.getMessage()));
            publish(rule, engine, Verdict.SKIPPED, reason, log, null, expected);
            return result.mapToAborted(new TestAbortedException(reason));
        }
        switch (result.status()) {
            case SUCCESSFUL -> {
                publish(rule, engine, Verdict.VERIFIED, null, log, null, expected);
                return result;
            }
            case ABORTED -> {
                String reason = thrown == null ? "aborted" : thrown.getMessage();
                publish(rule, engine, Verdict.SKIPPED, reason, log, null, expected);
                return result;
            }
            default -> {
                EngineFailure crash = find(thrown, EngineFailure.class);
                String message = thrown == null ? "failed" : String.valueOf(thrown.getMessage());
                Verdict verdict = crash != null ? Verdict.ENGINE_THREW : Verdict.WRONG_RESULT;
                String text = rule.label() + "\n" + (crash != null ? "" : "wrong result: ") + message;
                publish(rule, engine, verdict, KitOutcome.firstLine(crash != null ? crash.getMessage() : message), log,
                        crash == null ? null : new KitOutcome.Crash(crash.thrown(), crash.duringWhat(), crash.graphSize()),
                        expected);
                return result.mapToFailed(new AssertionError(text, thrown));
            }
        }
    }

    private static void publish(Rule rule, String engine, Verdict verdict, String reason, TryLog log,
                                KitOutcome.Crash crash, boolean expected) {
        KitOutcomes.publish(new KitOutcome(rule.id(), rule.statement(), engine, verdict, reason, log.declined,
                log.known, crash, expected));
    }

    @Override
    public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor aTry, List<Object> parameters) {
        TryExecutionResult result = aTry.execute(parameters);
        TryLog log = LOG.get();
        if (log == null) {
            return result;
        }
        if (result.isFalsified()) {
            Throwable thrown = result.throwable().orElse(null);
            Unsupported declined = find(thrown, Unsupported.class);
            if (declined != null) {
                log.declined.merge(declined.reason(), 1, Integer::sum);
                return TryExecutionResult.invalid();
            }
            KnownFaultMet known = find(thrown, KnownFaultMet.class);
            if (known != null) {
                log.known.merge(known.fault().describe(), 1, Integer::sum);
                return TryExecutionResult.invalid();
            }
        } else if (result.isSatisfied()) {
            log.checked++;
        }
        return result;
    }

    /** The first throwable of that type in the chain of causes, or null. */
    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** What happened to the tries of one property. */
    private static final class TryLog {
        final Map<String, Integer> declined = new LinkedHashMap<>();
        final Map<String, Integer> known = new LinkedHashMap<>();
        int checked;

        boolean skippedAny() {
            return !declined.isEmpty() || !known.isEmpty();
        }

        List<String> counts() {
            return KitOutcome.labelledCounts(declined, known);
        }
    }
}
