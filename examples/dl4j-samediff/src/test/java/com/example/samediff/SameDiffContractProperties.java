package com.example.samediff;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;

/**
 * SameDiff through the whole contract kit, within what its adapter declares, its known bugs
 * declared as known faults.
 */
class SameDiffContractProperties extends AutogradContract<SdNode> {

    /**
     * KIT-902 runs at 12 levels here, not the kit's 100,000 ({@code -Dgradproof.kit.depth} still
     * overrides it): SameDiff's backward takes time exponential in the depth of a diamond
     * {@code h = (h + h) - h} (measured through this adapter: 0.4 s at 8 levels, 1.6 s at 14, and
     * 16 to 24 levels not done within 400 s; the kit's run at 1,000 levels did not end), and
     * quadratic in a chain's (12 s at 1,000 ops, 146 s at 5,000). README.md lists it.
     */
    static final int DEPTH = 12;

    @Override
    protected AutogradAdapter<SdNode> engine() {
        return new SameDiffAdapter(KnownBug.Run.KIT);
    }

    @Override
    protected int deepGraphDepth() {
        return Integer.getInteger("gradproof.kit.depth", DEPTH);
    }
}
