package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.FastConfidence;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.gradcheck.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * FAST mode: for each of several independent random pairs (u, v), the numerical directional
 * derivative {@code u^T (f(x + hv) - f(x - hv)) / 2h} against {@code u^T J v} from one backward
 * pass. The analytic side is taken along the actual (rounded) displacement of the probe points, so
 * rounding the inputs does not count as an error. A direction that crosses a kink is drawn again
 * (twice at most).
 */
final class FastCheck {

    static final int ATTEMPTS = 3;

    /** The directions' outcomes and the confidence statement. */
    record Result(List<Outcome> outcomes, FastConfidence confidence, int kinkRedraws) {
    }

    private FastCheck() {
    }

    /**
     * The first pair of each direction, drawn before the noise line is measured so that the line can be
     * projected onto them as it goes.
     */
    static List<Direction> firstDraws(long seed, int directions, double[][] point, boolean[] wrt, int outputSize) {
        List<Direction> draws = new ArrayList<>(directions);
        if (checkedSize(point, wrt) > 0) {
            for (int r = 0; r < directions; r++) {
                draws.add(draw(seed, r, 0, point, wrt, outputSize));
            }
        }
        return draws;
    }

    /**
     * @param firstDraws the first pair of each direction ({@link #firstDraws}); later attempts are drawn here
     */
    static Result run(double[][] point, boolean[] wrt, int outputSize, List<Direction> firstDraws, Backward backward,
                      Prober prober, ErrorModel model, NoiseProbe noise, CheckOptions options) {
        int directions = options.directions();
        int d = checkedSize(point, wrt);
        if (d == 0) {
            return new Result(List.of(), null, 0);
        }
        double largest = largestMagnitude(point, wrt);
        double h = stepAlong(options.tolerances().eps(), d, norm(point, wrt));
        Direction first = firstDraws.get(0);
        // the first direction's gradients are let go once it is judged: one input-sized array fewer afterwards
        AtomicReference<double[][]> firstGrads = new AtomicReference<>(backward.run(point, first.u()));
        backward.reportNonFinite(firstGrads.get());
        backward.sanity(point, first::u, first::twiceU, outputSize, firstGrads.get(),
                options.tolerances().nondeterminismTolerance());
        if (!complete(firstGrads.get(), wrt)) {
            return new Result(List.of(), null, 0);
        }
        // the rounding scale depends on the output projection only: one for every direction of a scalar output
        double firstRounding = backward.roundingScale(point, first.u());
        int[] redraws = new int[directions];
        double[] norms = new double[directions];
        StepPlan plan = new StepPlan(model);
        List<Outcome> outcomes = Workers.run(directions, options.parallelism(), r -> {
            Outcome outcome = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                boolean isFirst = r == 0 && attempt == 0;
                Direction draw = attempt == 0 ? firstDraws.get(r)
                        : draw(options.seed(), r, attempt, point, wrt, outputSize);
                double[][] grads = isFirst ? firstGrads.getAndSet(null) : backward.run(point, draw.u());
                if (!complete(grads, wrt)) {
                    return new Outcome(-1, Records.failure(new int[] {r}, r, Double.NaN, h,
                            "the backward pass gave no usable gradient", name(r, directions)), 0, null, false);
                }
                norms[r] = norm(grads, wrt);
                double sigma = noise.sigma(draw);
                double rounding = isFirst || outputSize == 1 ? firstRounding : backward.roundingScale(point, draw.u());
                double[] atPoint = noise.atPoint(draw);
                StepPlan.Decision decision = plan.decide(h, largest, rounding,
                        at -> prober.direction(draw, atPoint, grads, r + 1, at),
                        (pv, at) -> new Judgement[] {judge(model, pv, prober, at, sigma, rounding)});
                if (decision.failure() != null) {
                    return new Outcome(-1, Records.failure(new int[] {r}, r, along(decision.values(), prober, h), h,
                            decision.failure(), name(r, directions)), 0, decision.failure(), decision.shapeChanged());
                }
                Judgement j = decision.judged()[0];
                outcome = new Outcome(-1, Records.of(new int[] {r}, r, j, name(r, directions)), decision.firstNoiseRatio(), null,
                        false, decision.overturned(), j);
                if (j.verdict() != Verdict.KINK) {
                    break;
                }
                redraws[r]++;
            }
            return outcome;
        });
        List<Double> taus = new ArrayList<>();
        double normSum = 0;
        int normCount = 0;
        for (int r = 0; r < outcomes.size(); r++) {
            Outcome o = outcomes.get(r);
            if (o.record().verdict() != Verdict.KINK && Double.isFinite(o.record().tolerance())) {
                taus.add(o.record().tolerance());
            }
            if (Double.isFinite(norms[r]) && norms[r] > 0) {
                normSum += norms[r];
                normCount++;
            }
        }
        int kinkRedraws = 0;
        for (int x : redraws) {
            kinkRedraws += x;
        }
        double[] tauArray = taus.stream().mapToDouble(Double::doubleValue).toArray();
        double minError = DetectionConfidence.minDetectable(d, outputSize, tauArray, options.confidence());
        double gradNorm = normCount == 0 ? 0 : normSum / normCount;
        // relative to the gradient's norm; undefined (NaN) where the gradient is numerically 0 (no larger than
        // the directions' own tolerances, rounding of a gradient that cancels) unless measured noise set them
        double largestTau = 0;
        boolean noiseDominated = false;
        for (Outcome o : outcomes) {
            if (o.judgement() != null && o.record().verdict() != Verdict.KINK) {
                largestTau = Math.max(largestTau, o.judgement().tolerance());
                noiseDominated |= o.judgement().dominant() == ErrorModel.Dominant.MEASURED_NOISE;
            }
        }
        double relative = gradNorm > 0 && (noiseDominated || gradNorm > largestTau) ? minError / gradNorm : Double.NaN;
        String what = outputSize <= 1
                ? "an error in the gradient of norm >= " + Numbers.sci(minError, 2)
                : "an error in the Jacobian of spectral norm >= " + Numbers.sci(minError, 2)
                        + " (even of rank one, such as a single wrong element)";
        String statement = "FAST: " + tauArray.length + " random directions over " + d + " elements catch " + what
                + (Double.isFinite(relative) ? ", " + Numbers.sci(relative, 2) + " of the gradient's norm "
                        + Numbers.compact(gradNorm) + "," : "")
                + " with probability >= " + (options.confidence() * 100) + "%";
        FastConfidence confidence = new FastConfidence(tauArray.length, options.confidence(), d, outputSize, minError,
                gradNorm, relative, statement);
        return new Result(outcomes, confidence, kinkRedraws);
    }

    /** The analytic derivative along the actual displacement of the {@code +-h} probes. */
    private static double along(ProbeValues pv, Prober prober, double h) {
        return (pv.analyticAlong[prober.offsetIndex(1)] - pv.analyticAlong[prober.offsetIndex(-1)]) / (2 * h);
    }

    /**
     * Judges a direction: the analytic side along the actual displacements, with {@code D(2h)}
     * corrected by the analytic difference between the two step pairs' displacements.
     */
    private static Judgement judge(ErrorModel model, ProbeValues pv, Prober prober, double h, double sigma,
                                   double rounding) {
        double a1 = along(pv, prober, h);
        double a2 = (pv.analyticAlong[prober.offsetIndex(2)] - pv.analyticAlong[prober.offsetIndex(-2)]) / (4 * h);
        return model.judge(new ErrorModel.Probe(a1, h, pv.t, pv.g[0], Math.max(pv.scale[0], rounding), sigma, 0,
                a1 - a2));
    }

    /**
     * The step along a unit direction in {@code d} dimensions: {@code eps max(sqrt(d), |x|)}, so that
     * each element moves by about {@code eps max(1, |x_k|)}, as in FULL mode. A plain {@code eps} along a
     * unit direction of 10,000,000 elements moves each by 3e-10 of itself, and the directional difference
     * is rounding noise.
     */
    static double stepAlong(double eps, int d, double pointNorm) {
        return eps * Math.max(Math.sqrt(d), pointNorm);
    }

    private static double largestMagnitude(double[][] point, boolean[] wrt) {
        double m = 0;
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                for (double x : point[i]) {
                    m = Math.max(m, Math.abs(x));
                }
            }
        }
        return m;
    }

    private static String name(int r, int directions) {
        return "direction " + (r + 1) + " of " + directions;
    }

    /** The number of elements of the checked inputs: the dimension directions are drawn in. */
    private static int checkedSize(double[][] point, boolean[] wrt) {
        int d = 0;
        for (int i = 0; i < point.length; i++) {
            if (wrt[i]) {
                d += point[i].length;
            }
        }
        return d;
    }

    private static boolean complete(double[][] grads, boolean[] wrt) {
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i] && grads[i] == null) {
                return false;
            }
        }
        return true;
    }

    /** The Euclidean norm over the checked inputs' elements (of the point, or of gradients). */
    private static double norm(double[][] grads, boolean[] wrt) {
        double s = 0;
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i]) {
                for (double g : grads[i]) {
                    s += g * g;
                }
            }
        }
        return Math.sqrt(s);
    }

    /** A random pair of direction {@code direction}, attempt {@code attempt}: {@code v} over the inputs in {@code wrt}. */
    private static Direction draw(long seed, int direction, int attempt, double[][] point, boolean[] wrt,
                                  int outputSize) {
        int[] sizes = new int[point.length];
        for (int i = 0; i < point.length; i++) {
            sizes[i] = wrt[i] ? point[i].length : -1;   // data inputs do not move: no direction for them
        }
        return Direction.draw(Seeds.derive(seed, Seeds.DIRECTIONS, (long) direction * ATTEMPTS + attempt), outputSize,
                sizes, Direction.KEPT);
    }
}
