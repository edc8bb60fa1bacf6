package dev.gradproof.properties.kit;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSpec;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.kit.SampleOutcome.Status;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * The op catalogue against an engine, as JUnit tests: extend this class with the same adapter as the
 * contract kit's, and every sample of every catalogue spec whose op the adapter declares runs as one
 * test, grouped by spec ({@link OpCatalogueRun}: forward values, gradcheck, and gradgradcheck where
 * second order is declared). A sample the engine's declaration excludes is skipped with the reason;
 * a sample that meets a declared known fault passes when it fails as declared; the last two tests
 * fail for a declared fault that no longer fails, and print the summary.
 *
 * <pre>{@code
 * class MyEngineCatalogueTest extends OpCatalogueContract<MyNode> {
 *     @Override
 *     protected AutogradAdapter<MyNode> engine() {
 *         return new MyEngineAdapter();
 *     }
 * }
 * }</pre>
 *
 * <p>The seed is {@code -Dgradproof.seed} (default 42): it chooses the samples and every check's
 * random choices, and a failure's message says how to replay it. Results are recorded for the report
 * under the test class, with the spec's name as the op, and one property run per spec
 * ({@code opCatalogue[relu]}) with its samples by outcome, its failures and why samples were not run.
 *
 * @param <V> the engine's node type
 */
public abstract class OpCatalogueContract<V> {

    /** The engine under test, made once per run. */
    protected abstract AutogradAdapter<V> engine();

    /** The catalogue's seed: {@code -Dgradproof.seed}, else {@link GradCheck#DEFAULT_SEED}. */
    protected long seed() {
        return Long.getLong(GradCheck.SEED_PROPERTY, GradCheck.DEFAULT_SEED);
    }

    /** gradcheck's mode for every check; FULL by default (the samples are small). */
    protected Mode mode() {
        return Mode.FULL;
    }

    /** One container per spec, one test per sample, then the known faults and the summary. */
    @TestFactory
    public Stream<DynamicNode> opCatalogue() {
        OpCatalogueRun<V> run = new OpCatalogueRun<>(engine(), seed(), mode(), getClass());
        Stream<DynamicNode> specs = OpCatalogue.specs().stream().map(spec -> container(run, spec));
        return Stream.concat(specs, Stream.of(
                DynamicTest.dynamicTest("declared known faults still fail", () -> {
                    if (!run.knownFaultsThatNoLongerFail().isEmpty()) {
                        throw new AssertionError(String.join("\n", run.knownFaultsThatNoLongerFail()));
                    }
                }),
                DynamicTest.dynamicTest("summary", () -> {
                    System.out.println(run.summary());
                    run.record();
                })));
    }

    private DynamicContainer container(OpCatalogueRun<V> run, OpSpec spec) {
        return DynamicContainer.dynamicContainer(spec.name(), spec.samples(run.seed()).stream()
                .map(sample -> DynamicTest.dynamicTest(sample.label(), () -> {
                    SampleOutcome outcome = run.run(spec, sample);
                    if (outcome.status() == Status.NOT_SUPPORTED) {
                        Assumptions.abort("not supported by " + run.engine().name() + ": " + outcome.detail());
                    }
                    if (outcome.status() == Status.FAILED) {
                        throw new AssertionError(outcome.detail());
                    }
                })));
    }
}
