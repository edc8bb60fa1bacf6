package com.example.samediff;

import dev.gradproof.properties.engine.DenseArray;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the SameDiff graph that computes one {@link SdNode} (every node it depends on, each once,
 * without recursion, so that deep graphs build) and runs it: forward for a value, and backward for
 * an upstream g as SameDiff's gradients of the scalar loss sum(output * g), the loss whose gradient
 * is the vector-Jacobian product. Everything in float64.
 */
final class SameDiffGraph {

    static {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    private final SameDiff sd = SameDiff.create();
    private final Map<SdNode, SDVariable> built = new HashMap<>();
    private final List<SdNode> leaves = new ArrayList<>();

    private SameDiffGraph(SdNode output) {
        Deque<SdNode> stack = new ArrayDeque<>();
        stack.push(output);
        while (!stack.isEmpty()) {
            SdNode node = stack.peek();
            if (built.containsKey(node)) {
                stack.pop();
                continue;
            }
            List<SdNode> missing = node.inputs.stream().filter(in -> !built.containsKey(in)).toList();
            if (!missing.isEmpty()) {
                missing.forEach(stack::push);
                continue;
            }
            stack.pop();
            built.put(node, build(node));
        }
    }

    private SDVariable build(SdNode node) {
        return switch (node.kind) {
            case LEAF -> {
                leaves.add(node);
                yield sd.var(node.variableName(), array(node.value));
            }
            case CONSTANT -> sd.constant(node.variableName(), array(node.value));
            case DETACHED -> new StopGradient(sd, built.get(node.inputs.get(0))).outputVariable();
            case OP -> SameDiffOps.apply(sd, node.call, node.inputs.stream().map(built::get).toList(),
                    i -> node.inputs.get(i).value().shape());
        };
    }

    /**
     * The value of {@code node} (an op or a detached node: leaves and constants hold theirs), run forward
     * in SameDiff; the values of the other nodes of its graph
     * come out of the same run and are kept by their nodes, so reading every node's value (the
     * kit's KIT-901) builds one graph, not one per node.
     */
    static DenseArray value(SdNode node) {
        SameDiffGraph graph = new SameDiffGraph(node);
        Map<String, SdNode> computed = new HashMap<>();
        graph.built.forEach((n, variable) -> {
            if (n.kind == SdNode.Kind.OP || n.kind == SdNode.Kind.DETACHED) {
                computed.put(variable.name(), n);
            }
        });
        Map<String, INDArray> outputs = graph.sd.output(Map.of(), List.copyOf(computed.keySet()));
        computed.forEach((name, n) -> n.cache(dense(outputs.get(name))));
        return dense(outputs.get(graph.built.get(node).name()));
    }

    /**
     * Backward of {@code upstream} from {@code output}: sets every leaf's gradient to
     * d sum(output * upstream) / d leaf as SameDiff computes it (zeros where SameDiff returns none).
     */
    static void backward(SdNode output, DenseArray upstream) {
        SameDiffGraph graph = new SameDiffGraph(output);
        Map<String, INDArray> grads = gradients(graph.sd, graph.built.get(output), upstream,
                graph.leaves.stream().map(SdNode::variableName).toList());
        for (SdNode leaf : graph.leaves) {
            INDArray g = grads.get(leaf.variableName());
            leaf.setGrad(g == null ? DenseArray.zeros(leaf.value.shape()) : dense(g));
        }
    }

    /**
     * SameDiff's gradients of {@code sum(out * upstream)} with respect to the variables {@code names}, by name;
     * a variable the loss does not reach may be missing.
     */
    static Map<String, INDArray> gradients(SameDiff sd, SDVariable out, DenseArray upstream, List<String> names) {
        sd.setLossVariables(sd.sum(sd.math().mul(out, sd.constant(array(upstream)))));
        return names.isEmpty() ? Map.of() : sd.calculateGradients(Map.of(), names);
    }

    /** A float64 nd4j array of {@code value}'s shape and elements (c order). */
    static INDArray array(DenseArray value) {
        long[] shape = Arrays.stream(value.shape()).asLongStream().toArray();
        if (value.size() == 0) {
            return Nd4j.create(DataType.DOUBLE, shape);
        }
        return shape.length == 0 ? Nd4j.scalar(value.get(0)) : Nd4j.create(value.data(), shape, DataType.DOUBLE);
    }

    /** An nd4j array as a {@link DenseArray}, its shape and its elements in c order. */
    static DenseArray dense(INDArray array) {
        int[] shape = Arrays.stream(array.shape()).mapToInt(Math::toIntExact).toArray();
        double[] data = array.length() == 0 ? new double[0] : array.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        return new DenseArray(data, shape);
    }
}
