package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Confirms a failing FAST direction element by element before it is reported.
 *
 * <p>A random direction moves every element at once. At a point where several kinks meet, the
 * one-sided slopes along the direction can agree (the kinks' jumps cancel) while the analytic
 * {@code u^T J v}, built from the subgradients chosen at each kink, differs: the direction looks
 * smooth and wrong although every partial derivative is right. The element-wise check settles
 * it, soundly: if every element passes or is a kink, the gradient is right wherever the function
 * is differentiable, and the direction only crossed several kinks; a wrong gradient always leaves
 * a failing element, which is then reported with its index. Confirmation runs only after a FAST
 * failure, so a passing check costs nothing more. Above {@value #EVERY_ELEMENT_LIMIT} elements it
 * samples them instead; a failure the sample does not explain then stands as a FAIL (a possible
 * false alarm at a point where several kinks meet, never a false PASS).
 */
final class FastConfirmation {

    /** The kink name given to a direction whose failure the elements do not confirm. */
    static final String SEVERAL_KINKS = "several kinks along the direction";
    /** Up to this many checked elements, a failing direction is confirmed on every element. */
    static final int EVERY_ELEMENT_LIMIT = 4096;
    /** Above it, on this many elements per input (SAMPLED: the largest gradient, the elements nearest a kink, random ones). */
    static final int SAMPLES_PER_INPUT = 4;

    /** Whether the confirmation can afford every element. */
    static boolean checksEveryElement(double[][] point, boolean[] wrt) {
        long d = 0;
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                d += point[i].length;
            }
        }
        return d <= EVERY_ELEMENT_LIMIT;
    }

    private FastConfirmation() {
    }

    /** Whether a direction failed on its values (not on a sanity problem such as NaN or a changed shape). */
    static boolean needed(List<Outcome> directions) {
        return directions.stream().anyMatch(FastConfirmation::plainFailure);
    }

    /**
     * The outcomes to report: the directions, with unconfirmed failures turned into kinks, and
     * the elements that confirm a failure.
     *
     * @param notes receives one sentence on what the confirmation found
     */
    static List<Outcome> resolve(List<Outcome> directions, List<Outcome> elements, boolean every, List<String> notes) {
        long failed = elements.stream().filter(o -> o.record().verdict() == Verdict.FAIL).count();
        long kinks = elements.stream().filter(o -> o.record().verdict() == Verdict.KINK).count();
        String counts = elements.size() + " elements checked one by one: " + failed + " FAIL, " + kinks + " KINK";
        if (failed > 0) {
            notes.add("a FAST direction failed and the element-wise check confirms it (" + counts + ")");
            List<Outcome> all = new ArrayList<>(directions);
            all.addAll(elements);
            return all;
        }
        if (!every) {
            notes.add("a FAST direction failed and a sample of the elements does not explain it (" + counts
                    + "): the failure stands; FULL mode would name the element");
            return directions;
        }
        if (kinks == 0) {
            notes.add("a FAST direction failed but no element fails on its own (" + counts
                    + "): the failure stands, unexplained by any kink");
            return directions;
        }
        notes.add("a FAST direction failed but every element passes or is a kink (" + counts
                + "): the direction crossed several kinks at once, so it is reported as a kink");
        List<Outcome> resolved = new ArrayList<>(directions.size());
        for (Outcome o : directions) {
            resolved.add(plainFailure(o) ? new Outcome(o.input(), asKink(o.record()), o.noiseRatio(), null, false) : o);
        }
        return resolved;
    }

    private static boolean plainFailure(Outcome o) {
        return o.failure() == null && o.record().verdict() == Verdict.FAIL;
    }

    private static ElementRecord asKink(ElementRecord r) {
        return new ElementRecord(r.index(), r.flatIndex(), r.analytic(), r.step(), r.numerical(), r.absoluteError(),
                r.relativeError(), r.errorEstimate(), r.tolerance(), Verdict.KINK, r.band(), SEVERAL_KINKS,
                r.component(), r.leftSlope(), r.rightSlope(), null);
    }
}
