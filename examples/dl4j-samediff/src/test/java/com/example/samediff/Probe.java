package com.example.samediff;

import com.example.samediff.SameDiffFunction.In;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.properties.engine.OpCall;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One probe of one SameDiff op: the op (as the kit names it, with its parameters), a description of
 * the point, and the inputs. {@link #gradCheck()} checks SameDiff's gradient there with gradcheck's
 * foreign-function API (FULL mode, whole Jacobians up to 16 outputs, else random projections).
 */
record Probe(OpCall call, String point, List<In> inputs) {

    /** {@code op(a, b...) of shapes [..] at <point>}. */
    String label() {
        return call.op() + parameters() + " of " + inputs.stream().map(in -> Arrays.toString(in.shape()))
                .collect(Collectors.joining(", ")) + ", " + point;
    }

    private String parameters() {
        StringBuilder p = new StringBuilder();
        if (call.scalar() != 0) {
            p.append(" ").append(call.scalar());
        }
        if (call.ints().length > 0) {
            p.append(" ").append(Arrays.toString(call.ints()));
        }
        if (call.keepDims() || call.axis() != 0) {
            p.append(" axis ").append(call.axis()).append(call.keepDims() ? " keepDims" : "");
        }
        return p.toString();
    }

    /** SameDiff's forward output at the probe's point. */
    void forward() {
        SameDiffFunction.run(body(), inputs.stream().map(In::shape).toList(),
                inputs.stream().map(In::values).toArray(double[][]::new));
    }

    private SameDiffFunction.Body body() {
        return (sd, vars) -> SameDiffOps.apply(sd, call, vars, i -> inputs.get(i).shape());
    }

    /** The known bug of SameDiff this probe meets, if any. */
    KnownBug knownBug() {
        return KnownBug.metBy(call.op(), call, inputs.stream().map(In::shape).toList());
    }

    GradCheck gradCheck() {
        return SameDiffFunction.gradCheck(body(), inputs)
                .op(call.op()).label("SameDiff " + label()).seed(Probes.SEED);
    }

    @Override
    public String toString() {
        return label();
    }
}
