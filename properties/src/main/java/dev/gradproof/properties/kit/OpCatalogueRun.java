package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.catalogue.OpCatalogue;
import dev.gradproof.gradcheck.catalogue.OpSample;
import dev.gradproof.gradcheck.catalogue.OpSpec;
import dev.gradproof.gradcheck.catalogue.SampleCall;
import dev.gradproof.gradcheck.catalogue.ToleranceOverride;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.TestContext;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.gradcheck.recording.TestContexts;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Unsupported;
import dev.gradproof.properties.graph.DenseArrays;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.OpNode;
import dev.gradproof.properties.kit.SampleOutcome.Status;
import dev.gradproof.properties.recording.PropertyRun;
import dev.gradproof.properties.recording.PropertyRunRecorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The op catalogue run against any engine through its kit adapter: every sample whose op the
 * contract kit's vocabulary has ({@link OpSample#call()}) is replayed in the engine and checked
 * three ways. Its forward value against the catalogue's (autograd-core's, which the catalogue's
 * tests hold to Commons Math oracles and PyTorch), within the kit's stated forward tolerance
 * ({@link Rule#KIT_901}); its gradient by gradcheck, first order; and, where the adapter declares
 * {@link AutogradAdapter.Capability#SECOND_ORDER} and the spec has second order, by gradgradcheck.
 * The samples the engine's declaration excludes (op, rank, zero size, broadcasting, parameter
 * domain), that the adapter declines ({@link Unsupported}) or that the kit has no call for are
 * counted as not supported, never passed.
 *
 * <p>A sample that meets a fault the adapter declared ({@link AutogradAdapter#knownFaults()}) is run
 * anyway: a failure there is an expected failure, recorded and reported as such; a declared fault
 * that samples meet but none of them fails any more is a failure of its own
 * ({@link #knownFaultsThatNoLongerFail()}). Every gradcheck result is recorded where the report reads
 * it, tagged with the spec's name and, for a declared fault, as an expected failure.
 *
 * <pre>{@code
 * OpCatalogueRun<MyNode> run = OpCatalogueRun.runAll(new MyAdapter(), 42, MyTest.class);
 * run.failures();   // every FAILED sample, with its op, label, message and replay line
 * }</pre>
 *
 * <p>An engine that declares {@link Capabilities#withSerializedCalls()} is checked with one worker,
 * each graph built, run backward and read under one lock. Thread-safe otherwise.
 *
 * @param <V> the engine's node type
 */
public final class OpCatalogueRun<V> {

    /** The test method the recorded results name. */
    static final String TEST_METHOD = "opCatalogue";

    private static final AutogradCoreAdapter CORE = new AutogradCoreAdapter();

    private final AutogradAdapter<V> engine;
    private final long seed;
    private final Mode mode;
    private final Class<?> testClass;
    private final List<SampleOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    /** Per declared fault: {samples that met it, of which failed}. */
    private final Map<KnownFault, int[]> faults = new LinkedHashMap<>();
    private int firstOrderChecks;
    private int secondOrderChecks;

    /**
     * @param engine    the engine under test
     * @param seed      the catalogue's seed (its samples, and every check's)
     * @param mode      gradcheck's mode for every check
     * @param testClass the test the results are recorded under
     */
    public OpCatalogueRun(AutogradAdapter<V> engine, long seed, Mode mode, Class<?> testClass) {
        this.engine = engine;
        this.seed = seed;
        this.mode = mode;
        this.testClass = testClass;
        engine.knownFaults().forEach(f -> faults.put(f, new int[2]));
    }

    /** Every sample of every spec of the catalogue for {@code seed}, in FULL mode. */
    public static <V> OpCatalogueRun<V> runAll(AutogradAdapter<V> engine, long seed, Class<?> testClass) {
        OpCatalogueRun<V> run = new OpCatalogueRun<>(engine, seed, Mode.FULL, testClass);
        for (OpSpec spec : OpCatalogue.specs()) {
            for (OpSample sample : spec.samples(seed)) {
                run.run(spec, sample);
            }
        }
        return run;
    }

    /** The engine under test. */
    public AutogradAdapter<V> engine() {
        return engine;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Runs one sample, keeps and returns its outcome. */
    public SampleOutcome run(OpSpec spec, OpSample sample) {
        SampleOutcome outcome = outcome(spec, sample);
        outcomes.add(outcome);
        return outcome;
    }

    /** The outcomes so far, in the order run. */
    public List<SampleOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /** The samples that failed (expected failures left out). */
    public List<SampleOutcome> failures() {
        return outcomes().stream().filter(o -> o.status() == Status.FAILED).toList();
    }

    /** The outcomes with this status. */
    public List<SampleOutcome> withStatus(Status status) {
        return outcomes().stream().filter(o -> o.status() == status).toList();
    }

    /**
     * The declared faults that samples met but none of them failed: fixed, or declared too widely;
     * each a failure of its own. A fault no sample met is not judged here (see {@link #summary()}).
     */
    public synchronized List<String> knownFaultsThatNoLongerFail() {
        List<String> stale = new ArrayList<>();
        faults.forEach((fault, counts) -> {
            if (counts[0] > 0 && counts[1] == 0) {
                stale.add("known fault no longer fails: " + fault.describe() + " (met by " + counts[0]
                        + " samples of the op catalogue, seed " + seed + ", none failed): remove it from knownFaults()");
            }
        });
        return stale;
    }

    /** One paragraph: the counts by status, the reasons of the samples not supported, the known faults. */
    public String summary() {
        List<SampleOutcome> all = outcomes();
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        Map<String, Integer> reasons = new TreeMap<>();
        for (SampleOutcome o : all) {
            counts.merge(o.status(), 1, Integer::sum);
            if (o.status() == Status.NOT_SUPPORTED) {
                // one line per kind of reason: shapes and numbers left out
                reasons.merge(o.detail().replaceAll("\\[[^]]*]", "[..]").replaceAll("(?<![\\w.])-?\\d[\\d.eE-]*", "#"),
                        1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "op catalogue on %s (seed %d): %d samples: %d passed, %d failed, %d expected failures (declared"
                        + " faults), %d not supported by the engine; %d first-order and %d second-order checks",
                engine.name(), seed, all.size(), counts.get(Status.PASSED), counts.get(Status.FAILED),
                counts.get(Status.EXPECTED_FAILURE), counts.get(Status.NOT_SUPPORTED), firstOrderChecks(),
                secondOrderChecks()));
        reasons.forEach((why, n) -> text.append("\n  not supported: ").append(n).append(" (").append(why).append(')'));
        synchronized (this) {
            faults.forEach((fault, c) -> text.append("\n  known fault ").append(fault.describe()).append(": met by ")
                    .append(c[0]).append(" samples, ").append(c[1]).append(" failed"));
        }
        return text.toString();
    }

    private synchronized int firstOrderChecks() {
        return firstOrderChecks;
    }

    private synchronized int secondOrderChecks() {
        return secondOrderChecks;
    }

    /**
     * Records one property run per spec that ran (JSON in the results folder the report reads, as
     * jqwik's property runs are): status FAILED when a sample failed (marked expected when every
     * failure met a declared fault), SKIPPED when no sample was supported (as a kit rule the engine does
     * not declare: neither a pass nor a failure), else SUCCESSFUL; the
     * samples as tries, those run as checks, the counts by status and the reasons of the samples not
     * supported as its statistics, the failures as its failure text. Does nothing when recording is off.
     */
    public void record() {
        if (!ResultRecorder.enabled(true)) {
            return;
        }
        Map<String, List<SampleOutcome>> bySpec = new LinkedHashMap<>();
        for (SampleOutcome o : outcomes()) {
            bySpec.computeIfAbsent(o.spec(), k -> new ArrayList<>()).add(o);
        }
        bySpec.forEach((spec, list) -> PropertyRunRecorder.write(propertyRun(spec, list), ResultRecorder.directory()));
    }

    private PropertyRun propertyRun(String spec, List<SampleOutcome> list) {
        Map<Status, List<SampleOutcome>> by = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            by.put(status, list.stream().filter(o -> o.status() == status).toList());
        }
        boolean failed = !by.get(Status.FAILED).isEmpty() || !by.get(Status.EXPECTED_FAILURE).isEmpty();
        // nothing supported is SKIPPED, as the kit's rules an engine does not declare: neither a pass nor a failure
        String status = failed ? "FAILED" : by.get(Status.NOT_SUPPORTED).size() == list.size() ? "SKIPPED" : "SUCCESSFUL";
        StringBuilder counts = new StringBuilder();
        by.forEach((s, outcomes) -> counts.append(s.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(": ")
                .append(outcomes.size()).append('\n'));
        for (SampleOutcome o : by.get(Status.NOT_SUPPORTED)) {
            counts.append("  not supported: ").append(o.label()).append(" (").append(o.detail()).append(")\n");
        }
        StringBuilder failure = new StringBuilder();
        for (SampleOutcome o : by.get(Status.FAILED)) {
            failure.append(o.detail()).append("\n");
        }
        for (SampleOutcome o : by.get(Status.EXPECTED_FAILURE)) {
            failure.append("expected: ").append(o.detail()).append("\n");
        }
        String text = failure.length() > 0 ? PropertyRunRecorder.truncated(failure.toString())
                : status.equals("SKIPPED") ? PropertyRunRecorder.truncated("not supported by " + engine.name() + ": "
                + by.get(Status.NOT_SUPPORTED).get(0).detail()) : null;
        return new PropertyRun(PropertyRun.FORMAT, PropertyRun.SCHEMA_VERSION, testClass.getName(),
                TEST_METHOD + "[" + spec + "]", "op catalogue: " + spec + " on " + engine.name(), status, list.size(),
                list.size() - by.get(Status.NOT_SUPPORTED).size(), null, Long.toString(seed), null,
                List.of(new PropertyRun.Report("samples by outcome", counts.toString())), List.of(), null, List.of(), text,
                Instant.now().toString(), 0, System.getProperty("java.version"),
                failed && (by.get(Status.FAILED).isEmpty() || TestContexts.expectedToFail(testClass, null)), null);
    }

    // ------------------------------------------------------------------ one sample

    private SampleOutcome outcome(OpSpec spec, OpSample sample) {
        Optional<SampleCall> described = sample.call();
        if (described.isEmpty()) {
            return notSupported(spec, sample, "no call in the contract kit's vocabulary for " + spec.name()
                    + " (autograd-core only)");
        }
        SampleCall c = described.get();
        List<Input> inputs = sample.inputs();
        List<int[]> shapes = new ArrayList<>();
        for (int k : c.operands()) {
            shapes.add(inputs.get(k).shape());
        }
        OpCall call = opCall(c, shapes);
        GraphSpec graph = graph(inputs, call, c.operands());
        String reason = CatalogueSupport.unsupported(engine, call, shapes, graph.outputShape().dims());
        if (reason != null) {
            return notSupported(spec, sample, reason);
        }
        KnownFault fault = engine.knownFaults().stream().filter(f -> f.matches(call, shapes)).findFirst().orElse(null);
        EngineCall<V> function = new EngineCall<>(engine, graph, sample.function());
        String failure;
        try {
            failure = check(spec, sample, function, fault != null);
        } catch (Unsupported declined) {
            return notSupported(spec, sample, "declined by the engine: " + declined.reason());
        }
        if (fault != null) {
            synchronized (this) {
                int[] counts = faults.get(fault);
                counts[0]++;
                counts[1] += failure == null ? 0 : 1;
            }
        }
        if (failure == null) {
            return new SampleOutcome(spec.name(), sample.label(), Status.PASSED, fault == null ? "verified"
                    : "verified, although it meets the declared fault " + fault.describe());
        }
        String message = spec.name() + ": sample \"" + sample.label() + "\" on " + engine.name() + ": " + failure
                + "\nreplay: run " + testClass.getName() + " with -D" + GradCheck.SEED_PROPERTY + "=" + seed
                + " (the catalogue's samples and every check follow that seed)";
        return fault == null ? new SampleOutcome(spec.name(), sample.label(), Status.FAILED, message)
                : new SampleOutcome(spec.name(), sample.label(), Status.EXPECTED_FAILURE,
                "declared fault " + fault.describe() + "\n" + message);
    }

    private static SampleOutcome notSupported(OpSpec spec, OpSample sample, String reason) {
        return new SampleOutcome(spec.name(), sample.label(), Status.NOT_SUPPORTED, reason);
    }

    /** The kit's call: the catalogue's parameters, a negative axis counted from the end of the first operand. */
    private static OpCall opCall(SampleCall c, List<int[]> shapes) {
        int axis = c.axis() < 0 ? c.axis() + shapes.get(0).length : c.axis();
        return new OpCall(c.op(), c.scalar(), axis, c.keepDims(), c.ints());
    }

    /** The sample's inputs as leaves, in order, and the call on its operands as the output. */
    private static GraphSpec graph(List<Input> inputs, OpCall call, int[] operands) {
        GraphSpec.Builder b = GraphSpec.builder();
        int[] leaves = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            leaves[i] = b.leaf(in.name(), Tensor.of(in.values(), in.shape()));
        }
        int[] args = Arrays.stream(operands).map(k -> leaves[k]).toArray();
        return b.build(b.apply(call, args));
    }

    /** Forward values, then first and second order: the first failure's message, or null when all hold. */
    private String check(OpSpec spec, OpSample sample, EngineCall<V> function, boolean faultDeclared) {
        double[][] point = sample.inputs().stream().map(Input::values).toArray(double[][]::new);
        boolean[] wrt = new boolean[point.length];
        for (int i = 0; i < wrt.length; i++) {
            wrt[i] = !sample.dataInputs().contains(sample.inputs().get(i).name());
        }
        String forward = forwardValue(sample, function, point, wrt);
        if (forward != null) {
            return forward;
        }
        // backward once outside gradcheck, so that a declined upstream or op is a skip, not a crash
        double[] ones = new double[function.graph().outputShape().size()];
        Arrays.fill(ones, 1.0);
        try {
            function.vectorJacobianProduct(point, ones, wrt);
        } catch (Unsupported declined) {
            throw declined;
        } catch (Throwable crash) {
            return "the engine threw in backward: " + crash;
        }
        GradCheckResult first = configure(GradCheck.of(function), spec, sample).check();
        record(first, faultDeclared);
        synchronized (this) {
            firstOrderChecks++;
        }
        String verdict = judge(spec, first);
        if (verdict != null || !spec.secondOrder() || !EngineCall.hasDoubleBackward(engine)) {
            return verdict;
        }
        EngineCall<V> withKinks = function.withReferenceKinks();
        GradCheckResult second = configure(GradCheck.gradgrad(withKinks, withKinks.secondOrder()), spec, sample).check();
        record(second, faultDeclared);
        synchronized (this) {
            secondOrderChecks++;
        }
        return judge(spec, second);
    }

    /** The engine's value against the catalogue's (with the parameter the engine really holds), within the kit's stated tolerance. */
    private String forwardValue(OpSample sample, EngineCall<V> function, double[][] point, boolean[] wrt) {
        DenseArray actual;
        try {
            actual = function.value(point);
        } catch (Unsupported declined) {
            throw declined;
        } catch (Throwable crash) {
            return "the engine threw in forward: " + crash;
        }
        GraphSpec graph = function.graph();
        OpNode op = (OpNode) graph.node(graph.output());
        OpCall call = op.call();
        Capabilities declared = engine.declared();
        double held = declared.parameterPrecision().round(call.scalar());
        DenseArray expected;
        if (held == call.scalar()) {
            var core = sample.function().evaluate(point, wrt);
            expected = new DenseArray(core.output(), core.outputShape());
        } else {
            // the engine holds a rounded parameter: the reference is autograd-core's op with that parameter
            // (the graph's leaves are its first nodes, one per input, so an op input's node is its input's index)
            OpCall rounded = new OpCall(call.op(), held, call.axis(), call.keepDims(), call.ints());
            int[] operands = op.inputs().stream().mapToInt(Integer::intValue).toArray();
            expected = graph(sample.inputs(), rounded, operands).evaluate(CORE).outputValue();
        }
        List<DenseArray> inputs = new ArrayList<>();
        for (int leaf : graph.leafIndices()) {
            inputs.add(DenseArrays.of(graph.leaf(leaf).value()));
        }
        double relative = ForwardValues.relative(declared.precision());
        try {
            Check.closeUnscaled("forward value matches the op catalogue's (relative " + relative + ")",
                    "the value of " + call.op(), actual, expected.data(), expected.shape(),
                    ForwardValues.bound(relative, expected, inputs), graph);
            return null;
        } catch (AssertionError wrong) {
            return wrong.getMessage();
        }
    }

    private GradCheck configure(GradCheck check, OpSpec spec, OpSample sample) {
        sample.inputs().forEach(check::input);
        check.exclude(sample.dataInputs().toArray(new String[0])).op(spec.name())
                .label(sample.label() + " [" + engine.name() + "]").seed(seed).mode(mode).record(false);
        for (ToleranceOverride o : spec.toleranceOverrides()) {
            o.applyTo(check);
        }
        Capabilities declared = engine.declared();
        if (declared.determinismTolerance() > 0) {
            check.nondeterminismTolerance(declared.determinismTolerance());
        }
        if (!declared.concurrentCalls()) {
            check.parallelism(1);
        }
        return check;
    }

    /**
     * Null when the check verified the op: PASSED, or INCONCLUSIVE only because every compared element
     * sits on a kink the spec documents. Else the check's kind, verdict and gradcheck's message.
     */
    private static String judge(OpSpec spec, GradCheckResult result) {
        if (result.passed()) {
            return null;
        }
        boolean onDocumentedKinks = result.verdict() == CheckVerdict.INCONCLUSIVE && !spec.kinks().isEmpty()
                && result.statistics().checked() > 0 && result.statistics().kinks() == result.statistics().checked();
        if (onDocumentedKinks) {
            return null;
        }
        return result.kind() + " " + result.verdict() + ":\n" + result.failureMessage();
    }

    /**
     * Records a result where the report reads it: under the test on the stack if any (a test that
     * runs samples itself, its tags included), else under the test class; a declared fault's as
     * expected to fail.
     */
    private void record(GradCheckResult result, boolean faultDeclared) {
        if (!ResultRecorder.enabled(true)) {
            return;
        }
        TestContext context = TestContexts.current().orElseGet(() -> new TestContext(testClass.getName(), TEST_METHOD,
                "junit-jupiter", "TestFactory", TestContexts.expectedToFail(testClass, null)));
        if (faultDeclared && !context.expectedFailure()) {
            context = new TestContext(context.testClass(), context.testMethod(), context.engine(), context.annotation(), true);
        }
        ResultRecorder.write(result.withContext(context), ResultRecorder.directory());
    }
}
