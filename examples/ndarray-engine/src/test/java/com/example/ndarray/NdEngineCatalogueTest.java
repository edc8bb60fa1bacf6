package com.example.ndarray;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.OpCatalogueContract;

/**
 * gradproof's op catalogue against the N-d engine, through the same adapter as the kit's run: every
 * sample of an op it declares, within what it declares (no broadcasting, backward from a scalar).
 */
class NdEngineCatalogueTest extends OpCatalogueContract<Nd> {

    @Override
    protected AutogradAdapter<Nd> engine() {
        Nd.withSeededBug(false);
        return new NdAdapter();
    }
}
