package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.generators.NetworkSpec;
import dev.gradproof.properties.graph.Evaluation;
import dev.gradproof.properties.graph.GraphSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.List;
import java.util.Set;

/**
 * The rules of coverage: the generators reach every declared op, activation and loss (KIT-8xx).
 *
 * @param <V> the engine's node type
 */
public abstract class CoverageRules<V> extends SecondOrderAndDeterminismRules<V> {

    // ================================================================== coverage

    /** Every op the engine declares occurs in at least {@value #MIN_OP_COVERAGE_PERCENT} % of generated graphs. */
    @Verifies(Rule.KIT_801)
    @GeneratorCoverage
    @Property(generation = GenerationMode.RANDOMIZED, tries = COVERAGE_TRIES) // a share of random tries
    @StatisticsReport(label = "ops", format = OpCoverageReport.class)
    public void everyDeclaredOpOccursInTheGeneratedGraphs(@ForAll("graphs") GraphSpec graph) {
        if (!graph.outputShape().isScalar()) {
            throw Check.failure("generated graphs end in a scalar", "output shape " + graph.outputShape(), graph);
        }
        Statistics.label("ops").collect(graph.opNames());
        List<String> generated = graphArbitrary().allowedOps().stream().filter(this::generable).toList();
        double least = MIN_OP_COVERAGE_PERCENT * Math.min(1.0, (double) OPS_AT_FULL_COVERAGE / generated.size());
        Statistics.label("ops").coverage(coverage -> {
            for (String op : generated) {
                coverage.checkQuery(values -> ((Set<?>) values.get(0)).contains(op))
                        .percentage(atLeast("op " + op, least));
            }
        });
    }

    /** Every declared activation and loss, with and without L2, and every depth occur in the generated networks. */
    @Verifies(Rule.KIT_802)
    @GeneratorCoverage
    @Property(generation = GenerationMode.RANDOMIZED) // coverage is a share of random tries
    @Requires(networks = true)
    @StatisticsReport(label = "activations", format = OpCoverageReport.class)
    public void everyActivationAndLossOccursInTheGeneratedNetworks(@ForAll("networks") NetworkSpec network) {
        GraphSpec graph = runnable(network.graph());
        Evaluation<V> run = graph.evaluate(adapter()).backward();
        Check.finite("networks have a finite loss", "the loss", run.outputValue(), network);
        Statistics.label("activations").collect(Set.copyOf(network.activations()));
        Statistics.label("loss").collect(network.loss());
        Statistics.label("l2").collect(network.lambda() > 0 ? "with l2" : "without l2");
        Statistics.label("depth").collect(network.depth());
        Statistics.label("activations").coverage(coverage -> {
            for (String act : Ops.ACTIVATIONS) {
                if (ops().contains(act)) {
                    coverage.checkQuery(values -> ((Set<?>) values.get(0)).contains(act))
                            .percentage(atLeast("activation " + act, MIN_OP_COVERAGE_PERCENT));
                }
            }
        });
        // each of n declared losses is drawn in 1/n of the networks; asking for 30/n % (at most 10 %)
        // keeps the check well below that share at 100 tries for any n
        long declaredLosses = Ops.LOSSES.stream().filter(ops()::contains).count();
        double leastLoss = Math.min(10, 30.0 / Math.max(1, declaredLosses));
        Statistics.label("loss").coverage(coverage -> {
            for (String loss : Ops.LOSSES) {
                if (ops().contains(loss)) {
                    coverage.check(loss).percentage(atLeast("loss " + loss, leastLoss));
                }
            }
        });
        if (ops().contains(Ops.L2)) {
            Statistics.label("l2").coverage(coverage -> {
                coverage.check("with l2").percentage(atLeast("networks with l2", 10));
                coverage.check("without l2").percentage(atLeast("networks without l2", 10));
            });
        }
        Statistics.label("depth").coverage(coverage -> {
            for (int depth = 1; depth <= 4; depth++) {
                int d = depth;
                coverage.check(d).percentage(atLeast("depth " + d, 5));
            }
        });
    }
}
