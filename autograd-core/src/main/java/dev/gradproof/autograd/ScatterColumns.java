package dev.gradproof.autograd;

/**
 * The {@code [N, C]} matrix that is zero except {@code v[i]} at {@code [i, columns[i]]}: the
 * gradient of {@link PickColumns}, whose backward in turn picks.
 */
final class ScatterColumns extends Op {

    private final int[] columns;

    private ScatterColumns(Variable v, int[] columns) {
        super("scatterColumns", v);
        this.columns = columns;
    }

    static Variable apply(Variable v, int[] columns, int classes) {
        double[] in = v.value().data();
        double[] out = new double[columns.length * classes];
        for (int i = 0; i < columns.length; i++) {
            out[i * classes + columns[i]] = in[i];
        }
        return new ScatterColumns(v, columns).record(Tensor.wrap(Shape.of(columns.length, classes), out));
    }

    @Override
    protected Variable[] backward(Variable upstream, Variable output) {
        return new Variable[] {PickColumns.apply(upstream, columns)};
    }
}
