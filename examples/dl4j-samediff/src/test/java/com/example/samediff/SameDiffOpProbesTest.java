package com.example.samediff;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.properties.engine.Unsupported;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every probe of {@link Probes} (the kit's ops in SameDiff) and {@link LayerProbes} (SameDiff's own
 * layers, losses, activations and reductions) passes gradcheck, except those that meet a
 * {@link KnownBug} (skipped here, naming the bug; {@code SameDiffKnownBugsTest} holds them) or that
 * SameDiff declines (skipped, naming the reason). Values from seed {@link Probes#SEED}.
 */
class SameDiffOpProbesTest {

    @TestFactory
    Stream<DynamicTest> kitOpsPassGradcheck() {
        return Probes.all().stream().map(p -> DynamicTest.dynamicTest(p.label(),
                () -> check(p.knownBug(),
                        () -> {
                            p.forward(); // a decline (Unsupported) shows here, before gradcheck records it as a crash
                            return p.gradCheck();
                        })));
    }

    @TestFactory
    Stream<DynamicTest> layersLossesAndReductionsPassGradcheck() {
        return LayerProbes.all().stream().map(p -> DynamicTest.dynamicTest(p.name(),
                () -> check(p.knownBug(), p::gradCheck)));
    }

    private static void check(KnownBug bug, Supplier<GradCheck> check) {
        if (bug != null) {
            throw new TestAbortedException("known SameDiff bug " + bug + ": " + bug.description());
        }
        GradCheckResult result;
        try {
            result = check.get().check();
        } catch (Unsupported declined) {
            throw new TestAbortedException("declined: " + declined.getMessage());
        }
        assertTrue(result.passed(), result::failureMessage);
    }
}
