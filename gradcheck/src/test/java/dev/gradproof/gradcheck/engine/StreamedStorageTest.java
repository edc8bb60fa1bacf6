package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.function.ForeignFunction;
import dev.gradproof.gradcheck.model.Precision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What FAST keeps for a large check instead of arrays (the noise line's projections, each direction's
 * place in its random stream) gives the same numbers, bit for bit, as the arrays it replaces.
 */
class StreamedStorageTest {

    private static final long SEED = 42;

    /** f(x)_m = sin(x_m) x_{m+1} + 1e-3 x_0: every output depends on several inputs. */
    private static final CheckedFunction F = ForeignFunction.vector(in -> {
        double[] x = in[0];
        double[] out = new double[x.length];
        for (int m = 0; m < x.length; m++) {
            out[m] = Math.sin(x[m]) * x[(m + 1) % x.length] + 1e-3 * x[0];
        }
        return out;
    }, (in, upstream) -> null);

    private static double[][] point(int n) {
        Random random = new Random(7);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = random.nextGaussian();
        }
        return new double[][] {x};
    }

    private static NoiseProbe noise(double[][] point, List<Direction> declared, long storedLimit) {
        boolean[] wrt = {true};
        Evaluation base = F.evaluate(point, wrt);
        return NoiseProbe.measure(F, point, wrt, base, 1e-6, Precision.FLOAT64, Seeds.random(SEED, Seeds.NOISE, 0),
                new Counters(), null, declared, storedLimit);
    }

    private static Direction direction(int index, int outputSize, int size, long keptUpTo) {
        return Direction.draw(Seeds.derive(SEED, Seeds.DIRECTIONS, index), outputSize, new int[] {size}, keptUpTo);
    }

    @Test
    void theStreamedNoiseEstimateIsTheStoredOneBitForBit() {
        double[][] point = point(50);
        List<Direction> declared = List.of(direction(0, 50, 50, 0), direction(3, 50, 50, 0));
        Direction later = direction(4, 50, 50, 0);
        NoiseProbe stored = noise(point, declared, Long.MAX_VALUE);
        NoiseProbe streamed = noise(point, declared, 0);

        assertThat(stored.keepsValues()).isTrue();
        assertThat(streamed.keepsValues()).isFalse();
        for (Direction d : List.of(declared.get(0), declared.get(1), later)) {
            assertThat(stored.sigma(d)).isGreaterThan(0);
            assertThat(Double.doubleToLongBits(streamed.sigma(d))).isEqualTo(Double.doubleToLongBits(stored.sigma(d)));
            assertThat(Double.doubleToLongBits(streamed.sigma(d))).isEqualTo(Double.doubleToLongBits(stored.sigma(d.u())));
            assertThat(streamed.atPoint(d)).containsExactly(stored.atPoint(d));
        }
    }

    @Test
    void aDirectionDrawnAgainFromItsSeedIsTheStoredOneBitForBit() {
        Direction kept = direction(5, 30, 40, Direction.KEPT);
        Direction redrawn = direction(5, 30, 40, 0);

        assertThat(redrawn.u()).containsExactly(kept.u());
        assertThat(redrawn.twiceU()).containsExactly(kept.twiceU());
        assertThat(kept.u()).isSameAs(kept.u());
        assertThat(redrawn.u()).isNotSameAs(redrawn.u());
        Direction.Reader a = kept.v();
        Direction.Reader b = redrawn.v();
        for (int k = 0; k < 40; k++) {
            assertThat(Double.doubleToLongBits(b.next(0, k))).isEqualTo(Double.doubleToLongBits(a.next(0, k)));
        }
        double[] out = point(30)[0];
        assertThat(redrawn.project(out)).containsExactly(kept.project(out));
    }

    @Test
    void aProjectionDrawnAgainInBlocksIsTheStoredOneBitForBit() {
        int outputs = 2 * 4096 + 3;   // two whole blocks of the redrawn u, and a tail not a multiple of 4
        Direction kept = direction(6, outputs, 7, Direction.KEPT);
        Direction redrawn = direction(6, outputs, 7, 0);
        double[] out = point(outputs)[0];

        double[] stored = kept.project(out);
        assertThat(redrawn.project(out)).containsExactly(stored);
        double dot = 0;
        double magnitude = 0;
        double[] u = kept.u();
        for (int m = 0; m < outputs; m++) {
            dot += u[m] * out[m];
            magnitude += Math.abs(u[m] * out[m]);
        }
        // another order of the same sums differs by rounding only: at most n units of roundoff of the magnitude
        double bound = outputs * Math.ulp(1.0) * magnitude;
        assertThat(stored[0]).isCloseTo(dot, within(bound));
        assertThat(stored[1]).isCloseTo(magnitude, within(bound));
    }

    @Test
    void aDirectionIsTheNormalisedGaussiansOfItsSeedUThenV() {
        long seed = Seeds.derive(SEED, Seeds.DIRECTIONS, 1);
        SplittableRandom random = new SplittableRandom(seed);
        double[] u = new double[30];
        double[] v = new double[40];
        for (double[] part : new double[][] {u, v}) {
            double norm = 0;
            for (int i = 0; i < part.length; i++) {
                part[i] = random.nextGaussian();
                norm += part[i] * part[i];
            }
            double inverse = 1 / Math.sqrt(norm);
            for (int i = 0; i < part.length; i++) {
                part[i] *= inverse;
            }
        }
        Direction d = Direction.draw(seed, 30, new int[] {-1, 40}, 0);

        assertThat(d.u()).containsExactly(u);
        Direction.Reader reader = d.v();
        for (int k = 0; k < 40; k++) {
            assertThat(reader.next(1, k)).isEqualTo(v[k]);
        }
        assertThat(Direction.draw(seed, 1, new int[] {3}, 0).u()).containsExactly(1.0);
    }

    @Test
    void aGaussianStreamStartedAgainAtAPlaceGoesOnAsTheFirstDid() {
        SplittableRandom reference = new SplittableRandom(11);
        GaussianStream stream = GaussianStream.from(11);
        for (int i = 0; i < 10_000; i++) {
            assertThat(stream.nextGaussian()).isEqualTo(reference.nextGaussian());
        }
        GaussianStream again = GaussianStream.at(11, stream.place());
        for (int i = 0; i < 10_000; i++) {
            assertThat(again.nextGaussian()).isEqualTo(reference.nextGaussian());
        }
    }
}
