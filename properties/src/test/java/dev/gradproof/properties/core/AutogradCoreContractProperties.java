package dev.gradproof.properties.core;

import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;

/** autograd-core passes the whole contract, through its own adapter: every op, every capability. */
class AutogradCoreContractProperties extends AutogradContract<Variable> {

    @Override
    protected AutogradAdapter<Variable> engine() {
        return new AutogradCoreAdapter();
    }
}
