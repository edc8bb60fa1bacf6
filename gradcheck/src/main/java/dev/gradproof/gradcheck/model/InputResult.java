package dev.gradproof.gradcheck.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a check found for one input.
 *
 * <p>Every element's relative error and verdict are kept compactly (enough for a heatmap), and
 * full {@link ElementRecord}s for every element that is not a PASS and for the worst of the rest.
 *
 * @param index           the input's position in the function's argument list
 * @param name            its name
 * @param shape           its shape
 * @param excluded        true for data excluded from the check (such as {@code x} or labels)
 * @param elements        its number of elements
 * @param elementsChecked how many were compared (all in FULL mode, {@code k} in SAMPLED, none in FAST,
 *                        where directions are compared instead)
 * @param relativeErrors  per element in row-major order, the relative error, or null where unchecked
 * @param verdicts        per element one character: {@code P}, {@code F}, {@code K}, or {@code .} unchecked
 * @param records         full records: every FAIL and KINK, and the worst passing elements
 * @param statistics      statistics over the compared elements of this input
 */
public record InputResult(
        int index,
        String name,
        List<Integer> shape,
        boolean excluded,
        int elements,
        int elementsChecked,
        List<Double> relativeErrors,
        String verdicts,
        List<ElementRecord> records,
        ErrorStatistics statistics) {

    /** Copies the lists (the relative errors may hold nulls). */
    public InputResult {
        shape = List.copyOf(shape);
        relativeErrors = Collections.unmodifiableList(new ArrayList<>(relativeErrors));
        records = List.copyOf(records);
    }

    /** The verdict of the element at a row-major offset, or null if it was not checked. */
    public Verdict verdictAt(int flatIndex) {
        return Verdict.ofCode(verdicts.charAt(flatIndex));
    }

    /** The full record of an element, if one was kept. */
    public java.util.Optional<ElementRecord> recordAt(List<Integer> elementIndex) {
        return records.stream().filter(r -> r.index().equals(elementIndex)).findFirst();
    }

    /** The shape printed as in messages: {@code [2, 3]}. */
    public String shapeText() {
        return shape.toString();
    }

    /** How messages name this input: {@code input 0 "w1" [2, 3]}. */
    public String describe() {
        return describe(index, name, shapeText());
    }

    /** How messages name an input: {@code input 0 "w1" [2, 3]}; the one spelling for results and the engine. */
    public static String describe(int index, String name, String shapeText) {
        return "input " + index + " \"" + name + "\" " + shapeText;
    }
}
