package dev.gradproof.gradcheck.engine;

import java.util.Random;

/** Independent random streams for the parts of a check, all derived from its one seed. */
final class Seeds {

    static final long COMPONENTS = 1;
    static final long SAMPLES = 2;
    static final long DIRECTIONS = 3;
    static final long KINK_PROBES = 4;
    static final long NOISE = 5;

    private Seeds() {
    }

    /** The SplitMix64 finaliser of {@code seed} and a stream number: well-mixed and reproducible. */
    static long derive(long seed, long stream, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream * 1_000_003L + index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static Random random(long seed, long stream, long index) {
        return new Random(derive(seed, stream, index));
    }
}
