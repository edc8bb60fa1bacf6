package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.Capabilities;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether an engine's declaration admits one sample of the op catalogue: its op, the ranks and
 * zero-size dimensions of its inputs and output, the broadcasting of an elementwise binary op and
 * the op's parameter domain. A sample outside the declaration is skipped with the reason, counted
 * as not supported by the engine, never passed.
 */
final class CatalogueSupport {

    private CatalogueSupport() {
    }

    /** Why the engine cannot take the call on inputs of these shapes with this output shape, or null if it can. */
    static String unsupported(AutogradAdapter<?> engine, OpCall call, List<int[]> inputs, int[] output) {
        Capabilities declared = engine.declared();
        if (!engine.ops().contains(call.op())) {
            return "op " + call.op() + " not declared by the engine";
        }
        for (int[] shape : concat(inputs, output)) {
            if (shape.length > declared.maxRank()) {
                return "rank " + shape.length + " " + Arrays.toString(shape) + " above the declared maxRank "
                        + declared.maxRank();
            }
            if (!declared.zeroSizeDims() && Arrays.stream(shape).anyMatch(d -> d == 0)) {
                return "zero-size dimension " + Arrays.toString(shape) + " (declared withoutZeroSizeDims)";
            }
        }
        if (Ops.ELEMENTWISE_BINARY.contains(call.op()) && inputs.size() == 2) {
            int[] a = inputs.get(0);
            int[] b = inputs.get(1);
            boolean same = Arrays.equals(a, b);
            if (declared.broadcasting() == Capabilities.Broadcasting.NONE && !same) {
                return "broadcasting " + Arrays.toString(a) + " with " + Arrays.toString(b) + " (declared broadcasting NONE)";
            }
            if (declared.broadcasting() == Capabilities.Broadcasting.SAME_RANK && a.length != b.length) {
                return "broadcasting across ranks " + Arrays.toString(a) + " with " + Arrays.toString(b)
                        + " (declared broadcasting SAME_RANK)";
            }
        }
        List<Double> domain = declared.parameterDomains().get(call.op());
        if (domain != null && !domain.contains(call.scalar())) {
            return call.op() + " with parameter " + call.scalar() + " outside the declared domain " + domain;
        }
        return null;
    }

    private static List<int[]> concat(List<int[]> inputs, int[] output) {
        List<int[]> all = new ArrayList<>(inputs);
        all.add(output);
        return all;
    }
}
