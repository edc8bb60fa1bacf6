package com.example.scalar;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;
import dev.gradproof.properties.scalar.ScalarAdapter;
import dev.gradproof.properties.scalar.ScalarTensor;

/**
 * The scalar engine through the whole contract kit: every rule runs over tensors the kit builds from
 * the engine's scalars; rules that need what the engine lacks are skipped with their reason.
 */
class ScalarEngineContractProperties extends AutogradContract<ScalarTensor<Value>> {

    @Override
    protected AutogradAdapter<ScalarTensor<Value>> engine() {
        return new ScalarAdapter<>(new ValueEngine(Ops.correct()));
    }
}
