package com.example.djl;

import ai.djl.ndarray.NDArray;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.OpCatalogueContract;

/** gradproof's op catalogue against DJL's PyTorch engine: every sample of every op the adapter declares. */
class DjlCatalogueTest extends OpCatalogueContract<NDArray> {

    @Override
    protected AutogradAdapter<NDArray> engine() {
        return new DjlAdapter();
    }
}
