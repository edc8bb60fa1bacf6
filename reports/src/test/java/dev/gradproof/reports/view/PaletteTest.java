package dev.gradproof.reports.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The colour stops sit on the notes' bands. */
class PaletteTest {

    @Test
    void theStopsAreTheBandsColours() {
        assertThat(Palette.forRelativeError(1e-7)).isEqualTo("#74c476");
        assertThat(Palette.forRelativeError(1e-4)).isEqualTo("#fed976");
        assertThat(Palette.forRelativeError(1e-2)).isEqualTo("#fd8d3c");
        assertThat(Palette.forRelativeError(1)).isEqualTo("#bd0026");
    }

    @Test
    void zeroAndTinyErrorsArePalestAndLargeOnesDeepest() {
        assertThat(Palette.forRelativeError(0)).isEqualTo("#f0faf0");
        assertThat(Palette.forRelativeError(1e-20)).isEqualTo("#f0faf0");
        assertThat(Palette.forRelativeError(2)).isEqualTo("#bd0026");
        assertThat(Palette.forRelativeError(Double.NaN)).isEqualTo(Palette.NON_FINITE);
        assertThat(Palette.forRelativeError(Double.POSITIVE_INFINITY)).isEqualTo(Palette.NON_FINITE);
    }

    @Test
    void betweenStopsTheColourIsInterpolated() {
        // halfway (on the log scale) between 1e-4 (#fed976) and 1e-2 (#fd8d3c): 1e-3
        String mid = Palette.forRelativeError(1e-3);
        int g = Integer.parseInt(mid.substring(3, 5), 16);
        assertThat(g).isBetween(0x8d, 0xd9).isCloseTo((0x8d + 0xd9) / 2, org.assertj.core.data.Offset.offset(1));
    }
}
