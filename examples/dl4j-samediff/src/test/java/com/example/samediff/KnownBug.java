package com.example.samediff;

import com.example.samediff.SameDiffFunction.In;
import dev.gradproof.properties.engine.KnownFault;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The gradient bugs of SameDiff 1.0.0-M2.1 this example found, each confirmed by a derivative by
 * hand and by PyTorch (README.md lists them with wrong and right values; {@code SameDiffKnownBugsTest}
 * holds one expected failure per bug, which fails once the bug is fixed). Each names the ops it
 * affects, by the kit's names ({@link Ops}) or, for SameDiff ops the kit has no name for, by the
 * probe's SameDiff name ({@code loss.hingeLoss}), and which applications meet it: the contract
 * kit does not run graphs that meet one ({@link #knownFaults}), the catalogue counts its samples that
 * fail as expected failures, and the op probes skip them. A bug of some values only (a tie, an
 * underflow) is declared for every application of its ops where those values occur.
 */
enum KnownBug {

    DIV_SCALAR_DIVISOR("the divisor's gradient is -sum(g) sum(a) / b^2 instead of -sum(g a) / b^2 when the divisor"
            + " is broadcast from one element", Set.of(Ops.DIV),
            (call, shapes) -> In.size(shapes.get(1)) == 1 && In.size(shapes.get(0)) > 1),
    MAXIMUM_BROADCAST("the gradient of a broadcast operand ignores which operand is larger",
            Set.of(Ops.MAXIMUM), (call, shapes) -> !Arrays.equals(shapes.get(0), shapes.get(1))),
    MINIMUM_BROADCAST("the gradient of a broadcast operand is not summed back to its shape (or ignores which operand"
            + " is smaller)", Set.of(Ops.MINIMUM), (call, shapes) -> !Arrays.equals(shapes.get(0), shapes.get(1))),
    MAXIMUM_MINIMUM_TIE("at a tie both operands get the whole upstream: the gradient of max(x, x) = x is 2, not 1"
            + " (PyTorch gives each half)", Set.of(Ops.MAXIMUM, Ops.MINIMUM, Ops.MAXOUT), Set.of(Ops.MAXOUT)),
    SOFTMAX_UNDERFLOW_NAN("softmax along axis 1 of a matrix is NaN in a row whose logits are all below about -745 while"
            + " another row's are not (a single row is right)", Set.of(), Set.of(Ops.SOFTMAX)),
    LEAKY_RELU_FLOAT_SLOPE("the backward pass uses the slope rounded to float32 (0.01 as 0.009999999776), the"
            + " forward pass the double slope", Set.of(Ops.LEAKY_RELU),
            (call, shapes) -> (double) (float) call.scalar() != call.scalar()),
    BROADCAST_TO_NO_BACKWARD("backward throws UnsupportedOperationException: Not yet implemented",
            Set.of(Ops.BROADCAST_TO), (call, shapes) -> true),
    MATMUL_1X1_BACKWARD("backward of a [1, 1] @ [1, 1] product throws (matmul_bp: NDArray::mulRowVector: wrong arguments)",
            Set.of(Ops.MATMUL, Ops.MAXOUT), (call, shapes) -> Arrays.equals(shapes.get(0), new int[] {1, 1})
                    && Arrays.equals(shapes.get(1), new int[] {1, 1})),
    LOG_SOFTMAX_AXIS_BACKWARD("backward of nn.logSoftmax(x, axis) throws (Error setting property for function LogSoftMax)",
            Set.of(Ops.LOG_SOFTMAX), (call, shapes) -> true),
    LOG_SOFTMAX_OVERFLOW("the forward value is -Infinity where logits differ by more than about 745 (log of an underflowed"
            + " softmax)", Set.of(), Set.of()),
    REDUCE_SIZE1_AXIS("sum and mean along an axis of size 1 of a matrix throw NullPointerException in the forward pass",
            Set.of(Ops.SUM_AXIS, Ops.MEAN_AXIS), (call, shapes) -> shapes.get(0).length == 2 && shapes.get(0)[call.axis()] == 1),
    LOSS_IGNORES_UPSTREAM("every loss op's backward ignores the upstream gradient: the gradient of c * loss is the"
            + " gradient of loss", Set.of(Ops.SOFTMAX_CROSS_ENTROPY, Ops.SOFTMAX_CROSS_ENTROPY_SUM, Ops.SUM_SQUARED_ERROR,
            Ops.MEAN_SQUARED_ERROR, Ops.L2, "loss.softmaxCrossEntropy", "loss.sparseSoftmaxCrossEntropy", "loss.hingeLoss",
            "loss.absoluteDifference", "loss.huberLoss", "loss.logLoss", "loss.sigmoidCrossEntropy", "loss.cosineDistance",
            "loss.meanPairwiseSquaredError", "loss.meanSquaredError", "loss.l2Loss"), (call, shapes) -> true),
    PRECISE_GELU_BRACKET("nn.preciseGelu computes tanh(sqrt(2/pi) (x + (0.044715 x)^3)) instead of"
            + " tanh(sqrt(2/pi) (x + 0.044715 x^3)), and its gradient is not the derivative of that forward",
            Set.of("nn.preciseGelu"), (call, shapes) -> true),
    VARIANCE_POPULATION("the gradient of the population variance (biasCorrected false) is n / (n - 1) times too large,"
            + " as for the bias-corrected one", Set.of("variance"), (call, shapes) -> true),
    VARIANCE_FLOAT_FACTOR("the gradient of the bias-corrected variance is off by a relative 3e-8: its factor"
            + " 2 / (n - 1) is computed in float32", Set.of("variance(biasCorrected)"), (call, shapes) -> true),
    CUMSUM_ALONG_AXIS_1("the gradient of cumsum along axis 1 of a matrix is wrong (upstream from other rows)",
            Set.of("cumsum"), (call, shapes) -> true),
    LOG_SUM_EXP_AXIS_BACKWARD("backward of math.logSumExp(x, axis) throws (reduce_sum_bp: NDArray::reshapei: bad input shape)",
            Set.of("math.logSumExp"), (call, shapes) -> true);

    /** SameDiff's version these bugs were found in. */
    static final String VERSION = "1.0.0-M2.1";

    /** Where the bugs are declared as known faults. */
    enum Run {
        /** The contract kit's random graphs (values within +-100; ties through shared nodes). */
        KIT,
        /** The op catalogue's samples (extreme values; ties between independent inputs are kinks). */
        CATALOGUE
    }

    private final String description;
    private final Set<String> ops;
    private final BiPredicate<OpCall, List<int[]>> cases;
    private final Set<String> kitOps;
    private final Set<String> catalogueOps;

    /** A bug of the applications of {@code ops} that {@code cases} tells from the call and the shapes. */
    KnownBug(String description, Set<String> ops, BiPredicate<OpCall, List<int[]>> cases) {
        this.description = description;
        this.ops = ops;
        this.cases = cases;
        this.kitOps = ops;
        this.catalogueOps = ops;
    }

    /**
     * A bug of some values only (a tie, an underflow), which no shape tells: declared for every
     * application of {@code kitOps} in the kit and of {@code catalogueOps} in the catalogue, where
     * the values that meet it occur.
     */
    KnownBug(String description, Set<String> kitOps, Set<String> catalogueOps) {
        this.description = description;
        this.ops = Set.of();
        this.cases = (call, shapes) -> true;
        this.kitOps = kitOps;
        this.catalogueOps = catalogueOps;
    }

    String description() {
        return description;
    }

    /**
     * The first bug met by {@code op} applied as {@code call} to inputs of {@code shapes}, or null;
     * bugs of some values only (ties) are left out: a probe's values meet them or not.
     */
    static KnownBug metBy(String op, OpCall call, List<int[]> shapes) {
        for (KnownBug bug : values()) {
            if (bug.ops.contains(op) && bug.cases.test(call, shapes)) {
                return bug;
            }
        }
        return null;
    }

    /** The bugs as known faults of the kit's or the catalogue's run, one per kit op they affect there. */
    static List<KnownFault> knownFaults(Run run) {
        List<KnownFault> faults = new ArrayList<>();
        for (KnownBug bug : values()) {
            for (String op : run == Run.KIT ? bug.kitOps : bug.catalogueOps) {
                if (Ops.ALL.contains(op)) {
                    faults.add(new KnownFault(op, "SameDiff " + VERSION + " bug " + bug + ": " + bug.description, bug.cases));
                }
            }
        }
        return List.copyOf(faults);
    }
}
