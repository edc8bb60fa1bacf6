package dev.gradproof.reports.view;

import java.util.List;

/**
 * The relative errors of one input drawn as a grid of coloured cells, for an inline SVG. A matrix
 * is drawn as it is; a vector as one row; a tensor of rank 3 or more with its leading dimensions
 * folded into rows. A large input is drawn in blocks, each cell showing its block's largest
 * relative error and worst verdict.
 *
 * @param rows      rows of the drawn layout (elements)
 * @param columns   columns of the drawn layout (elements)
 * @param blockRows elements per cell, vertically
 * @param blockColumns elements per cell, horizontally
 * @param cell      the side of a cell in pixels
 * @param width     the drawing's width
 * @param height    its height
 * @param cells     the cells
 * @param layout    how the input was laid out, in words
 */
public record Heatmap(
        int rows,
        int columns,
        int blockRows,
        int blockColumns,
        int cell,
        int width,
        int height,
        List<Cell> cells,
        String layout) {

    /**
     * One cell.
     *
     * @param x     left, in pixels
     * @param y     top
     * @param fill  colour: the relative error's, the kink colour, or the unchecked grey
     * @param fail  true when the cell holds a FAIL (drawn with an outline)
     * @param title tooltip: index, relative error, verdict
     */
    public record Cell(int x, int y, String fill, boolean fail, String title) {
    }
}
