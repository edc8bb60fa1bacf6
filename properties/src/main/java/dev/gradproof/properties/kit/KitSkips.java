package dev.gradproof.properties.kit;

import dev.gradproof.properties.recording.KitOutcome;
import dev.gradproof.properties.recording.PropertyRunRecorder;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook.SkipResult;

import java.util.Map;
import java.util.Optional;

/** What the kit's skip hooks share: finding the contract, and skipping a rule with its reason recorded for the report. */
final class KitSkips {

    private KitSkips() {
    }

    /** The {@link AutogradContract} whose property {@code context} is about to run, if it runs in one. */
    static Optional<AutogradContract<?>> contract(LifecycleContext context) {
        return context.optionalContainerClass()
                .filter(AutogradContract.class::isAssignableFrom)
                .map(type -> (AutogradContract<?>) context.newInstance(type));
    }

    /** Skips the property, naming its rule and {@code reason}, and records the skip for the report. */
    static SkipResult skip(LifecycleContext context, AutogradContract<?> contract, String engineName, String reason) {
        Optional<Rule> rule = context.findAnnotation(Verifies.class).map(Verifies::value);
        rule.ifPresent(r -> PropertyRunRecorder.recordSkipped(context, reason, new KitOutcome(r.id(), r.statement(),
                engineName, KitOutcome.Verdict.SKIPPED, reason, Map.of(), Map.of(), null, contract.failuresExpected())));
        return SkipResult.skip(rule.map(r -> r.id() + " ").orElse("") + reason);
    }
}
