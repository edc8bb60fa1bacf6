package dev.gradproof.reports.view;

/**
 * One input of a check.
 *
 * @param index           its position in the argument list
 * @param name            its name
 * @param shape           its shape, printed
 * @param excluded        true for data excluded from the check
 * @param elements        its number of elements
 * @param elementsChecked how many were compared
 * @param maxText         the largest relative error over its compared elements, printed
 * @param failed          its FAIL elements
 * @param kinks           its KINK elements
 * @param heatmap         its relative errors as a grid, or null when there is nothing to draw
 */
public record InputView(
        int index,
        String name,
        String shape,
        boolean excluded,
        int elements,
        int elementsChecked,
        String maxText,
        long failed,
        long kinks,
        Heatmap heatmap) {
}
