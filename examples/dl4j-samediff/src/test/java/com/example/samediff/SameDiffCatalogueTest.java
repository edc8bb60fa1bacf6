package com.example.samediff;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.OpCatalogueContract;

/**
 * gradproof's op catalogue against SameDiff, through the same adapter as the kit's run: every sample
 * of every op it declares (shapes, magnitudes, points at and near kinks, tricky samples), forward
 * values against the catalogue's and gradcheck of SameDiff's gradients. Samples that meet a
 * {@link KnownBug} are expected failures; a declared bug no sample fails any more fails the run.
 */
class SameDiffCatalogueTest extends OpCatalogueContract<SdNode> {

    @Override
    protected AutogradAdapter<SdNode> engine() {
        return new SameDiffAdapter(KnownBug.Run.CATALOGUE);
    }
}
