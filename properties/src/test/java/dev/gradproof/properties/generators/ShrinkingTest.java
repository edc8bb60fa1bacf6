package dev.gradproof.properties.generators;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.GraphSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.Arrays;
import dev.gradproof.gradcheck.model.TestContext;
import net.jqwik.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * Every generator shrinks a counterexample to a small one: properties that fail as soon as a graph
 * contains an op, a network uses a loss, or a tensor holds a large value are run with jqwik
 * (through EngineTestKit) and their shrunk samples inspected.
 */
class ShrinkingTest {

    /** Deliberately false properties, run only from the tests below. */
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    static class Falsified {

        @Property
        boolean noGraphDividesByALog(@ForAll GraphSpec graph) {
            return !(graph.opNames().contains(Ops.LOG) && graph.opNames().contains(Ops.DIV));
        }

        @Property
        boolean noNetworkUsesTheHingeLoss(@ForAll NetworkSpec network) {
            return !network.loss().equals(Ops.SVM_HINGE);
        }

        @Property
        boolean noTensorHoldsAValueOfTwoOrMore(@ForAll Tensor tensor) {
            return Arrays.stream(tensor.toArray()).allMatch(v -> v < 2);
        }
    }

    private static String shrunkSample(String property) {
        EngineExecutionResults results = EngineTestKit.engine("jqwik")
                .selectors(selectMethod(Falsified.class, property, property.startsWith("noGraph") ? GraphSpec.class.getName()
                        : property.startsWith("noNetwork") ? NetworkSpec.class.getName() : Tensor.class.getName()))
                .configurationParameter("jqwik.tries.default", "1000")
                .configurationParameter("jqwik.database", "")
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .execute();
        assertThat(results.testEvents().failed().count()).as(property + " is falsified").isEqualTo(1);
        String report = results.allEvents().reportingEntryPublished().stream()
                .flatMap(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().values().stream())
                .filter(text -> text.contains("Shrunk Sample")).findFirst().orElseThrow();
        String sample = report.substring(report.indexOf("Shrunk Sample"), report.indexOf("Original Sample"));
        String shrunk = sample.substring(sample.indexOf("arg0:") + "arg0:".length()).trim();
        System.out.println(property + " shrunk to: " + shrunk + "\n" + report.lines()
                .filter(line -> line.startsWith("seed")).findFirst().orElse(""));
        return shrunk;
    }

    @Test
    void aGraphShrinksToItsFewestNodes() {
        // the fewest: a leaf guarded for log (x^2 + c), its log, and a division by it
        String graph = shrunkSample("noGraphDividesByALog");
        assertThat(graph).contains("log(").contains(" / ");
        assertThat(graph.split("x\\d+\\[").length - 1).as("leaf occurrences in " + graph).isLessThanOrEqualTo(3);
        assertThat(graph).doesNotContain("[1,").doesNotContain("[2").as("leaves shrink to scalars");
    }

    @Test
    void aNetworkShrinksToOneLayerOfWidthOne() {
        String network = shrunkSample("noNetworkUsesTheHingeLoss");
        assertThat(network).startsWith("1 -> 1, svmHinge, batch 1:").doesNotContain("l2");
    }

    @Test
    void aTensorShrinksToTheSmallestFailingScalar() {
        assertThat(shrunkSample("noTensorHoldsAValueOfTwoOrMore")).isEqualTo("2.0");
    }
}
