package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Tolerances;

import java.util.ArrayList;
import java.util.List;

/**
 * FULL and SAMPLED modes: the analytic Jacobian (rows or projections) from a handful of backward
 * passes computed once, then every chosen element probed in parallel and judged against it.
 */
final class ElementCheck {

    private ElementCheck() {
    }

    static List<Outcome> run(CheckedFunction function, List<Input> inputs, double[][] point, boolean[] wrt,
                             Components components, Backward backward, Prober prober, ErrorModel model,
                             NoiseProbe noise, CheckOptions options) {
        int c = components.count();
        double[][][] analytic = new double[c][][];
        for (int j = 0; j < c; j++) {
            analytic[j] = backward.run(point, components.upstream(j));
            backward.reportNonFinite(analytic[j]);
        }
        backward.sanity(point, components.upstream(0), analytic[0], options.tolerances().nondeterminismTolerance());

        double[][] proximity = null;
        if (options.mode() == Mode.SAMPLED) {
            proximity = function.kinkProximity(Workers.copy(point), wrt.clone(),
                    Seeds.derive(options.seed(), Seeds.KINK_PROBES, 0));
        }
        List<int[]> tasks = new ArrayList<>();
        for (int i = 0; i < point.length; i++) {
            if (!checkable(analytic, i, wrt)) {
                continue;
            }
            int[] chosen = options.mode() == Mode.SAMPLED
                    ? ElementSampler.choose(options.samplesPerInput(), magnitude(analytic, i), point[i],
                    proximity == null ? null : proximity[i], Seeds.random(options.seed(), Seeds.SAMPLES, i))
                    : java.util.stream.IntStream.range(0, point[i].length).toArray();
            for (int k : chosen) {
                tasks.add(new int[] {i, k});
            }
        }
        Tolerances tol = options.tolerances();
        double positionErrorPerUnit = Stencil.of(tol.stencilPoints()).positionError(tol.precision());
        double h = tol.eps();
        double[] sigma = new double[c];
        double[] rounding = new double[c];
        for (int j = 0; j < c; j++) {
            sigma[j] = noise.sigma(components.upstream(j));
            rounding[j] = backward.roundingScale(point, components.upstream(j));
        }
        double largestRounding = java.util.Arrays.stream(rounding).max().orElse(0);
        StepPlan plan = new StepPlan(model);
        return Workers.run(tasks.size(), options.parallelism(), point, (work, t) -> {
            int i = tasks.get(t)[0];
            int k = tasks.get(t)[1];
            int[] index = inputs.get(i).index(k);
            double x = point[i][k];
            double step = stepAt(h, x);
            StepPlan.Decision d = plan.decide(step, x, largestRounding,
                    at -> prober.element(work, i, k, components.all(), at),
                    (pv, at) -> judgeAll(model, analytic, sigma, rounding, i, k, pv, at,
                            positionErrorPerUnit * Math.max(Math.abs(x), at) / at));
            if (d.failure() != null) {
                return new Outcome(i, Records.failure(index, k, analytic[0][i][k], step, d.failure(), components.name(0)),
                        0, d.failure(), d.shapeChanged());
            }
            Judgement[] judged = d.judged();
            int worst = worst(judged);
            return new Outcome(i, Records.of(index, k, judged[worst], components.name(worst)),
                    d.firstNoiseRatio(), null, false, d.overturned(), judged[worst]);
        });
    }

    /** The judgement that represents an element: the worst over components. */
    static int worst(Judgement[] judged) {
        int w = 0;
        for (int c = 1; c < judged.length; c++) {
            if (judged[c].worseThan(judged[w])) {
                w = c;
            }
        }
        return w;
    }

    /**
     * The finite-difference step for an element of value {@code x}: {@code eps} for {@code |x| <= 1},
     * {@code eps |x|} above, so that the perturbation stays the same fraction of the element (an
     * absolute 1e-6 is only about 70 units in the last place of 1e8, and the numerical derivative
     * would be good to about 1%).
     */
    static double stepAt(double eps, double x) {
        return eps * Math.max(1.0, Math.abs(x));
    }

    private static Judgement[] judgeAll(ErrorModel model, double[][][] analytic, double[] sigma, double[] rounding,
                                        int i, int k, ProbeValues pv, double h, double positionError) {
        Judgement[] judged = new Judgement[analytic.length];
        for (int c = 0; c < analytic.length; c++) {
            judged[c] = model.judge(new ErrorModel.Probe(analytic[c][i][k], h, pv.t, pv.g[c],
                    Math.max(pv.scale[c], rounding[c]), sigma[c], positionError, 0));
        }
        return judged;
    }

    private static boolean checkable(double[][][] analytic, int i, boolean[] wrt) {
        if (!wrt[i]) {
            return false;
        }
        for (double[][] a : analytic) {
            if (a[i] == null) {
                return false;
            }
        }
        return true;
    }

    private static double[] magnitude(double[][][] analytic, int i) {
        double[] m = new double[analytic[0][i].length];
        for (double[][] a : analytic) {
            for (int k = 0; k < m.length; k++) {
                m[k] += Math.abs(a[i][k]);
            }
        }
        return m;
    }
}
