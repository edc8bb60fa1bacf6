package dev.gradproof.reports.view;

import dev.gradproof.autograd.Shape;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.gradcheck.model.Verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Lays out the per-element relative errors of an input as a {@link Heatmap}. */
public final class Heatmaps {

    /** The most cells drawn along a side; larger inputs are drawn in blocks. */
    static final int MAX_SIDE = 48;
    private static final int MAX_WIDTH = 480;
    private static final int MAX_CELL = 22;
    private static final int MIN_CELL = 6;

    private Heatmaps() {
    }

    /** The heatmap of an input, or empty when it has fewer than two elements or none was checked. */
    public static Optional<Heatmap> of(InputResult input) {
        if (input.elements() < 2 || input.verdicts().chars().allMatch(c -> c == Verdict.UNCHECKED)) {
            return Optional.empty();
        }
        List<Integer> shape = input.shape();
        int columns = shape.get(shape.size() - 1);
        int rows = input.elements() / columns;
        int blockRows = (rows + MAX_SIDE - 1) / MAX_SIDE;
        int blockColumns = (columns + MAX_SIDE - 1) / MAX_SIDE;
        int cellRows = (rows + blockRows - 1) / blockRows;
        int cellColumns = (columns + blockColumns - 1) / blockColumns;
        int cell = Math.max(MIN_CELL, Math.min(MAX_CELL, MAX_WIDTH / cellColumns));

        List<Heatmap.Cell> cells = new ArrayList<>(cellRows * cellColumns);
        for (int cr = 0; cr < cellRows; cr++) {
            for (int cc = 0; cc < cellColumns; cc++) {
                cells.add(cell(input, rows, columns, cr * blockRows, cc * blockColumns, blockRows, blockColumns,
                        cc * cell, cr * cell));
            }
        }
        return Optional.of(new Heatmap(rows, columns, blockRows, blockColumns, cell, cellColumns * cell,
                cellRows * cell, cells, layout(shape, rows, columns, blockRows, blockColumns)));
    }

    private static Heatmap.Cell cell(InputResult input, int rows, int columns, int row0, int column0, int blockRows,
                                     int blockColumns, int x, int y) {
        int row1 = Math.min(rows, row0 + blockRows);
        int column1 = Math.min(columns, column0 + blockColumns);
        double worstError = 0;
        int worstFlat = -1;
        int failed = 0;
        int kinks = 0;
        int checked = 0;
        for (int r = row0; r < row1; r++) {
            for (int c = column0; c < column1; c++) {
                int flat = r * columns + c;
                Verdict v = input.verdictAt(flat);
                if (v == null) {
                    continue;
                }
                checked++;
                if (v == Verdict.KINK) {
                    kinks++;
                    continue;
                }
                failed += v == Verdict.FAIL ? 1 : 0;
                double e = relativeError(input, flat);
                if (worstFlat < 0 || !(e <= worstError)) {
                    worstError = e;
                    worstFlat = flat;
                }
            }
        }
        int size = (row1 - row0) * (column1 - column0);
        boolean single = size == 1;
        String where = single ? String.valueOf(multiIndex(input.shape(), row0 * columns + column0))
                : "rows " + row0 + "–" + (row1 - 1) + ", columns " + column0 + "–" + (column1 - 1) + " (" + size
                        + " elements)";
        String fill;
        StringBuilder title = new StringBuilder(where).append(": ");
        if (checked == 0) {
            fill = Palette.UNCHECKED;
            title.append("not checked");
        } else if (worstFlat < 0) {
            fill = Palette.KINK;
            title.append(single ? "KINK" : kinks + " KINK");
        } else {
            fill = Palette.forRelativeError(worstError);
            title.append(single ? "" : "max ").append("rel ").append(Numbers.sci(worstError, 2));
            if (single) {
                title.append(' ').append(input.verdictAt(worstFlat));
            } else {
                title.append(", ").append(checked).append(" checked");
                if (failed > 0) {
                    title.append(", ").append(failed).append(" FAIL");
                }
                if (kinks > 0) {
                    title.append(", ").append(kinks).append(" KINK");
                }
            }
        }
        return new Heatmap.Cell(x, y, fill, failed > 0, title.toString());
    }

    private static double relativeError(InputResult input, int flat) {
        Double e = input.relativeErrors().get(flat);
        return e == null ? Double.NaN : e;
    }

    /** The multi-index of a row-major offset in a shape ({@link Shape#index(int)}). */
    static List<Integer> multiIndex(List<Integer> shape, int flat) {
        int[] index = Shape.of(shape.stream().mapToInt(Integer::intValue).toArray()).index(flat);
        return Arrays.stream(index).boxed().toList();
    }

    private static String layout(List<Integer> shape, int rows, int columns, int blockRows, int blockColumns) {
        String how;
        if (shape.size() == 1) {
            how = shape + " as one row";
        } else if (shape.size() == 2) {
            how = shape + ": " + rows + " rows × " + columns + " columns";
        } else {
            how = shape + " as " + rows + " rows (the leading dimensions folded) × " + columns + " columns";
        }
        if (blockRows > 1 || blockColumns > 1) {
            how += "; each cell the worst of a " + blockRows + " × " + blockColumns + " block";
        }
        return how;
    }
}
