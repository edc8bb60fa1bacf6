package dev.gradproof.properties.engine;

import java.util.List;
import java.util.Set;

/**
 * The names of the ops the contract kit can ask an engine to apply, with what each computes and
 * which fields of {@link OpCall} it reads. An engine declares the subset it implements in
 * {@link AutogradAdapter#ops()}; the kit then builds graphs from those ops only. {@link #ADD} and
 * {@link #SUM} are required: every generated graph ends by summing its results to a scalar.
 *
 * <p>Elementwise binary ops broadcast as numpy does. All values are doubles.
 *
 * <table>
 * <caption>The op vocabulary</caption>
 * <tr><th>name</th><th>inputs</th><th>computes</th><th>parameters</th></tr>
 * <tr><td>add, sub, mul, div</td><td>a, b</td><td>a + b, a - b, a * b, a / b</td><td></td></tr>
 * <tr><td>maximum, minimum</td><td>a, b</td><td>elementwise max / min</td><td></td></tr>
 * <tr><td>neg, exp, log, sqrt, square, abs, reciprocal</td><td>x</td><td>-x, e^x, ln x, ...</td><td></td></tr>
 * <tr><td>addConstant</td><td>x</td><td>x + c</td><td>{@code scalar} = c</td></tr>
 * <tr><td>mulConstant</td><td>x</td><td>a x</td><td>{@code scalar} = a</td></tr>
 * <tr><td>pow</td><td>x</td><td>x^p</td><td>{@code scalar} = p</td></tr>
 * <tr><td>sigmoid, tanh, relu, gelu, silu, normalCdf</td><td>x</td><td>the activations of the notes;
 *     gelu = x Phi(x), silu = x sigma(x)</td><td></td></tr>
 * <tr><td>leakyRelu</td><td>x</td><td>x for x &ge; 0, slope x below</td><td>{@code scalar} = slope</td></tr>
 * <tr><td>elu</td><td>x</td><td>x for x &ge; 0, alpha (e^x - 1) below</td><td>{@code scalar} = alpha</td></tr>
 * <tr><td>sum, mean</td><td>x</td><td>all elements to a scalar</td><td></td></tr>
 * <tr><td>sumAxis, meanAxis</td><td>x</td><td>along one axis</td><td>{@code axis}, {@code keepDims}</td></tr>
 * <tr><td>broadcastTo, reshape</td><td>x</td><td>x in another shape</td><td>{@code ints} = target dims</td></tr>
 * <tr><td>transpose</td><td>x</td><td>axes reversed</td><td></td></tr>
 * <tr><td>transposeAxes</td><td>x</td><td>two axes swapped (torch's transpose(dim0, dim1))</td><td>{@code ints} = dim0, dim1</td></tr>
 * <tr><td>matmul</td><td>x [m, k], w [k, n]</td><td>the matrix product</td><td></td></tr>
 * <tr><td>batchMatmul</td><td>x [B, m, k], w [k, n] or [B, k, n]</td><td>a matrix product per batch element</td><td></td></tr>
 * <tr><td>softmax, logSoftmax</td><td>x</td><td>along an axis</td><td>{@code axis}</td></tr>
 * <tr><td>maxout</td><td>x [N, D], w1 [D, H], b1 [H], w2, b2</td><td>max(x w1 + b1, x w2 + b2)</td><td></td></tr>
 * <tr><td>softmaxCrossEntropy, svmHinge</td><td>scores [N, C]</td><td>mean over the batch; hinge margin 1</td>
 *     <td>{@code ints} = labels</td></tr>
 * <tr><td>softmaxCrossEntropy(sum), svmHinge(sum)</td><td>scores [N, C]</td><td>the same losses summed over the
 *     batch (torch's reduction="sum")</td><td>{@code ints} = labels</td></tr>
 * <tr><td>sumSquaredError</td><td>prediction, target</td><td>sum (p - t)^2</td><td></td></tr>
 * <tr><td>sumSquaredError(mean)</td><td>prediction, target</td><td>mean (p - t)^2 (the mean squared error)</td><td></td></tr>
 * <tr><td>l2</td><td>w1, ..., wn</td><td>lambda sum of all squared elements</td><td>{@code scalar} = lambda</td></tr>
 * </table>
 */
public final class Ops {

    public static final String ADD = "add";
    public static final String SUB = "sub";
    public static final String MUL = "mul";
    public static final String DIV = "div";
    public static final String MAXIMUM = "maximum";
    public static final String MINIMUM = "minimum";
    public static final String NEG = "neg";
    public static final String EXP = "exp";
    public static final String LOG = "log";
    public static final String SQRT = "sqrt";
    public static final String SQUARE = "square";
    public static final String ABS = "abs";
    public static final String RECIPROCAL = "reciprocal";
    public static final String ADD_CONSTANT = "addConstant";
    public static final String MUL_CONSTANT = "mulConstant";
    public static final String POW = "pow";
    public static final String SIGMOID = "sigmoid";
    public static final String TANH = "tanh";
    public static final String RELU = "relu";
    public static final String LEAKY_RELU = "leakyRelu";
    public static final String ELU = "elu";
    public static final String GELU = "gelu";
    public static final String SILU = "silu";
    public static final String NORMAL_CDF = "normalCdf";
    public static final String SUM = "sum";
    public static final String MEAN = "mean";
    public static final String SUM_AXIS = "sumAxis";
    public static final String MEAN_AXIS = "meanAxis";
    public static final String BROADCAST_TO = "broadcastTo";
    public static final String RESHAPE = "reshape";
    public static final String TRANSPOSE = "transpose";
    public static final String TRANSPOSE_AXES = "transposeAxes";
    public static final String MATMUL = "matmul";
    public static final String BATCH_MATMUL = "batchMatmul";
    public static final String SOFTMAX = "softmax";
    public static final String LOG_SOFTMAX = "logSoftmax";
    public static final String MAXOUT = "maxout";
    public static final String SOFTMAX_CROSS_ENTROPY = "softmaxCrossEntropy";
    public static final String SVM_HINGE = "svmHinge";
    public static final String SOFTMAX_CROSS_ENTROPY_SUM = "softmaxCrossEntropy(sum)";
    public static final String SVM_HINGE_SUM = "svmHinge(sum)";
    public static final String SUM_SQUARED_ERROR = "sumSquaredError";
    public static final String MEAN_SQUARED_ERROR = "sumSquaredError(mean)";
    public static final String L2 = "l2";

    /** Every op of the vocabulary, in the order the generators list them. */
    public static final List<String> ALL = List.of(ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, NEG, EXP, LOG, SQRT,
            SQUARE, ABS, RECIPROCAL, ADD_CONSTANT, MUL_CONSTANT, POW, SIGMOID, TANH, RELU, LEAKY_RELU, ELU, GELU,
            SILU, NORMAL_CDF, SUM, MEAN, SUM_AXIS, MEAN_AXIS, BROADCAST_TO, RESHAPE, TRANSPOSE, TRANSPOSE_AXES, MATMUL,
            BATCH_MATMUL, SOFTMAX,
            LOG_SOFTMAX, MAXOUT, SOFTMAX_CROSS_ENTROPY, SVM_HINGE, SOFTMAX_CROSS_ENTROPY_SUM, SVM_HINGE_SUM, SUM_SQUARED_ERROR,
            MEAN_SQUARED_ERROR, L2);

    /** The elementwise binary ops, which broadcast as {@link Capabilities#broadcasting()} declares. */
    public static final Set<String> ELEMENTWISE_BINARY = Set.of(ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM);

    /** The activations of the notes. */
    public static final Set<String> ACTIVATIONS = Set.of(SIGMOID, TANH, RELU, LEAKY_RELU, ELU, GELU, SILU, MAXOUT);

    /** The losses of the notes. */
    public static final Set<String> LOSSES = Set.of(SUM_SQUARED_ERROR, SOFTMAX_CROSS_ENTROPY, SVM_HINGE,
            SOFTMAX_CROSS_ENTROPY_SUM, SVM_HINGE_SUM, MEAN_SQUARED_ERROR);

    /** The ops every engine must declare. */
    public static final Set<String> REQUIRED = Set.of(ADD, SUM);

    private Ops() {
    }
}
