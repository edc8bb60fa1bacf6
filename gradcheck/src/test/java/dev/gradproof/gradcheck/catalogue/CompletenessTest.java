package dev.gradproof.gradcheck.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No op of autograd-core lands without a spec: the members found by reflection (public ops of
 * {@code Variable}, the losses, the nn types) are each covered by a spec of the catalogue.
 */
class CompletenessTest {

    private static List<OpSpec> without(String... names) {
        Set<String> dropped = Set.of(names);
        return OpCatalogue.specs().stream().filter(s -> !dropped.contains(s.name())).toList();
    }

    @Test
    void everyDifferentiableMemberOfAutogradCoreHasASpec() {
        assertThat(CoreApi.uncovered(OpCatalogue.specs())).isEmpty();
    }

    @Test
    void theTestFailsWhenASpecIsMissing() {
        assertThat(CoreApi.uncovered(without("relu"))).containsExactly("Variable.relu()");
        assertThat(CoreApi.uncovered(without("addConstant"))).containsExactly("Variable.add(double)");
        assertThat(CoreApi.uncovered(without("svmHinge"))).containsExactly("Losses.svmHinge(Variable, int[])");
        assertThat(CoreApi.uncovered(without("nn.Network"))).contains("nn.Network", "nn.Layer",
                "nn.Activation.MAXOUT", "nn.Loss.SVM_HINGE").doesNotContain("nn.Linear");
        assertThat(CoreApi.uncovered(List.of())).isEqualTo(CoreApi.members());
    }

    @Test
    void overloadsAreDistinctMembersAndAccessorsAndFactoriesAreNotOps() {
        assertThat(CoreApi.members()).contains("Variable.add(Variable)", "Variable.add(double)",
                "Variable.mul(Variable)", "Variable.mul(double)", "Variable.sum()", "Variable.sum(int, boolean)",
                "Variable.reshape(int[])", "Variable.reshape(Shape)", "Variable.leakyRelu()",
                "Variable.leakyRelu(double)", "Variable.elu()", "Variable.elu(double)",
                "Losses.softmaxCrossEntropy(Variable, int[])", "Losses.l2(double, Variable[])",
                "nn.Linear", "nn.Network", "nn.Activation.RELU", "nn.Loss.SUM_SQUARED_ERROR");
        assertThat(CoreApi.members()).doesNotContain("Variable.detach()", "Variable.leaf(Tensor)",
                "Variable.constant(double)", "Variable.grad()", "nn.Parameter", "nn.GradientDescent");
    }

    @Test
    void everyNonOpIsStillFoundSoThatTheListCannotGoStale() {
        for (String member : CoreApi.NOT_OPS.keySet()) {
            assertThat(CoreApi.reflected().stream().anyMatch(m -> m.equals(member) || m.startsWith(member + ".")))
                    .as(member + " is still found").isTrue();
        }
        assertThat(CoreApi.reflected()).contains("Variable.detach()", "nn.WeightInit.SCALED_NORMAL");
        assertThat(CoreApi.members()).doesNotContain("nn.WeightInit.SCALED_NORMAL");
        CoreApi.NOT_OPS.forEach((member, reason) -> assertThat(reason).as(member).isNotBlank());
    }

    /** Members that two specs cover on purpose, with the reason. */
    private static final java.util.Map<String, String> SHARED = java.util.Map.of("Variable.matmul(Variable)",
            "one method, two ops of the kit: matmul of matrices and batchMatmul of rank-3 batches");

    @Test
    void everySpecCoversRealMembersAndNoMemberTwice() {
        Set<String> seen = new TreeSet<>();
        for (OpSpec spec : OpCatalogue.specs()) {
            assertThat(spec.covers()).as(spec.name() + " covers").isNotEmpty();
            for (String member : spec.covers()) {
                assertThat(CoreApi.members()).as(spec.name() + " covers a member of autograd-core").contains(member);
                assertThat(seen.add(member) || SHARED.containsKey(member)).as(member + " is covered by one spec only").isTrue();
            }
        }
    }

    @Test
    void theNnTypesAreReadFromTheCompiledPackage() {
        assertThat(CoreApi.nnTypes()).extracting(Class::getSimpleName)
                .contains("Linear", "Network", "Layer", "Activation", "Loss", "Parameter", "GradientDescent", "WeightInit")
                .doesNotContain("Builder", "package-info");
    }
}
