package dev.gradproof.properties.kit;

import dev.gradproof.properties.recording.KitOutcome;
import dev.gradproof.properties.recording.PropertyRunRecorder;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.util.Map;
import java.util.Optional;

/**
 * Skips the rules marked {@link GeneratorCoverage} when {@code -D}{@value #PROPERTY}{@code =false},
 * before their first try, naming the rule and the switch, and records the skip for the report. Rules
 * that check the engine and also the share of cases behind it leave out only that share
 * ({@link #enabled()}).
 */
public final class GeneratorCoverageHook implements SkipExecutionHook {

    /** The system property that switches the generator coverage rules off ({@code false}); on by default. */
    public static final String PROPERTY = "gradproof.kit.generatorCoverage";

    /**
     * Whether the generators' coverage is checked (the default): also read by rules that check the engine
     * and, beside it, the share of generated cases that exercised each part of the rule (KIT-402's identities).
     */
    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Optional<Class<?>> container = context.optionalContainerClass();
        if (enabled() || container.isEmpty()
                || !AutogradContract.class.isAssignableFrom(container.get())) {
            return SkipResult.doNotSkip();
        }
        AutogradContract<?> contract = (AutogradContract<?>) context.newInstance(container.get());
        Optional<Rule> rule = context.findAnnotation(Verifies.class).map(Verifies::value);
        String reason = "switched off: -D" + PROPERTY + "=false (the rule measures the generators, not the engine)";
        rule.ifPresent(r -> PropertyRunRecorder.recordSkipped(context, reason, new KitOutcome(r.id(), r.statement(),
                contract.engine().name(), KitOutcome.Verdict.SKIPPED, reason, Map.of(), Map.of(), null,
                contract.failuresExpected())));
        return SkipResult.skip(rule.map(r -> r.id() + " ").orElse("") + reason);
    }
}
