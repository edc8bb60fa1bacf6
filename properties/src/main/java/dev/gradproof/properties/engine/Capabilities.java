package dev.gradproof.properties.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an engine supports beyond its op names, declared once by its adapter
 * ({@link AutogradAdapter#declared()}); the kit's generators then produce only such inputs, and a
 * property that needs more is skipped with the reason (never failed, never passed).
 *
 * <p>The defaults ({@link #numpyStyle()}) fit a numpy-style engine: rank up to 4, numpy
 * broadcasting, zero-size dimensions, any op parameter of the kit's vocabulary, backward with any
 * upstream gradient, gradients that accumulate over repeated backward calls, bitwise
 * deterministic, float64 values and parameters, thread-safe. Immutable; each {@code with...} returns a copy.
 *
 * @param maxRank              the largest tensor rank the engine takes (0 for a scalar-only engine)
 * @param broadcasting         which elementwise binary ops between shapes the engine takes
 * @param zeroSizeDims         whether dimensions of size 0 are allowed
 * @param parameterDomains     per parameterised op ({@link Ops#LEAKY_RELU}, {@link Ops#ELU}, ...),
 *                             the only parameter values the engine takes; an op not listed takes
 *                             the kit's values
 * @param upstream             whether {@link AutogradAdapter#backward} takes any upstream gradient;
 *                             if not, it is only called with a scalar output and upstream 1, and the
 *                             kit applies an upstream {@code g} as backward of {@code sum(output * g)}
 *                             (needs {@link Ops#MUL})
 * @param repeatedBackward     what a second backward call on one graph does to the gradients
 * @param determinismTolerance the largest relative difference allowed between two runs of one
 *                             graph (0: bitwise the same); for engines whose sums depend on the run
 * @param precision            the precision of the engine's values and gradients
 * @param parameterPrecision   the precision in which the engine stores op parameters (a float slope
 *                             0.09 is really 0.0900000036); the kit generates parameters exactly
 *                             representable in it, so that it compares with the parameter the engine
 *                             really used
 * @param concurrentCalls      whether the engine may be called from several threads at once; an
 *                             engine that is not thread-safe, or allows one gradient recorder at a
 *                             time (DJL's {@code GradientCollector}), declares {@link #withSerializedCalls()}:
 *                             the op catalogue's run then checks it with one worker and makes every
 *                             build-forward-backward-read of a graph one serialized call
 */
public record Capabilities(int maxRank, Broadcasting broadcasting, boolean zeroSizeDims,
                           Map<String, List<Double>> parameterDomains, boolean upstream,
                           RepeatedBackward repeatedBackward, double determinismTolerance,
                           Precision precision, Precision parameterPrecision, boolean concurrentCalls) {

    /** Which shapes an elementwise binary op (add, sub, mul, div, maximum, minimum) takes. */
    public enum Broadcasting {
        /** Both inputs have exactly the same shape. */
        NONE,
        /** Same rank; a dimension of 1 stretches to the other's size. */
        SAME_RANK,
        /** numpy's rules: missing leading dimensions and dimensions of 1 stretch. */
        NUMPY
    }

    /** What a second backward call on one graph does to the leaves' gradients. */
    public enum RepeatedBackward {
        /** The gradients add up, as in PyTorch: twice the gradient after two calls. */
        ACCUMULATE,
        /** Each backward call starts from zero: the same gradient after two calls. */
        RESET
    }

    /** The floating-point precision of values, gradients or parameters. */
    public enum Precision {
        /** IEEE double, unit roundoff 2^-53. */
        FLOAT64(0x1p-53),
        /** IEEE single, unit roundoff 2^-24. */
        FLOAT32(0x1p-24);

        private final double unitRoundoff;

        Precision(double unitRoundoff) {
            this.unitRoundoff = unitRoundoff;
        }

        /** The unit roundoff: half the distance from 1 to the next representable number. */
        public double unitRoundoff() {
            return unitRoundoff;
        }

        /** {@code value} rounded to this precision (a float parameter as the engine really holds it). */
        public double round(double value) {
            return this == FLOAT32 ? (double) (float) value : value;
        }
    }

    /**
     * Checks the declaration.
     *
     * @throws IllegalArgumentException naming the argument: a negative rank or tolerance, an empty
     *     or unknown parameter domain
     */
    public Capabilities {
        Objects.requireNonNull(broadcasting, "broadcasting");
        Objects.requireNonNull(repeatedBackward, "repeatedBackward");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(parameterPrecision, "parameterPrecision");
        if (maxRank < 0) {
            throw new IllegalArgumentException("maxRank: must be at least 0, got " + maxRank);
        }
        if (!(determinismTolerance >= 0)) {
            throw new IllegalArgumentException("determinismTolerance: must be at least 0, got " + determinismTolerance);
        }
        Map<String, List<Double>> domains = new LinkedHashMap<>();
        parameterDomains.forEach((op, values) -> {
            if (!Ops.ALL.contains(op)) {
                throw new IllegalArgumentException("parameterDomains: unknown op \"" + op + "\"; known: " + Ops.ALL);
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("parameterDomains: the domain of " + op + " is empty");
            }
            domains.put(op, List.copyOf(values));
        });
        parameterDomains = Map.copyOf(domains);
    }

    /** The defaults: what a numpy-style float64 engine supports. */
    public static Capabilities numpyStyle() {
        return new Capabilities(4, Broadcasting.NUMPY, true, Map.of(), true, RepeatedBackward.ACCUMULATE, 0.0,
                Precision.FLOAT64, Precision.FLOAT64, true);
    }

    /** Tensors of rank at most {@code rank}. */
    public Capabilities withMaxRank(int rank) {
        return new Capabilities(rank, broadcasting, zeroSizeDims, parameterDomains, upstream, repeatedBackward,
                determinismTolerance, precision, parameterPrecision, concurrentCalls);
    }

    /** The broadcasting the elementwise binary ops take. */
    public Capabilities withBroadcasting(Broadcasting rule) {
        return new Capabilities(maxRank, rule, zeroSizeDims, parameterDomains, upstream, repeatedBackward,
                determinismTolerance, precision, parameterPrecision, concurrentCalls);
    }

    /** No dimension of size 0. */
    public Capabilities withoutZeroSizeDims() {
        return new Capabilities(maxRank, broadcasting, false, parameterDomains, upstream, repeatedBackward,
                determinismTolerance, precision, parameterPrecision, concurrentCalls);
    }

    /** {@code op} takes only these parameter values (a Leaky ReLU of slope 0.1 only: {@code 0.1}). */
    public Capabilities withParameterDomain(String op, double... values) {
        Map<String, List<Double>> domains = new LinkedHashMap<>(parameterDomains);
        domains.put(op, java.util.Arrays.stream(values).boxed().toList());
        return new Capabilities(maxRank, broadcasting, zeroSizeDims, domains, upstream, repeatedBackward,
                determinismTolerance, precision, parameterPrecision, concurrentCalls);
    }

    /** backward only from a scalar output with upstream 1 (the engine seeds ones). */
    public Capabilities withoutUpstream() {
        return new Capabilities(maxRank, broadcasting, zeroSizeDims, parameterDomains, false, repeatedBackward,
                determinismTolerance, precision, parameterPrecision, concurrentCalls);
    }

    /** What a second backward call does. */
    public Capabilities withRepeatedBackward(RepeatedBackward semantics) {
        return new Capabilities(maxRank, broadcasting, zeroSizeDims, parameterDomains, upstream, semantics,
                determinismTolerance, precision, parameterPrecision, concurrentCalls);
    }

    /** Two runs of one graph may differ by this relative amount (for run-dependent summation orders). */
    public Capabilities withDeterminismTolerance(double relative) {
        return new Capabilities(maxRank, broadcasting, zeroSizeDims, parameterDomains, upstream, repeatedBackward,
                relative, precision, parameterPrecision, concurrentCalls);
    }

    /** The precision of values and gradients. */
    public Capabilities withPrecision(Precision values) {
        return new Capabilities(maxRank, broadcasting, zeroSizeDims, parameterDomains, upstream, repeatedBackward,
                determinismTolerance, values, parameterPrecision, concurrentCalls);
    }

    /** The precision in which op parameters are stored. */
    public Capabilities withParameterPrecision(Precision parameters) {
        return new Capabilities(maxRank, broadcasting, zeroSizeDims, parameterDomains, upstream, repeatedBackward,
                determinismTolerance, precision, parameters, concurrentCalls);
    }

    /**
     * One call at a time: the engine is not thread-safe or allows one gradient recorder at a time.
     * Checks of it run with one worker, and each graph is built, run backward and read under one lock.
     */
    public Capabilities withSerializedCalls() {
        return new Capabilities(maxRank, broadcasting, zeroSizeDims, parameterDomains, upstream, repeatedBackward,
                determinismTolerance, precision, parameterPrecision, false);
    }

    /**
     * The parameter values the kit may use for {@code op}: the declared domain, else the kit's
     * {@code defaults}; each rounded to {@link #parameterPrecision()}.
     */
    public double[] parameters(String op, double[] defaults) {
        List<Double> declared = parameterDomains.get(op);
        double[] values = declared == null ? defaults.clone() : declared.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = parameterPrecision.round(values[i]);
        }
        return values;
    }

    /**
     * How much larger than in float64 the kit's error bounds are for this engine: 1, or the ratio of
     * unit roundoffs (2^29) for a float32 engine.
     */
    public double roundoffScale() {
        return precision.unitRoundoff() / Precision.FLOAT64.unitRoundoff();
    }
}
