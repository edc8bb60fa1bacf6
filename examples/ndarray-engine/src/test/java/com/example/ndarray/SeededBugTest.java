package com.example.ndarray;

import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSample;
import dev.gradproof.gradcheck.catalogue.OpSpec;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.AutogradContract;
import dev.gradproof.properties.kit.KitRun;
import dev.gradproof.properties.kit.OpCatalogueRun;
import dev.gradproof.properties.kit.SampleOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit finds the seeded bug (d(a / b)/db = -a / b instead of -a / b^2) and shrinks it to a few
 * nodes; the op catalogue finds it in the div samples.
 */
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

    /** Every sample of the catalogue's div that the engine takes fails, naming the op and b's gradient. */
    @Test
    @Tag("expected-failure")
    void theCatalogueFindsTheWrongQuotientGradientInEveryDivSample() {
        Nd.withSeededBug(true);
        OpCatalogueRun<Nd> run = new OpCatalogueRun<>(new NdAdapter(), 42,
                dev.gradproof.gradcheck.model.Mode.FULL, SeededBugTest.class);
        OpSpec div = OpCatalogue.spec("div").orElseThrow();
        for (OpSample sample : div.samples(42)) {
            run.run(div, sample);
        }
        List<SampleOutcome> failures = run.failures();
        assertFalse(failures.isEmpty(), run.summary());
        for (SampleOutcome failure : failures) {
            assertEquals("div", failure.spec());
            assertTrue(failure.detail().contains("GRADCHECK FAILED"), failure.detail());
            assertTrue(failure.detail().contains("replay: run com.example.ndarray.SeededBugTest with -Dgradproof.seed=42"),
                    failure.detail());
        }
        // every sample the engine takes: same-shape pairs in every rank, magnitudes, and the fork x / x
        assertEquals(0, run.withStatus(SampleOutcome.Status.PASSED).size(), run.summary());
        assertTrue(failures.size() >= 6, run.summary());
    }
}
