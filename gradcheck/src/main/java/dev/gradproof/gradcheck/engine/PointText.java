package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.InputResult;

import java.util.Arrays;
import java.util.List;

/** How messages name inputs and elements: {@code input 0 "w1" [2, 3] at [1, 2]}. */
final class PointText {

    private PointText() {
    }

    static String input(List<Input> inputs, int i) {
        Input in = inputs.get(i);
        return InputResult.describe(i, in.name(), in.shapeText());
    }

    static String element(List<Input> inputs, int i, int k) {
        return input(inputs, i) + " at " + Arrays.toString(inputs.get(i).index(k));
    }

    static String offset(int o) {
        return (o > 0 ? "+" : "-") + (Math.abs(o) == 1 ? "" : Math.abs(o)) + "h";
    }
}
