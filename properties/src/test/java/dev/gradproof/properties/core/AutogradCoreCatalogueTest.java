package dev.gradproof.properties.core;

import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.OpCatalogueContract;

/**
 * The op catalogue against autograd-core through its own kit adapter, as any engine's author runs
 * it: every sample whose op the kit has passes (or sits on a documented kink), first and second order.
 */
class AutogradCoreCatalogueTest extends OpCatalogueContract<Variable> {

    @Override
    protected AutogradAdapter<Variable> engine() {
        return new AutogradCoreAdapter();
    }
}
