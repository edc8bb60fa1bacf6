package dev.gradproof.properties.graph;

import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSpec;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.OpDeclaration.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No op lands unchecked: the kit's vocabulary ({@link Ops}), its declarations, autograd-core's
 * adapter and gradcheck's op catalogue name the same ops by the same identifiers. The catalogue's
 * own completeness test ties it to every public op of autograd-core, so the four are tied together.
 */
class OpVocabularyCompletenessTest {

    @Test
    void everyOpOfTheVocabularyHasExactlyOneDeclarationInOrder() {
        assertThat(OpDeclarations.all().stream().map(OpDeclaration::op).toList()).isEqualTo(Ops.ALL);
    }

    @Test
    void activationsAndLossesAreTheDeclaredRoles() {
        assertThat(names(Role.ACTIVATION)).isEqualTo(Ops.ACTIVATIONS);
        assertThat(names(Role.LOSS)).isEqualTo(Ops.LOSSES);
    }

    @Test
    void autogradCoresAdapterAppliesEveryDeclaredOp() {
        assertThat(new AutogradCoreAdapter().ops()).containsExactlyInAnyOrderElementsOf(Ops.ALL);
    }

    @Test
    void everyOpOfTheKitIsCheckedByTheCatalogueUnderTheSameName() {
        Set<String> catalogue = OpCatalogue.specs().stream().map(OpSpec::name).collect(Collectors.toSet());
        assertThat(catalogue).as("catalogue specs named as the kit's ops").containsAll(Ops.ALL);
    }

    @Test
    void everyKinkOfTheCatalogueIsNamedByOpsOfTheKit() {
        for (OpSpec spec : OpCatalogue.specs()) {
            for (String kinkOp : spec.kinkOps()) {
                for (String op : kinkOp.split("/")) {
                    assertThat(Ops.ALL).as("op " + op + " of kink " + kinkOp + " of " + spec.name()).contains(op);
                }
            }
        }
    }

    @Test
    void anUnknownOpIsRefusedByNameWithTheKnownOnes() {
        assertThat(OpDeclarations.find("matmull")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpDeclarations.of("matmull"))
                .hasMessageStartingWith("unknown op \"matmull\"; known: [add, sub,");
    }

    private static Set<String> names(Role role) {
        List<OpDeclaration> all = OpDeclarations.all();
        return all.stream().filter(d -> d.role() == role).map(OpDeclaration::op).collect(Collectors.toSet());
    }
}
