package dev.gradproof.properties.engine;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapabilitiesTest {

    @Test
    void theDefaultsAreThoseOfANumpyStyleFloat64Engine() {
        Capabilities c = Capabilities.numpyStyle();
        assertThat(c.maxRank()).isEqualTo(4);
        assertThat(c.broadcasting()).isEqualTo(Capabilities.Broadcasting.NUMPY);
        assertThat(c.zeroSizeDims()).isTrue();
        assertThat(c.upstream()).isTrue();
        assertThat(c.repeatedBackward()).isEqualTo(Capabilities.RepeatedBackward.ACCUMULATE);
        assertThat(c.determinismTolerance()).isZero();
        assertThat(c.roundoffScale()).isEqualTo(1.0);
        assertThat(c.parameters(Ops.LEAKY_RELU, new double[] {0.01, 0.2})).containsExactly(0.01, 0.2);
    }

    @Test
    void aDeclaredDomainReplacesTheKitsValuesAndFloatParametersAreTheFloatsTheEngineHolds() {
        Capabilities c = Capabilities.numpyStyle().withParameterDomain(Ops.LEAKY_RELU, 0.09)
                .withParameterPrecision(Capabilities.Precision.FLOAT32);
        double slope = c.parameters(Ops.LEAKY_RELU, new double[] {0.01})[0];
        assertThat(slope).isEqualTo((double) 0.09f).isNotEqualTo(0.09);
        assertThat(c.parameters(Ops.ELU, new double[] {0.5})).containsExactly(0.5);
    }

    @Test
    void float32WidensTheBoundsByTheRatioOfUnitRoundoffs() {
        assertThat(Capabilities.numpyStyle().withPrecision(Capabilities.Precision.FLOAT32).roundoffScale())
                .isEqualTo(0x1p29);
    }

    @Test
    void badDeclarationsNameTheArgument() {
        assertThatThrownBy(() -> Capabilities.numpyStyle().withMaxRank(-1))
                .hasMessage("maxRank: must be at least 0, got -1");
        assertThatThrownBy(() -> Capabilities.numpyStyle().withDeterminismTolerance(Double.NaN))
                .hasMessage("determinismTolerance: must be at least 0, got NaN");
        assertThatThrownBy(() -> Capabilities.numpyStyle().withParameterDomain("leaky", 0.1))
                .hasMessageStartingWith("parameterDomains: unknown op \"leaky\"");
        assertThatThrownBy(() -> Capabilities.numpyStyle().withParameterDomain(Ops.ELU))
                .hasMessage("parameterDomains: the domain of elu is empty");
        assertThatThrownBy(() -> new KnownFault("mmul", "x", (call, shapes) -> true))
                .hasMessageStartingWith("KnownFault: unknown op \"mmul\"");
    }
}
