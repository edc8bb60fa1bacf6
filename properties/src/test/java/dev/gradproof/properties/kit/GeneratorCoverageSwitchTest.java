package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Variable;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -Dgradproof.kit.generatorCoverage=false} skips the two rules that measure the generators (KIT-801,
 * KIT-802), naming the switch, and leaves every rule that checks the engine running, KIT-402 without its share
 * of identities: at 20 tries, where a share falls short by chance, nothing fails.
 */
class GeneratorCoverageSwitchTest {

    /** The kit against autograd-core, as its own contract class for this run. */
    static class CoreContract extends AutogradContract<Variable> {
        @Override
        protected AutogradAdapter<Variable> engine() {
            return new AutogradCoreAdapter();
        }
    }

    @Test
    void switchedOffTheGeneratorRulesAreSkippedAndTheEngineRulesRun() {
        String previous = System.getProperty(GeneratorCoverageHook.PROPERTY);
        System.setProperty(GeneratorCoverageHook.PROPERTY, "false");
        KitRun run;
        try {
            run = KitRun.of(CoreContract.class, 20);
        } finally {
            if (previous == null) {
                System.clearProperty(GeneratorCoverageHook.PROPERTY);
            } else {
                System.setProperty(GeneratorCoverageHook.PROPERTY, previous);
            }
        }
        assertThat(run.skipped()).containsOnlyKeys("everyDeclaredOpOccursInTheGeneratedGraphs",
                "everyActivationAndLossOccursInTheGeneratedNetworks");
        assertThat(run.skipped().values()).allSatisfy(reason ->
                assertThat(reason).matches("KIT-80[12] switched off: -Dgradproof.kit.generatorCoverage=false .*"));
        assertThat(run.failures()).as("failures at 20 tries with the generator coverage off").isEmpty();
        assertThat(run.passed()).contains("twoGraphsOfOneFunctionHaveOneGradient", "forksAccumulateTheBranchGradients");
    }
}
