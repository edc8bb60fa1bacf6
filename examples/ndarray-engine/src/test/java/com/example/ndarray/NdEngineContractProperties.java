package com.example.ndarray;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;

/** The N-d engine through the whole contract kit, within what its adapter declares. */
class NdEngineContractProperties extends AutogradContract<Nd> {

    @Override
    protected AutogradAdapter<Nd> engine() {
        Nd.withSeededBug(false);
        return new NdAdapter();
    }
}
