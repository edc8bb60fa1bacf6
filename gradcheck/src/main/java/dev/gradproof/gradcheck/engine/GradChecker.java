package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Precision;
import dev.gradproof.gradcheck.model.SanityCheck;
import dev.gradproof.gradcheck.model.Tolerances;

import java.util.Arrays;
import java.util.List;

/**
 * The gradient check, in separate pieces as in PyTorch's gradcheck: the numerical side
 * ({@link Prober}: probes in parallel, each worker on its own copy of the inputs, perturbed values
 * always restored), the analytic side ({@link Backward}: a few vector-Jacobian products, computed
 * once, never per element), the comparison ({@link Judge}: an error estimate and a tolerance per
 * element) and the report ({@link ResultAssembly}, whose failure message is one table).
 *
 * <p>Nothing here depends on autograd-core: any {@link CheckedFunction} can be checked.
 */
public final class GradChecker {

    private GradChecker() {
    }

    /**
     * Checks {@code function} at the point given by {@code inputs}.
     *
     * @throws IllegalArgumentException naming the input and index for bad inputs (NaN values, nothing
     *                                  left to check, an unusable option)
     * @throws GradCheckException       if the function throws or returns nothing
     */
    public static GradCheckResult run(CheckedFunction function, List<Input> inputs, CheckOptions options) {
        long started = System.nanoTime();
        Tolerances tolerances = options.tolerances();
        Precision precision = tolerances.precision();
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("gradcheck: the function has no inputs");
        }
        if (options.mode() == Mode.FAST && tolerances.stencilPoints() != 2) {
            throw new IllegalArgumentException("gradcheck: FAST mode uses the central difference; a "
                    + tolerances.stencilPoints() + "-point stencil applies to FULL and SAMPLED");
        }
        boolean[] wrt = new boolean[inputs.size()];
        boolean any = false;
        for (int i = 0; i < wrt.length; i++) {
            wrt[i] = !options.isExcluded(i);
            any |= wrt[i];
        }
        if (!any) {
            throw new IllegalArgumentException("gradcheck: every input is excluded; nothing to check");
        }
        double[][] point = new double[inputs.size()][];
        for (int i = 0; i < point.length; i++) {
            point[i] = inputs.get(i).values();
            for (int k = 0; k < point[i].length; k++) {
                if (!Double.isFinite(point[i][k])) {
                    throw new IllegalArgumentException("gradcheck: " + PointText.element(inputs, i, k) + " is "
                            + point[i][k] + "; gradients are checked at finite points");
                }
                point[i][k] = precision.round(point[i][k]);
            }
        }
        Counters counters = new Counters();
        Findings findings = new Findings();
        Backward backward = new Backward(function, wrt, inputs, counters, findings);
        Evaluation base = backward.evaluate(point);
        int outputSize = base.output().length;
        if (Arrays.stream(base.outputShape()).asLongStream().reduce(1, (a, b) -> a * b) != outputSize) {
            throw new GradCheckException("the function's value has " + outputSize + " elements but its shape is "
                    + Arrays.toString(base.outputShape()));
        }
        boolean valueFinite = true;
        for (int m = 0; m < outputSize; m++) {
            if (!Double.isFinite(base.output()[m])) {
                findings.add(SanityCheck.FINITE_VALUE, null, "the value is " + base.output()[m] + " at output "
                        + Arrays.toString(Input.indexOf(base.outputShape(), m)) + " of shape "
                        + Arrays.toString(base.outputShape()) + "; nothing was compared");
                valueFinite = false;
                break;
            }
        }
        Stencil stencil = Stencil.of(tolerances.stencilPoints());
        Judge judge = new Judge(stencil, tolerances);
        Prober prober = new Prober(function, wrt, stencil, precision, base, inputs, counters);
        ResultAssembly assembly = new ResultAssembly(inputs, wrt, base.outputShape(), options, findings);
        if (!valueFinite) {
            return assembly.build(List.of(), null, 0, started, counters);
        }
        if (outputSize == 0) {
            assembly.note("the output is empty: only the sanity checks apply");
            backward.sanity(point, new double[0], backward.run(point, new double[0]),
                    tolerances.nondeterminismTolerance());
            return assembly.build(List.of(), null, 0, started, counters);
        }
        NoiseProbe noise = NoiseProbe.measure(function, point, wrt, base, tolerances.eps(), precision,
                Seeds.random(options.seed(), Seeds.NOISE, 0), counters);
        if (options.mode() == Mode.FAST) {
            FastCheck.Result fast = FastCheck.run(point, wrt, outputSize, backward, prober, judge, noise, options);
            if (fast.kinkRedraws() > 0) {
                assembly.note(fast.kinkRedraws() + " random directions crossed a kink and were drawn again");
            }
            List<Outcome> outcomes = fast.outcomes();
            if (FastConfirmation.needed(outcomes)) {
                List<Outcome> elements = ElementCheck.run(function, inputs, point, wrt,
                        components(base, outputSize, options), backward, prober, judge, noise,
                        options.withMode(Mode.FULL));
                List<String> notes = new java.util.ArrayList<>();
                outcomes = FastConfirmation.resolve(outcomes, elements, notes);
                notes.forEach(assembly::note);
            }
            return assembly.build(outcomes, fast.confidence(), 0, started, counters);
        }
        Components components = components(base, outputSize, options);
        if (components.projected()) {
            assembly.note("the output has " + outputSize + " elements: the Jacobian was compared through "
                    + components.count() + " random projections u^T J");
        }
        List<Outcome> outcomes = ElementCheck.run(function, inputs, point, wrt, components, backward, prober, judge,
                noise, options);
        return assembly.build(outcomes, null, components.projected() ? components.count() : 0, started, counters);
    }

    private static Components components(Evaluation base, int outputSize, CheckOptions options) {
        return Components.of(base.outputShape(), outputSize, options.fullJacobianLimit(), options.projections(),
                Seeds.random(options.seed(), Seeds.COMPONENTS, 0));
    }
}
