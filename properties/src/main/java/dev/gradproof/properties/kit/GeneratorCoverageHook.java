package dev.gradproof.properties.kit;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

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
        Optional<AutogradContract<?>> contract = enabled() ? Optional.empty() : KitSkips.contract(context);
        return contract.map(c -> KitSkips.skip(context, c, c.engine().name(),
                        "switched off: -D" + PROPERTY + "=false (the rule measures the generators, not the engine)"))
                .orElse(SkipResult.doNotSkip());
    }
}
