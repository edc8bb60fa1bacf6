package dev.gradproof.reports.view;

import dev.gradproof.gradcheck.model.ErrorStatistics;
import dev.gradproof.gradcheck.model.InputResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid of an input's relative errors: layout, colours, outlines, blocks. */
class HeatmapsTest {

    private static InputResult input(List<Integer> shape, String verdicts, Double... errors) {
        int n = verdicts.length();
        return new InputResult(0, "w", shape, false, n, (int) verdicts.chars().filter(c -> c != '.').count(),
                Arrays.asList(errors), verdicts, List.of(), ErrorStatistics.empty());
    }

    @Test
    void aMatrixIsDrawnAsItIsWithOneCellPerElement() {
        Heatmap h = Heatmaps.of(input(List.of(2, 3), "PPFKP.", 1e-10, 1e-7, 0.5, 0.9, 0.0, null)).orElseThrow();

        assertThat(h.rows()).isEqualTo(2);
        assertThat(h.columns()).isEqualTo(3);
        assertThat(h.blockRows()).isEqualTo(1);
        assertThat(h.layout()).isEqualTo("[2, 3]: 2 rows × 3 columns");
        assertThat(h.cells()).extracting(Heatmap.Cell::fill).containsExactly(
                Palette.forRelativeError(1e-10), Palette.forRelativeError(1e-7), Palette.forRelativeError(0.5),
                Palette.KINK, Palette.forRelativeError(0), Palette.UNCHECKED);
        assertThat(h.cells()).extracting(Heatmap.Cell::fail).containsExactly(false, false, true, false, false, false);
        assertThat(h.cells()).extracting(Heatmap.Cell::title).containsExactly(
                "[0, 0]: rel 1.0e-10 PASS", "[0, 1]: rel 1.0e-7 PASS", "[0, 2]: rel 5.0e-1 FAIL", "[1, 0]: KINK",
                "[1, 1]: rel 0 PASS", "[1, 2]: not checked");
        Heatmap.Cell last = h.cells().get(5);
        assertThat(last.x()).isEqualTo(2 * h.cell());
        assertThat(last.y()).isEqualTo(h.cell());
        assertThat(h.width()).isEqualTo(3 * h.cell());
    }

    @Test
    void aVectorIsOneRowAndATensorFoldsItsLeadingDimensionsIntoRows() {
        Heatmap vector = Heatmaps.of(input(List.of(5), "PPPPP", 0.0, 0.0, 0.0, 0.0, 0.0)).orElseThrow();
        assertThat(vector.rows()).isEqualTo(1);
        assertThat(vector.columns()).isEqualTo(5);
        assertThat(vector.layout()).isEqualTo("[5] as one row");

        String verdicts = "P".repeat(24);
        Heatmap tensor = Heatmaps.of(input(List.of(2, 3, 4), verdicts, Collections.nCopies(24, 1e-9).toArray(Double[]::new)))
                .orElseThrow();
        assertThat(tensor.rows()).isEqualTo(6);
        assertThat(tensor.columns()).isEqualTo(4);
        assertThat(tensor.cells().get(23).title()).isEqualTo("[1, 2, 3]: rel 1.0e-9 PASS");
    }

    @Test
    void aLargeInputIsDrawnInBlocksThatKeepTheOneWrongElementVisible() {
        int n = 100;
        StringBuilder verdicts = new StringBuilder("P".repeat(n * n));
        List<Double> errors = new ArrayList<>(Collections.nCopies(n * n, 1e-11));
        int wrong = 37 * n + 81;
        verdicts.setCharAt(wrong, 'F');
        errors.set(wrong, 0.25);

        Heatmap h = Heatmaps.of(input(List.of(n, n), verdicts.toString(), errors.toArray(Double[]::new))).orElseThrow();

        // ceil(100 / 48) = 3 elements per cell each way, ceil(100 / 3) = 34 cells each way
        assertThat(h.blockRows()).isEqualTo(3);
        assertThat(h.blockColumns()).isEqualTo(3);
        assertThat(h.cells()).hasSize(34 * 34);
        assertThat(h.layout()).endsWith("; each cell the worst of a 3 × 3 block");
        Heatmap.Cell cell = h.cells().get(12 * 34 + 27);
        assertThat(cell.fail()).isTrue();
        assertThat(cell.fill()).isEqualTo(Palette.forRelativeError(0.25));
        assertThat(cell.title()).isEqualTo("rows 36–38, columns 81–83 (9 elements): max rel 2.5e-1, 9 checked, 1 FAIL");
        assertThat(h.cells()).filteredOn(Heatmap.Cell::fail).hasSize(1);
        // the last cells hold the one row and column left over
        assertThat(h.cells().get(34 * 34 - 1).title()).startsWith("[99, 99]: ");
    }

    @Test
    void nothingIsDrawnForAScalarOrAnInputWithNothingChecked() {
        assertThat(Heatmaps.of(input(List.of(), "P", 0.0))).isEmpty();
        assertThat(Heatmaps.of(input(List.of(3), "...", null, null, null))).isEmpty();
        assertThat(Heatmaps.of(input(List.of(0, 3), ""))).isEmpty();
    }

    @Test
    void multiIndexIsRowMajor() {
        assertThat(Heatmaps.multiIndex(List.of(2, 3, 4), 0)).containsExactly(0, 0, 0);
        assertThat(Heatmaps.multiIndex(List.of(2, 3, 4), 13)).containsExactly(1, 0, 1);
        assertThat(Heatmaps.multiIndex(List.of(2, 3, 4), 23)).containsExactly(1, 2, 3);
    }
}
