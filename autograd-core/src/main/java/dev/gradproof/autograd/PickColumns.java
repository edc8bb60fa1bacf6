package dev.gradproof.autograd;

/**
 * The entry {@code x[i, columns[i]]} of each row of an {@code [N, C]} matrix, as a vector
 * {@code [N]}: each example's score for its correct class. Backward scatters the upstream into an
 * {@code [N, C]} matrix of zeros; picking and scattering are each other's gradients, as sum and
 * broadcast are. Selecting (rather than multiplying by a one-hot mask) keeps a {@code -inf} score
 * in another column from turning into NaN.
 */
final class PickColumns extends Op {

    private final int[] columns;

    private PickColumns(Variable x, int[] columns) {
        super("pickColumns", x);
        this.columns = columns;
    }

    /** {@code columns} must already be checked: one per row, each in {@code [0, C)}. */
    static Variable apply(Variable x, int[] columns) {
        int classes = x.shape().dim(1);
        double[] in = x.value().data();
        double[] out = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = in[i * classes + columns[i]];
        }
        return new PickColumns(x, columns).record(Tensor.wrap(Shape.of(columns.length), out));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {ScatterColumns.apply(upstream, columns, input(0).shape().dim(1))};
    }
}
