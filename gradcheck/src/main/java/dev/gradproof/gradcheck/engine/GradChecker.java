package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Precision;
import dev.gradproof.gradcheck.model.SanityCheck;
import dev.gradproof.gradcheck.model.Tolerances;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gradient check, as a checklist of named steps in the manner of PyTorch's gradcheck:
 *
 * <ol>
 *   <li>{@link #differentiated}, {@link #validPoint}: which inputs are checked, at a finite point;</li>
 *   <li>the value at the point, finite and of the shape it claims ({@link #valueIsUsable});</li>
 *   <li>forward determinism: the same value again at the same point ({@link ForwardRepeat});</li>
 *   <li>the noise of the values, measured ({@link NoiseProbe});</li>
 *   <li>the analytic side, a few vector-Jacobian products ({@link Backward}), with its sanity checks;</li>
 *   <li>the numerical side and the comparison, element by element ({@link ElementCheck}) or along random
 *       directions ({@link FastCheck}), each element at the steps its values call for ({@link StepPlan})
 *       and judged by the {@link ErrorModel};</li>
 *   <li>the verdict of the whole check, with the evidence behind it ({@link ResultAssembly}).</li>
 * </ol>
 *
 * <p>A function that throws or crashes (stack overflow, out of memory) at any step becomes a recorded
 * failure naming what it threw and where; it never escapes the check. Nothing here depends on
 * autograd-core: any {@link CheckedFunction} can be checked.
 */
public final class GradChecker {

    private GradChecker() {
    }

    /**
     * Checks {@code function} at the point given by {@code inputs}.
     *
     * @throws IllegalArgumentException naming the input and index for bad inputs (NaN values, nothing
     *                                  left to check, an unusable option)
     * @throws GradCheckException       if the function returns nothing, or the step vanishes
     */
    public static GradCheckResult run(CheckedFunction function, List<Input> inputs, CheckOptions options) {
        long started = System.nanoTime();
        Tolerances tolerances = options.tolerances();
        Precision precision = tolerances.precision();
        boolean[] wrt = differentiated(inputs, options);
        double[][] point = validPoint(inputs, precision);
        Counters counters = new Counters();
        Findings findings = new Findings();
        Backward backward = new Backward(function, wrt, inputs, counters, findings);
        Stencil stencil = Stencil.of(tolerances.stencilPoints());
        ErrorModel model = new ErrorModel(stencil, tolerances);
        ResultAssembly assembly = new ResultAssembly(inputs, wrt, options, findings, model);
        try {
            Evaluation base = backward.evaluate(point);
            assembly.outputShape(base.outputShape());
            if (!valueIsUsable(base, findings)) {
                return assembly.build(List.of(), null, 0, started, counters);
            }
            double[] repeatSigma = ForwardRepeat.measure(backward, point, base, tolerances.nondeterminismTolerance(),
                    findings);
            if (findings.has(SanityCheck.FORWARD_DETERMINISTIC)) {
                return assembly.build(List.of(), null, 0, started, counters);
            }
            int outputSize = base.output().length;
            if (outputSize == 0) {
                assembly.note("the output is empty: only the sanity checks apply");
                backward.sanity(point, new double[0], backward.run(point, new double[0]),
                        tolerances.nondeterminismTolerance());
                return assembly.build(List.of(), null, 0, started, counters);
            }
            boolean fastMode = options.mode() == Mode.FAST;
            List<Direction> draws = fastMode
                    ? FastCheck.firstDraws(options.seed(), options.directions(), point, wrt, outputSize) : List.of();
            NoiseProbe noise = NoiseProbe.measure(function, point, wrt, base, tolerances.eps(), precision,
                    Seeds.random(options.seed(), Seeds.NOISE, 0), counters, repeatSigma, draws,
                    fastMode ? NoiseProbe.STORED_LIMIT : Long.MAX_VALUE);
            if (repeatSigma != null) {
                assembly.note("the forward pass varies at one point within the declared tolerance; the spread of"
                        + " repeated evaluations counts as noise in every tolerance");
            }
            Prober prober = new Prober(function, wrt, stencil, precision, base, noise.keepsValues(), point, inputs,
                    counters);
            if (fastMode) {
                int[] outputShape = base.outputShape();
                base = null;   // a large value at the point is let go here: the noise line kept its projections
                return fast(function, inputs, point, wrt, outputShape, outputSize, draws, backward, prober, model, noise,
                        options, assembly, started, counters);
            }
            Components components = components(base.outputShape(), outputSize, options);
            if (components.projected()) {
                assembly.note("the output has " + outputSize + " elements: the Jacobian was compared through "
                        + components.count() + " random projections u^T J");
            }
            List<Outcome> outcomes = ElementCheck.run(function, inputs, point, wrt, components, backward, prober,
                    model, noise, options);
            return assembly.build(outcomes, null, components.projected() ? components.count() : 0, started, counters);
        } catch (FunctionCrash crash) {
            if (options.propagateCrashes()) {
                throw crash;
            }
            findings.add(SanityCheck.FUNCTION_COMPLETES, null, crash.getMessage());
            return assembly.build(List.of(), null, 0, started, counters);
        }
    }

    private static GradCheckResult fast(CheckedFunction function, List<Input> inputs, double[][] point, boolean[] wrt,
                                        int[] outputShape, int outputSize, List<Direction> draws, Backward backward,
                                        Prober prober, ErrorModel model, NoiseProbe noise, CheckOptions options,
                                        ResultAssembly assembly, long started, Counters counters) {
        FastCheck.Result fast = FastCheck.run(point, wrt, outputSize, draws, backward, prober, model, noise, options);
        if (fast.kinkRedraws() > 0) {
            assembly.note(fast.kinkRedraws() + " random directions crossed a kink and were drawn again");
        }
        List<Outcome> outcomes = fast.outcomes();
        if (FastConfirmation.needed(outcomes)) {
            boolean every = FastConfirmation.checksEveryElement(point, wrt);
            List<Outcome> elements = ElementCheck.run(function, inputs, point, wrt,
                    components(outputShape, outputSize, options),
                    backward, prober, model, noise, every ? options.withMode(Mode.FULL)
                            : options.withSampling(FastConfirmation.SAMPLES_PER_INPUT));
            List<String> notes = new ArrayList<>();
            outcomes = FastConfirmation.resolve(outcomes, elements, every, notes);
            notes.forEach(assembly::note);
        }
        return assembly.build(outcomes, fast.confidence(), 0, started, counters);
    }

    /** Which inputs are differentiated: all but the excluded ones, and at least one. */
    private static boolean[] differentiated(List<Input> inputs, CheckOptions options) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("gradcheck: the function has no inputs");
        }
        if (options.mode() == Mode.FAST && options.tolerances().stencilPoints() != Tolerances.CENTRAL_DIFFERENCE) {
            throw new IllegalArgumentException("gradcheck: FAST mode uses the central difference; a "
                    + options.tolerances().stencilPoints() + "-point stencil applies to FULL and SAMPLED");
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
        return wrt;
    }

    /**
     * The point, rounded to the function's precision; every element finite. An input that rounding
     * leaves as it is is read in place (the checker never writes the point); only one that rounding
     * changes is copied.
     */
    private static double[][] validPoint(List<Input> inputs, Precision precision) {
        double[][] point = new double[inputs.size()][];
        for (int i = 0; i < point.length; i++) {
            double[] values = inputs.get(i).valuesView();
            point[i] = values;
            for (int k = 0; k < values.length; k++) {
                if (!Double.isFinite(values[k])) {
                    throw new IllegalArgumentException("gradcheck: " + PointText.element(inputs, i, k) + " is "
                            + values[k] + "; gradients are checked at finite points");
                }
                double rounded = precision.round(values[k]);
                if (Double.doubleToLongBits(rounded) != Double.doubleToLongBits(values[k])) {
                    if (point[i] == values) {
                        point[i] = values.clone();
                    }
                    point[i][k] = rounded;
                }
            }
        }
        return point;
    }

    /** The value has as many elements as its shape says, all finite; else a finding (or an exception). */
    private static boolean valueIsUsable(Evaluation base, Findings findings) {
        int outputSize = base.output().length;
        if (Arrays.stream(base.outputShape()).asLongStream().reduce(1, (a, b) -> a * b) != outputSize) {
            throw new GradCheckException("the function's value has " + outputSize + " elements but its shape is "
                    + Arrays.toString(base.outputShape()));
        }
        for (int m = 0; m < outputSize; m++) {
            if (!Double.isFinite(base.output()[m])) {
                findings.add(SanityCheck.FINITE_VALUE, null, "the value is " + base.output()[m] + " at output "
                        + Arrays.toString(Input.indexOf(base.outputShape(), m)) + " of shape "
                        + Arrays.toString(base.outputShape()) + "; nothing was compared");
                return false;
            }
        }
        return true;
    }

    private static Components components(int[] outputShape, int outputSize, CheckOptions options) {
        return Components.of(outputShape, outputSize, options.fullJacobianLimit(), options.projections(),
                Seeds.random(options.seed(), Seeds.COMPONENTS, 0));
    }
}
