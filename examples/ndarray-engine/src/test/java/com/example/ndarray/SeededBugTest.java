package com.example.ndarray;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;
import dev.gradproof.properties.kit.KitRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kit finds the seeded bug (d(a / b)/db = -a / b instead of -a / b^2) and shrinks it to a few nodes. */
class SeededBugTest {

    /** The contract against the engine with the seeded bug; run here, not on its own. */
    static class WithSeededBug extends AutogradContract<Nd> {
        @Override
        protected AutogradAdapter<Nd> engine() {
            Nd.withSeededBug(true);
            return new NdAdapter();
        }

        @Override
        protected boolean failuresExpected() {
            return true;
        }
    }

    @AfterEach
    void switchTheBugOff() {
        Nd.withSeededBug(false);
    }

    @Test
    void aWrongQuotientGradientIsFoundAndShrunk() {
        KitRun run = KitRun.of(WithSeededBug.class);
        run.assertFoundAndShrunk("graphsAndNetworksPassGradcheck", 12, "gradcheck");
    }
}
