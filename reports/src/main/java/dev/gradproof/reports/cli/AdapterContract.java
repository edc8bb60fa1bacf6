package dev.gradproof.reports.cli;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;

import java.util.function.Supplier;

/**
 * The contract kit over the adapter the command was given ({@code --adapter}): the kit's own
 * properties, with the engine made by the supplier the command installs before it launches jqwik.
 * Public only because jqwik runs it.
 */
public final class AdapterContract extends AutogradContract<Object> {

    private static volatile Supplier<AutogradAdapter<?>> adapters;

    /** Installs where the engine comes from, for the next run. */
    static void use(Supplier<AutogradAdapter<?>> supplier) {
        adapters = supplier;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected AutogradAdapter<Object> engine() {
        if (adapters == null) {
            throw new IllegalStateException("no adapter installed: run the kit through gradproof --adapter CLASS");
        }
        return (AutogradAdapter<Object>) adapters.get();
    }
}
