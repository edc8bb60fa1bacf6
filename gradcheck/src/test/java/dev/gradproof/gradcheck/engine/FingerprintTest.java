package dev.gradproof.gradcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** A fingerprint tells arrays apart bit for bit, without a copy: any write, swap or resize changes it. */
class FingerprintTest {

    private static final double[] VALUES = {0.5, -1.25, 3.0, 1e-300, 7.0};

    @Test
    void equalArraysHaveEqualFingerprints() {
        assertThat(Fingerprint.of(VALUES.clone())).isEqualTo(Fingerprint.of(VALUES));
        assertThat(Fingerprint.of(new double[][] {VALUES, null})).containsExactly(Fingerprint.of(VALUES), 0L);
    }

    @Test
    void anyChangeOfBitsOrderOrLengthChangesTheFingerprint() {
        long original = Fingerprint.of(VALUES);
        for (int k = 0; k < VALUES.length; k++) {
            double[] changed = VALUES.clone();
            changed[k] = Math.nextUp(changed[k]);   // the smallest change a write can make
            assertThat(Fingerprint.of(changed)).as("element %d one ulp up", k).isNotEqualTo(original);
        }
        double[] swapped = VALUES.clone();
        swapped[0] = VALUES[1];
        swapped[1] = VALUES[0];
        assertThat(Fingerprint.of(swapped)).isNotEqualTo(original);
        assertThat(Fingerprint.of(Arrays.copyOf(VALUES, 6))).isNotEqualTo(original);
        assertThat(Fingerprint.of(new double[] {0.0})).isNotEqualTo(Fingerprint.of(new double[] {-0.0}));
        assertThat(Fingerprint.of(new double[] {Double.NaN}))
                .isNotEqualTo(Fingerprint.of(new double[] {Double.longBitsToDouble(0x7ff8000000000001L)}));
    }
}
