package dev.gradproof.autograd;

import static dev.gradproof.autograd.Approx.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gradproof.autograd.OpCatalogue.BinaryOpCase;
import dev.gradproof.autograd.OpCatalogue.UnaryOpCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every elementwise op against Commons Math's forward-mode {@link DerivativeStructure} (order 2):
 * the value, the first derivative (a vector-Jacobian product with an upstream that is not all
 * ones) and the second derivative, obtained by differentiating the first with
 * {@link Autograd#grad} and {@code createGraph}. Binary ops are checked for both partials and
 * for the three second partials, also under broadcasting, where the gradient of a broadcast
 * operand is the sum over the broadcast axes.
 *
 * <p>Tolerance: 1e-12 relative. The absolute floor of 1e-14 applies only where the exact
 * result is within a few ulps of zero (e.g. the second derivative of a linear piece), where a
 * relative bound means nothing.
 */
class ElementwiseDerivativesTest {

    private static final double RELATIVE = 1e-12;
    private static final double FLOOR = 1e-14;

    /**
     * The gradient of {@code sum(g)} with respect to each input. A gradient that came back as a
     * constant (a linear op's) does not depend on the inputs, and Autograd.grad gives zeros for it.
     */
    static List<Tensor> gradientOfSum(Variable g, List<Variable> inputs) {
        List<Tensor> out = new ArrayList<>();
        Autograd.grad(g.sum(), inputs, false).forEach(v -> out.add(v.value()));
        return out;
    }

    // ------------------------------------------------------------------ unary

    static Stream<UnaryOpCase> unaryOps() {
        return OpCatalogue.unary().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryOps")
    void unaryOpValueFirstAndSecondDerivativeMatchDerivativeStructure(UnaryOpCase c) {
        double[] points = c.points();
        int n = points.length;
        double[] upstream = new double[n];
        for (int i = 0; i < n; i++) {
            upstream[i] = 0.5 + 0.25 * i * (i % 2 == 0 ? 1 : -1);   // never 0, never all ones
        }
        Variable x = Variable.leaf("x", Tensor.vector(points));
        Variable y = c.op().apply(x);
        Variable g = Autograd.grad(y, List.of(x), Variable.constant(Tensor.vector(upstream)), true).get(0);
        Tensor second = gradientOfSum(g, List.of(x)).get(0);

        assertThat(y.shape()).isEqualTo(x.shape());
        assertThat(g.shape()).isEqualTo(x.shape());
        for (int i = 0; i < n; i++) {
            DerivativeStructure d = c.oracle().apply(new DerivativeStructure(1, 2, 0, points[i]));
            String at = c.name() + " at x = " + points[i];
            assertClose(at + ": value", y.value().getFlat(i), d.getValue(), RELATIVE, FLOOR);
            assertClose(at + ": first derivative", g.value().getFlat(i),
                    upstream[i] * d.getPartialDerivative(1), RELATIVE, FLOOR);
            assertClose(at + ": second derivative", second.getFlat(i),
                    upstream[i] * d.getPartialDerivative(2), RELATIVE, FLOOR);
        }
    }

    // ------------------------------------------------------------------ binary

    /** Shape pairs and their broadcast (numpy rules): equal shapes, and each operand broadcast in turn. */
    static List<int[][]> shapePairs() {
        return List.of(
                new int[][] {{2, 3}, {2, 3}, {2, 3}},
                new int[][] {{}, {2, 3}, {2, 3}},
                new int[][] {{2, 3}, {}, {2, 3}},
                new int[][] {{1, 3}, {2, 3}, {2, 3}},
                new int[][] {{2, 3}, {1, 3}, {2, 3}},
                new int[][] {{2, 1}, {2, 3}, {2, 3}},
                new int[][] {{2, 3}, {2, 1}, {2, 3}},
                new int[][] {{2, 2, 3}, {3}, {2, 2, 3}},
                new int[][] {{3}, {2, 2, 3}, {2, 2, 3}},
                new int[][] {{2, 1, 3}, {4, 1}, {2, 4, 3}});
    }

    static Stream<Arguments> binaryCases() {
        return OpCatalogue.binary().stream().flatMap(op -> shapePairs().stream().map(pair ->
                Arguments.of(op, Shape.of(pair[0]), Shape.of(pair[1]), Shape.of(pair[2]))));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("binaryCases")
    void binaryOpPartialsMatchDerivativeStructure(BinaryOpCase c, Shape aShape, Shape bShape, Shape out) {
        long seed = 1_000L * aShape.hashCode() + bShape.hashCode();
        Random random = new Random(seed);
        Tensor aValue = Tensor.uniform(random, -2, 2, aShape.dims());
        Tensor bValue = Tensor.uniform(random, 0.5, 2.5, bShape.dims());   // nonzero, for div
        Variable a = Variable.leaf("a", aValue);
        Variable b = Variable.leaf("b", bValue);
        Variable y = c.op().apply(a, b);
        assertThat(y.shape()).isEqualTo(out);
        Tensor upstream = Tensor.uniform(random, -1.5, 1.5, out.dims());

        List<Variable> g = Autograd.grad(y, List.of(a, b), Variable.constant(upstream), true);
        List<Tensor> fromGa = gradientOfSum(g.get(0), List.of(a, b));
        List<Tensor> fromGb = gradientOfSum(g.get(1), List.of(a, b));

        // The oracle, element by element of the broadcast output, summed back to each operand.
        double[] value = new double[out.size()];
        double[] ga = new double[aShape.size()];
        double[] gb = new double[bShape.size()];
        double[] gaa = new double[aShape.size()];
        double[] gab = new double[bShape.size()];
        double[] gba = new double[aShape.size()];
        double[] gbb = new double[bShape.size()];
        for (int o = 0; o < out.size(); o++) {
            int[] index = out.index(o);
            int ia = broadcastSource(index, aShape);
            int ib = broadcastSource(index, bShape);
            DerivativeStructure d = c.oracle().apply(
                    new DerivativeStructure(2, 2, 0, aValue.getFlat(ia)),
                    new DerivativeStructure(2, 2, 1, bValue.getFlat(ib)));
            double u = upstream.getFlat(o);
            value[o] = d.getValue();
            ga[ia] += u * d.getPartialDerivative(1, 0);
            gb[ib] += u * d.getPartialDerivative(0, 1);
            gaa[ia] += u * d.getPartialDerivative(2, 0);
            gab[ib] += u * d.getPartialDerivative(1, 1);
            gba[ia] += u * d.getPartialDerivative(1, 1);
            gbb[ib] += u * d.getPartialDerivative(0, 2);
        }
        String what = c.name() + " " + aShape + " with " + bShape + " (seed " + seed + ")";
        assertClose(what + ": value", y.value(), Tensor.of(value, out), RELATIVE, FLOOR);
        assertClose(what + ": d/da", g.get(0).value(), Tensor.of(ga, aShape), RELATIVE, FLOOR);
        assertClose(what + ": d/db", g.get(1).value(), Tensor.of(gb, bShape), RELATIVE, FLOOR);
        assertClose(what + ": d2/da2", fromGa.get(0), Tensor.of(gaa, aShape), RELATIVE, FLOOR);
        assertClose(what + ": d2/dadb (from d/da)", fromGa.get(1), Tensor.of(gab, bShape), RELATIVE, FLOOR);
        assertClose(what + ": d2/dbda (from d/db)", fromGb.get(0), Tensor.of(gba, aShape), RELATIVE, FLOOR);
        assertClose(what + ": d2/db2", fromGb.get(1), Tensor.of(gbb, bShape), RELATIVE, FLOOR);
    }

    /**
     * The flat offset in an operand of {@code shape} that output element {@code index} reads
     * under numpy broadcasting: aligned at the right, index 0 along dimensions of size 1.
     */
    private static int broadcastSource(int[] index, Shape shape) {
        int offset = 0;
        int shift = index.length - shape.rank();
        for (int axis = 0; axis < shape.rank(); axis++) {
            int dim = shape.dim(axis);
            offset = offset * dim + (dim == 1 ? 0 : index[axis + shift]);
        }
        return offset;
    }
}
