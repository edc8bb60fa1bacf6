package dev.gradproof.gradcheck.engine;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Gaussians for long runs (random directions), with the place in the stream counted, so that a run
 * of them can be drawn again from where it started instead of being stored: a FAST direction over
 * 10,000,000 elements is 80 MB. They are {@link SplittableRandom}'s, drawn with the JDK's ziggurat,
 * several times faster than {@link java.util.Random#nextGaussian()}'s polar method. Every number is
 * made from {@link #nextLong()}, so the count of those calls is the place, and a stream started again
 * from the seed and advanced by that count goes on exactly as the first did.
 */
final class GaussianStream implements RandomGenerator {

    private final SplittableRandom random;
    private long place;

    private GaussianStream(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream from its start. */
    static GaussianStream from(long seed) {
        return new GaussianStream(seed);
    }

    /** The stream of {@code seed} from {@code place} on (as returned by {@link #place()}). */
    static GaussianStream at(long seed, long place) {
        GaussianStream stream = new GaussianStream(seed);
        while (stream.place < place) {
            stream.nextLong();
        }
        return stream;
    }

    /** Where the stream is: the next number is drawn from here. */
    long place() {
        return place;
    }

    @Override
    public long nextLong() {
        place++;
        return random.nextLong();
    }
}
