package com.example.djl;

import ai.djl.ndarray.NDArray;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;

/** DJL's PyTorch engine through the whole contract kit, within what its adapter declares. */
class DjlContractProperties extends AutogradContract<NDArray> {

    @Override
    protected AutogradAdapter<NDArray> engine() {
        return new DjlAdapter();
    }
}
