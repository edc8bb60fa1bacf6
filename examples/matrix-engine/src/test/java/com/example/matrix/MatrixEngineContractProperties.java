package com.example.matrix;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;

/** The 2-D engine through the whole contract kit, within what its adapter declares. */
class MatrixEngineContractProperties extends AutogradContract<MatrixAdapter.Node> {

    @Override
    protected AutogradAdapter<MatrixAdapter.Node> engine() {
        Mat.withSeededBug(false);
        return new MatrixAdapter();
    }
}
