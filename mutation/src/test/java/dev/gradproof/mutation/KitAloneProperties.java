package dev.gradproof.mutation;

import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;

/**
 * The contract kit alone, through autograd-core's own adapter: the killing tests of the profile's
 * second pitest run, whose kill rate is the kit's (beside gradcheck's in DETECTION.md). Unlike
 * {@code AutogradCoreContractProperties} it adds nothing to the kit: no gradcheck with branch records.
 */
class KitAloneProperties extends AutogradContract<Variable> {

    @Override
    protected AutogradAdapter<Variable> engine() {
        return new AutogradCoreAdapter();
    }
}
