package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.engine.CheckOptions;
import dev.gradproof.gradcheck.engine.GradChecker;
import dev.gradproof.gradcheck.function.AutogradFunction;
import dev.gradproof.gradcheck.function.AutogradVjpFunction;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.DoubleBackward;
import dev.gradproof.gradcheck.function.ForeignFunction;
import dev.gradproof.gradcheck.function.ForeignVjpFunction;
import dev.gradproof.gradcheck.function.Gradient;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.function.ScalarValue;
import dev.gradproof.gradcheck.function.VectorJacobianProduct;
import dev.gradproof.gradcheck.function.VectorValue;
import dev.gradproof.gradcheck.model.CheckKind;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Precision;
import dev.gradproof.gradcheck.model.Tolerances;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.gradcheck.recording.TestContexts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A gradient check, configured fluently and run by {@link #check()}: analytic gradients against
 * numerical ones, for functions built from autograd-core {@link Variable}s or for foreign code
 * given as lambdas over {@code double[]} arrays.
 *
 * <pre>{@code
 * // autograd-core: the notes' network, data x excluded
 * GradCheckResult r = GradCheck.of(v -> Losses.sumSquaredError(
 *             v.get(0).matmul(v.get(1)).sigmoid().matmul(v.get(2)), y))
 *         .input("x", x).input("w1", w1).input("w2", w2)
 *         .exclude("x")
 *         .check();
 *
 * // foreign code: two lambdas
 * GradCheckResult r = GradCheck.scalar(in -> loss(in), in -> backward(in))
 *         .input("w", new double[] {2, -3, -3})
 *         .input("x", new double[] {-1, -2})
 *         .exclude("x")
 *         .check();
 * }</pre>
 *
 * <p>Defaults: {@link Mode#FULL}, the precision's step (1e-6 for double), the tolerances of
 * {@link Tolerances#defaults(Precision)}, 10 samples per input (SAMPLED), 4 directions (FAST), 4
 * output projections when the output has more than 16 elements, all cores, and the seed
 * {@link #DEFAULT_SEED} unless the system property {@value #SEED_PROPERTY} sets another. Under a
 * test the result is recorded as JSON (see {@link ResultRecorder}).
 *
 * <p>A builder is not thread-safe; {@link #check()} may be called again after changing options.
 */
public final class GradCheck {

    /** The seed used when none is given and {@value #SEED_PROPERTY} is not set. */
    public static final long DEFAULT_SEED = 42L;
    /** A system property that replaces the default seed (not an explicit {@link #seed(long)}). */
    public static final String SEED_PROPERTY = "gradproof.seed";
    /** Default k of SAMPLED mode. */
    public static final int DEFAULT_SAMPLES = 10;
    /** Default number of FAST directions. */
    public static final int DEFAULT_DIRECTIONS = 4;
    /** Default number of random output projections for large Jacobians. */
    public static final int DEFAULT_PROJECTIONS = 4;
    /** The largest output whose Jacobian is compared whole, by default. */
    public static final int DEFAULT_FULL_JACOBIAN_LIMIT = 16;
    /** Passing elements kept as full records per input, by default. */
    public static final int DEFAULT_RECORDS_PER_INPUT = 10;
    /** The probability FAST mode's statement is made with, by default. */
    public static final double DEFAULT_CONFIDENCE = 0.99;

    private final Function<List<Variable>, Variable> autograd;
    private final CheckedFunction checked;
    private final DoubleBackward doubleBackward;
    private final boolean secondOrder;
    private final String entry;

    private final List<Input> inputs = new ArrayList<>();
    private final Set<String> excludedNames = new LinkedHashSet<>();
    private final Set<Integer> excludedIndices = new LinkedHashSet<>();
    private Mode mode = Mode.FULL;
    private Double eps;
    private Precision precision;
    private Long seed;
    private int samples = DEFAULT_SAMPLES;
    private int directions = DEFAULT_DIRECTIONS;
    private int projections = DEFAULT_PROJECTIONS;
    private int fullJacobianLimit = DEFAULT_FULL_JACOBIAN_LIMIT;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private int stencilPoints = Tolerances.CENTRAL_DIFFERENCE;
    private double safetyFactor = Tolerances.DEFAULT_SAFETY_FACTOR;
    private double roundingUlps = Tolerances.DEFAULT_ROUNDING_ULPS;
    private double nondeterminismTolerance;
    private double maxDetectableError = Tolerances.DEFAULT_MAX_DETECTABLE_ERROR;
    private double confidence = DEFAULT_CONFIDENCE;
    private int recordsPerInput = DEFAULT_RECORDS_PER_INPUT;
    private String label = "";
    private String op;
    private Boolean record;
    private String replayEntry;
    private String replayTerminal = ".check()";
    private boolean propagateCrashes;

    private GradCheck(Function<List<Variable>, Variable> autograd, CheckedFunction checked,
                      DoubleBackward doubleBackward, boolean secondOrder, String entry) {
        this.autograd = autograd;
        this.checked = checked;
        this.doubleBackward = doubleBackward;
        this.secondOrder = secondOrder;
        this.entry = entry;
    }

    // ------------------------------------------------------------------ what is checked

    /** A function of autograd-core variables; it gets fresh variables for every evaluation. */
    public static GradCheck of(Function<List<Variable>, Variable> function) {
        return new GradCheck(require(function, "function"), null, null, false, "GradCheck.of(f)");
    }

    /** Any function in the engine-neutral model (another engine's adapter, a {@link ForeignFunction}). */
    public static GradCheck of(CheckedFunction function) {
        return new GradCheck(null, require(function, "function"), null, false, "GradCheck.of(f)");
    }

    /** Foreign code with a scalar output: its value and its hand-written gradient. */
    public static GradCheck scalar(ScalarValue value, Gradient gradient) {
        return new GradCheck(null, ForeignFunction.scalar(value, gradient), null, false,
                "GradCheck.scalar(value, gradient)");
    }

    /** Foreign code with a vector output: its value and its hand-written backward pass. */
    public static GradCheck vector(VectorValue value, VectorJacobianProduct backward) {
        return new GradCheck(null, ForeignFunction.vector(value, backward), null, false,
                "GradCheck.vector(value, backward)");
    }

    /**
     * Second order (gradgradcheck) of an autograd-core function: its backward pass, recorded with
     * {@code createGraph}, checked as a function of the inputs and of a random upstream (an extra
     * input named {@code "upstream"}).
     */
    public static GradCheck gradgrad(Function<List<Variable>, Variable> function) {
        return new GradCheck(require(function, "function"), null, null, true, "GradCheck.gradgrad(f)");
    }

    /**
     * Second order of foreign code: the backward pass of {@code first} checked against its own
     * derivative {@code doubleBackward}.
     */
    public static GradCheck gradgrad(CheckedFunction first, DoubleBackward doubleBackward) {
        return new GradCheck(null, require(first, "function"), require(doubleBackward, "doubleBackward"), true,
                "GradCheck.gradgrad(f, doubleBackward)");
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("gradcheck: " + what + " is null");
        }
        return value;
    }

    // ------------------------------------------------------------------ the point

    /** Adds an input. */
    public GradCheck input(Input input) {
        inputs.add(require(input, "input"));
        return this;
    }

    /** Adds a scalar input. */
    public GradCheck input(String name, double value) {
        return input(Input.scalar(name, value));
    }

    /** Adds a vector input. */
    public GradCheck input(String name, double[] values) {
        return input(Input.vector(name, values));
    }

    /** Adds a matrix input, row by row. */
    public GradCheck input(String name, double[][] rows) {
        return input(Input.matrix(name, rows));
    }

    /** Adds an input of any shape (row-major values). */
    public GradCheck input(String name, double[] values, int... shape) {
        return input(Input.of(name, values, shape));
    }

    /** Adds an input from a tensor. */
    public GradCheck input(String name, Tensor value) {
        return input(Input.of(name, value.toArray(), value.dims()));
    }

    /** Adds inputs from tensors, named {@code input0}, {@code input1}, ... by position. */
    public GradCheck at(Tensor... values) {
        for (Tensor t : values) {
            input("input" + inputs.size(), t);
        }
        return this;
    }

    /**
     * Adds inputs from variables, with their names (or {@code input<i>}); constants (such as data
     * {@code x}) are excluded from the check and passed to the function as constants.
     */
    public GradCheck at(Variable... values) {
        for (Variable v : values) {
            int index = inputs.size();
            input(v.name().orElse("input" + index), v.value());
            if (!v.requiresGrad()) {
                excludedIndices.add(index);
            }
        }
        return this;
    }

    /** Excludes inputs by name: data such as {@code x} or labels, passed through but not checked. */
    public GradCheck exclude(String... names) {
        excludedNames.addAll(Arrays.asList(names));
        return this;
    }

    /** Excludes inputs by position. */
    public GradCheck exclude(int... indices) {
        for (int i : indices) {
            excludedIndices.add(i);
        }
        return this;
    }

    // ------------------------------------------------------------------ options

    /** FULL (default), SAMPLED or FAST. */
    public GradCheck mode(Mode newMode) {
        this.mode = require(newMode, "mode");
        return this;
    }

    /** k, the elements per input SAMPLED mode checks (default 10). */
    public GradCheck samples(int k) {
        this.samples = k;
        return this;
    }

    /** The random directions FAST mode compares (default 4). */
    public GradCheck directions(int count) {
        this.directions = count;
        return this;
    }

    /** The random output projections used when the output has more than the full-Jacobian limit (default 4). */
    public GradCheck projections(int count) {
        this.projections = count;
        return this;
    }

    /** The largest output size whose Jacobian is compared whole (default 16). */
    public GradCheck fullJacobianLimit(int outputs) {
        this.fullJacobianLimit = outputs;
        return this;
    }

    /** The finite-difference step (default: the precision's, 1e-6 for double, 1e-3 for float). */
    public GradCheck eps(double step) {
        this.eps = step;
        return this;
    }

    /** The precision the function computes in (default: the function's declaration, else double). */
    public GradCheck precision(Precision newPrecision) {
        this.precision = require(newPrecision, "precision");
        return this;
    }

    /**
     * A higher-order stencil of {@code points} points (odd, at least 3) through Commons Math's
     * {@code FiniteDifferencesDifferentiator}, instead of the central difference; FULL and SAMPLED.
     */
    public GradCheck stencil(int points) {
        this.stencilPoints = points;
        return this;
    }

    /** The multiple of the estimated numerical error that is tolerated (default 10). */
    public GradCheck safetyFactor(double factor) {
        this.safetyFactor = factor;
        return this;
    }

    /** The assumed rounding of each output in units of machine epsilon times its size (default 4). */
    public GradCheck roundingUlps(double ulps) {
        this.roundingUlps = ulps;
        return this;
    }

    /**
     * The relative difference allowed between two backward passes with the same upstream (default 0:
     * bitwise equal). Engines with parallel reductions set a small tolerance.
     */
    public GradCheck nondeterminismTolerance(double relative) {
        this.nondeterminismTolerance = relative;
        return this;
    }

    /**
     * The largest relative error a check may be unable to see and still PASS (default 1: an error as
     * large as the gradient itself). Where noise measured in the function's values sets an element's
     * tolerance above it, or FAST's random directions could miss an error above it, the check is
     * INCONCLUSIVE instead of PASSED.
     */
    public GradCheck maxDetectableError(double relative) {
        this.maxDetectableError = relative;
        return this;
    }

    /** The probability FAST mode's detection statement is made with (default 0.99). */
    public GradCheck confidence(double probability) {
        this.confidence = probability;
        return this;
    }

    /** The seed of every random choice (default {@link #DEFAULT_SEED}, or {@value #SEED_PROPERTY}). */
    public GradCheck seed(long newSeed) {
        this.seed = newSeed;
        return this;
    }

    /** Worker threads for the numerical Jacobian (default: all cores; 1 for code that is not thread-safe). */
    public GradCheck parallelism(int threads) {
        this.parallelism = threads;
        return this;
    }

    /** Passing elements kept as full records per input (default 10; FAIL and KINK are always kept). */
    public GradCheck recordsPerInput(int count) {
        this.recordsPerInput = count;
        return this;
    }

    /** A label for messages and the report. */
    public GradCheck label(String newLabel) {
        this.label = newLabel == null ? "" : newLabel;
        return this;
    }

    /** The op under check, for the report's per-op view. */
    public GradCheck op(String name) {
        this.op = name;
        return this;
    }

    /**
     * What a function that throws or crashes (a {@code StackOverflowError}, an {@code OutOfMemoryError})
     * does to the check: by default it is a recorded failure ({@code FUNCTION_COMPLETES}) naming the
     * throwable; with {@code true}, {@link #check()} throws a
     * {@link dev.gradproof.gradcheck.engine.GradCheckException} whose cause is the throwable, for a
     * harness that reports crashes itself (the contract kit does).
     */
    public GradCheck propagateCrashes(boolean propagate) {
        this.propagateCrashes = propagate;
        return this;
    }

    /** Records the result as JSON ({@code true}) or not ({@code false}), overriding the system property. */
    public GradCheck record(boolean enabled) {
        this.record = enabled;
        return this;
    }

    /**
     * How the replay line starts and ends, for wrappers such as the AssertJ entry point: e.g.
     * {@code assertGradientsOf(f).at(w1, w2)} and {@code .matchNumerical()}.
     */
    public GradCheck replayAs(String entryText, String terminal) {
        this.replayEntry = entryText;
        this.replayTerminal = terminal;
        return this;
    }

    /** The inputs added so far. */
    public List<Input> inputs() {
        return List.copyOf(inputs);
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs the check.
     *
     * @throws IllegalArgumentException for unusable inputs or options (the message names them)
     * @throws dev.gradproof.gradcheck.engine.GradCheckException if the function throws or returns nothing
     */
    public GradCheckResult check() {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("gradcheck: no inputs; add them with input(...) or at(...)");
        }
        boolean[] excluded = excludedMask();
        long usedSeed = seed != null ? seed : defaultSeed();
        CheckedFunction function = autograd != null ? new AutogradFunction(autograd, names(), shapes()) : checked;
        List<Input> point = new ArrayList<>(inputs);
        boolean[] mask = excluded;
        if (secondOrder) {
            int[] outputShape = outputShape(function, excluded);
            double[] upstream = new double[sizeOf(outputShape)];
            Random random = new Random(usedSeed ^ 0x5DEECE66DL);
            for (int m = 0; m < upstream.length; m++) {
                upstream[m] = random.nextGaussian();
            }
            point.add(Input.of("upstream", upstream, outputShape));
            mask = Arrays.copyOf(excluded, excluded.length + 1);
            mask[excluded.length] = excludedNames.contains("upstream");
            function = autograd != null
                    ? new AutogradVjpFunction(autograd, names(), shapes(), outputShape)
                    : new ForeignVjpFunction(checked, doubleBackward);
        }
        Precision p = precision != null ? precision : function.precision();
        Tolerances tolerances = Tolerances.defaults(p)
                .withEps(eps != null ? eps : p.defaultEps())
                .withStencilPoints(stencilPoints)
                .withSafetyFactor(safetyFactor)
                .withRoundingUlps(roundingUlps)
                .withNondeterminismTolerance(nondeterminismTolerance)
                .withMaxDetectableError(maxDetectableError);
        CheckOptions options = new CheckOptions(secondOrder ? CheckKind.GRADGRADCHECK : CheckKind.GRADCHECK, mode,
                tolerances, usedSeed, samples, directions, projections, fullJacobianLimit, parallelism, mask,
                recordsPerInput, confidence, label, op, replay(usedSeed, tolerances), propagateCrashes);
        var context = TestContexts.current();
        GradCheckResult result = GradChecker.run(function, point, options).withContext(context.orElse(null));
        boolean write = record != null ? record : ResultRecorder.enabled(context.isPresent());
        if (write) {
            ResultRecorder.write(result, ResultRecorder.directory());
        }
        return result;
    }

    private boolean[] excludedMask() {
        boolean[] excluded = new boolean[inputs.size()];
        for (int i : excludedIndices) {
            if (i < 0 || i >= inputs.size()) {
                throw new IllegalArgumentException("gradcheck: cannot exclude input " + i + "; there are "
                        + inputs.size() + " inputs " + names());
            }
            excluded[i] = true;
        }
        for (String name : excludedNames) {
            if (secondOrder && name.equals("upstream")) {
                continue;
            }
            boolean found = false;
            for (int i = 0; i < inputs.size(); i++) {
                if (inputs.get(i).name().equals(name)) {
                    excluded[i] = true;
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("gradcheck: cannot exclude \"" + name + "\"; the inputs are "
                        + names());
            }
        }
        return excluded;
    }

    private int[] outputShape(CheckedFunction first, boolean[] excluded) {
        double[][] values = new double[inputs.size()][];
        boolean[] wrt = new boolean[inputs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = inputs.get(i).values();
            wrt[i] = !excluded[i];
        }
        return first.evaluate(values, wrt).outputShape();
    }

    private static int sizeOf(int[] shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (Input in : inputs) {
            names.add(in.name());
        }
        return names;
    }

    private List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        for (Input in : inputs) {
            shapes.add(in.shape());
        }
        return shapes;
    }

    private static long defaultSeed() {
        String property = System.getProperty(SEED_PROPERTY);
        if (property == null || property.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(property.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gradcheck: system property " + SEED_PROPERTY + " is not a long: "
                    + property, e);
        }
    }

    /** One line of Java repeating this check: the entry, the inputs by name, every non-default option, the seed. */
    private String replay(long usedSeed, Tolerances tolerances) {
        StringBuilder b = new StringBuilder();
        if (replayEntry != null) {
            b.append(replayEntry);
        } else {
            b.append(entry);
            if (autograd != null || secondOrder && checked == null) {
                b.append(".at(").append(String.join(", ", names())).append(')');
            } else {
                for (Input in : inputs) {
                    b.append(".input(\"").append(in.name()).append("\", ").append(in.name()).append(')');
                }
            }
        }
        if (!excludedNames.isEmpty()) {
            b.append(".exclude(\"").append(String.join("\", \"", excludedNames)).append("\")");
        }
        if (!excludedIndices.isEmpty()) {
            b.append(".exclude(").append(excludedIndices.stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))).append(')');
        }
        b.append(".mode(Mode.").append(mode).append(')');
        if (mode == Mode.SAMPLED) {
            b.append(".samples(").append(samples).append(')');
        }
        if (mode == Mode.FAST) {
            b.append(".directions(").append(directions).append(')');
        }
        if (precision != null) {
            b.append(".precision(Precision.").append(precision).append(')');
        }
        if (eps != null) {
            b.append(".eps(").append(tolerances.eps()).append(')');
        }
        if (stencilPoints != Tolerances.CENTRAL_DIFFERENCE) {
            b.append(".stencil(").append(stencilPoints).append(')');
        }
        if (safetyFactor != Tolerances.DEFAULT_SAFETY_FACTOR) {
            b.append(".safetyFactor(").append(safetyFactor).append(')');
        }
        if (roundingUlps != Tolerances.DEFAULT_ROUNDING_ULPS) {
            b.append(".roundingUlps(").append(roundingUlps).append(')');
        }
        if (projections != DEFAULT_PROJECTIONS) {
            b.append(".projections(").append(projections).append(')');
        }
        if (fullJacobianLimit != DEFAULT_FULL_JACOBIAN_LIMIT) {
            b.append(".fullJacobianLimit(").append(fullJacobianLimit).append(')');
        }
        if (nondeterminismTolerance != 0) {
            b.append(".nondeterminismTolerance(").append(nondeterminismTolerance).append(')');
        }
        if (maxDetectableError != Tolerances.DEFAULT_MAX_DETECTABLE_ERROR) {
            b.append(".maxDetectableError(").append(maxDetectableError).append(')');
        }
        if (mode == Mode.FAST && confidence != DEFAULT_CONFIDENCE) {
            b.append(".confidence(").append(confidence).append(')');
        }
        return b.append(".seed(").append(usedSeed).append("L)").append(replayTerminal).toString();
    }
}
