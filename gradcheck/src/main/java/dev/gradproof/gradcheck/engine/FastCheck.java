package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.FastConfidence;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.gradcheck.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    static Result run(double[][] point, boolean[] wrt, int outputSize, Backward backward, Prober prober,
                      Judge judge, NoiseProbe noise, CheckOptions options) {
        int directions = options.directions();
        double h = options.tolerances().eps();
        int d = checkedSize(point, wrt);
        if (d == 0) {
            return new Result(List.of(), null, 0);
        }
        Draw first = draw(options.seed(), 0, 0, point, wrt, d, outputSize);
        double[][] firstGrads = backward.run(point, first.u);
        backward.reportNonFinite(firstGrads);
        backward.sanity(point, first.u, firstGrads, options.tolerances().nondeterminismTolerance());
        if (!complete(firstGrads, wrt)) {
            return new Result(List.of(), null, 0);
        }
        int[] redraws = new int[directions];
        double[] norms = new double[directions];
        List<Outcome> outcomes = Workers.run(directions, options.parallelism(), point, (work, r) -> {
            Outcome outcome = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Draw draw = r == 0 && attempt == 0 ? first
                        : draw(options.seed(), r, attempt, point, wrt, d, outputSize);
                double[][] grads = draw == first ? firstGrads : backward.run(point, draw.u);
                if (!complete(grads, wrt)) {
                    return new Outcome(-1, Records.failure(new int[] {r}, r, Double.NaN, h,
                            "the backward pass gave no usable gradient", name(r, directions)), 0, null, false);
                }
                norms[r] = norm(grads, wrt);
                ProbeValues pv = prober.direction(work, draw.v, draw.u, grads, r + 1, h);
                if (pv.failure != null) {
                    return new Outcome(-1, Records.failure(new int[] {r}, r, along(pv, prober, h), h, pv.failure,
                            name(r, directions)), 0, pv.failure, pv.shapeChanged);
                }
                double sigma = noise.sigma(draw.u);
                double rounding = backward.roundingScale(point, draw.u);
                Judgement[] firstPass = {judge(judge, pv, prober, h, sigma, rounding)};
                Judgement[] judged = Confirmation.confirm(firstPass,
                        factor -> prober.direction(work, draw.v, draw.u, grads, r + 1, h * factor),
                        (wider, factor) -> new Judgement[] {
                            judge(judge, wider, prober, h * factor, sigma, rounding)});
                Judgement j = judged[0];
                outcome = new Outcome(-1, Records.of(new int[] {r}, r, j, name(r, directions)), j.noiseRatio(), null,
                        false, judged != firstPass);
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
        double relative = gradNorm > 0 ? minError / gradNorm : Double.POSITIVE_INFINITY;
        String what = outputSize <= 1
                ? "an error in the gradient of norm >= " + Numbers.sci(minError, 2)
                : "an error in the Jacobian of spectral norm >= " + Numbers.sci(minError, 2)
                        + " (even of rank one, such as a single wrong element)";
        String statement = "FAST: " + tauArray.length + " random directions over " + d + " elements catch " + what
                + (gradNorm > 0 ? ", " + Numbers.sci(relative, 2) + " of the gradient's norm "
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
    private static Judgement judge(Judge judge, ProbeValues pv, Prober prober, double h, double sigma,
                                   double rounding) {
        double a1 = along(pv, prober, h);
        double a2 = (pv.analyticAlong[prober.offsetIndex(2)] - pv.analyticAlong[prober.offsetIndex(-2)]) / (4 * h);
        return judge.judge(a1, h, pv.t, pv.g[0], Math.max(pv.scale[0], rounding), sigma, 0, a1 - a2, pv.kinkOp);
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

    /** One random pair: the output projection {@code u} and the input direction {@code v}. */
    private record Draw(double[] u, double[][] v) {
    }

    /** A random pair, for {@code d} checked elements (of the inputs in {@code wrt}) and {@code outputSize} outputs. */
    private static Draw draw(long seed, int direction, int attempt, double[][] point, boolean[] wrt, int d,
                             int outputSize) {
        Random random = Seeds.random(seed, Seeds.DIRECTIONS, (long) direction * ATTEMPTS + attempt);
        double[] u = outputSize == 1 ? new double[] {1} : Components.unitVector(outputSize, random);
        double[] flat = Components.unitVector(d, random);
        double[][] v = new double[point.length][];
        int at = 0;
        for (int i = 0; i < point.length; i++) {
            v[i] = new double[point[i].length];
            if (wrt[i]) {
                System.arraycopy(flat, at, v[i], 0, v[i].length);
                at += v[i].length;
            }
        }
        return new Draw(u, v);
    }
}
